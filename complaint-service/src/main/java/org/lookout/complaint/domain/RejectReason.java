package org.lookout.complaint.domain;

/** Why a report is not handled: it repeats another report (linked), it is not the community's business, or it is spam. */
public enum RejectReason {
    DUPLICATE, OUT_OF_SCOPE, SPAM
}
