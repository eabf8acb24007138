package org.lookout.audit;

/**
 * What verifying the chain found: intact, or the first broken link.
 *
 * @param intact      every row gives its hash, follows the row before it, and the head names the last one
 * @param rowsChecked how many rows were read
 * @param lastSeq     the number of the last row read
 * @param brokenLink  the first place where it does not hold; null when intact
 */
public record Verdict(boolean intact, long rowsChecked, long lastSeq, BrokenLink brokenLink) {

    static Verdict intact(long rowsChecked, long lastSeq) {
        return new Verdict(true, rowsChecked, lastSeq, null);
    }

    static Verdict broken(long rowsChecked, long lastSeq, BrokenLink link) {
        return new Verdict(false, rowsChecked, lastSeq, link);
    }
}
