package org.lookout.complaint.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A rate shown with what it is made of, so a reader can check it: {@code rate} is {@code numerator / denominator}
 * rounded to four places, and null when nothing is due yet (a rate of nothing is not 0 % and not 100 %).
 */
public record Rate(long numerator, long denominator, BigDecimal rate) {

    public static Rate of(long numerator, long denominator) {
        BigDecimal rate = denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
        return new Rate(numerator, denominator, rate);
    }
}
