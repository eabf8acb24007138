package org.lookout.cadre.domain;

/** Where a tip-off about an official stands. Forwarding to the discipline commission comes with escalation-service. */
public enum TipOffStatus {
    RECEIVED
}
