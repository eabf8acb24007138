package org.lookout.escalation.domain;

import java.time.LocalDate;

/** One day a State Council holiday notice names: a day off, or a make-up working day (调休). */
public record NoticeDay(LocalDate date, DayKind kind, String name) {

    public NoticeDay {
        if (kind != DayKind.HOLIDAY && kind != DayKind.MAKEUP_WORKDAY) {
            throw new IllegalArgumentException("a notice names holidays and make-up working days only, not " + kind);
        }
    }
}
