package org.lookout.cadre.domain;

/**
 * Where a supervision record stands. {@code RECEIVED} → {@code ACCEPTED} (受理, handled here) or {@code FORWARDED} (sent
 * to the discipline organ, the tip-off of before); {@code ACCEPTED} → {@code FORWARDED} or concluded in-house;
 * {@code FORWARDED} → concluded by the organ's outcome, or back to {@code ACCEPTED} when the organ returns it. The table
 * is {@link SupervisionRecord#TRANSITIONS}.
 */
public enum SupervisionStatus {
    RECEIVED, ACCEPTED, FORWARDED, CONCLUDED;

    /** What a reporter's tracking code shows: accepted or concluded, nothing of how. */
    public String publicStatus() {
        return switch (this) {
            case RECEIVED -> "RECEIVED";
            case ACCEPTED, FORWARDED -> "ACCEPTED";
            case CONCLUDED -> "CONCLUDED";
        };
    }

    /** What moves a supervision record. */
    public enum Action {
        ACCEPT, FORWARD, CONCLUDE, ORGAN_RESOLVED, ORGAN_RETURNED
    }
}
