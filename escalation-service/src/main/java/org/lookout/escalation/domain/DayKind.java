package org.lookout.escalation.domain;

/** What a calendar day is for the SLA clocks. */
public enum DayKind {

    WORKDAY(true),
    WEEKEND(false),
    /** A statutory holiday (法定节假日), including the weekend days a notice folds into the break. */
    HOLIDAY(false),
    /** A weekend day the State Council notice makes a working day (调休). */
    MAKEUP_WORKDAY(true);

    private final boolean working;

    DayKind(boolean working) {
        this.working = working;
    }

    public boolean working() {
        return working;
    }
}
