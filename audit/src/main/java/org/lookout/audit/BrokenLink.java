package org.lookout.audit;

/**
 * The first place where the chain does not hold.
 *
 * @param seq    the row number where the break shows
 * @param kind   what it means
 * @param detail in words, for the inspector reading the verdict (never a row's content)
 */
public record BrokenLink(long seq, Kind kind, String detail) {

    public enum Kind {
        /** The row's content no longer gives its hash: it was changed after it was written. */
        EDITED,
        /** A row that belongs here is gone: numbers skip it, or nothing left names the hash this row follows. */
        MISSING,
        /** The row is intact but stands elsewhere than where it was written: its predecessor is at another place. */
        OUT_OF_ORDER
    }
}
