package org.lookout.cadre.domain;

/**
 * Where an integrity opinion request stands: {@code REQUESTED} by an inspector; {@code DRAFTED} by community staff
 * (redrafted as often as needed); {@code ISSUED} by the community head; back to {@code REQUESTED} when the head returns
 * the draft; {@code WITHDRAWN} by the inspector before it is issued. The table is {@link IntegrityOpinion#TRANSITIONS}.
 */
public enum OpinionStatus {
    REQUESTED, DRAFTED, ISSUED, WITHDRAWN;

    /** What moves an opinion request. */
    public enum Action {
        DRAFT, ISSUE, RETURN, WITHDRAW
    }
}
