package org.lookout.cadre.domain;

/** Where a tip-off about an official stands: received from a report, then forwarded to the discipline organs once. */
public enum TipOffStatus {
    RECEIVED,
    FORWARDED
}
