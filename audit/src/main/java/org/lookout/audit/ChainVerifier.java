package org.lookout.audit;

import java.util.Optional;
import java.util.function.Function;

/**
 * Walks the chain in the order of its numbers, one row at a time (so a long chain is read in pages and never held
 * whole), and stops at the first broken link:
 * <ol>
 * <li>a number skipped: the rows in between were deleted ({@link BrokenLink.Kind#MISSING});</li>
 * <li>a row whose fields no longer give its hash: edited ({@link BrokenLink.Kind#EDITED});</li>
 * <li>a row that does not follow the one before it: if the row it names as its predecessor still exists elsewhere, rows
 * were moved ({@link BrokenLink.Kind#OUT_OF_ORDER}); if not, its predecessor was deleted or replaced
 * ({@link BrokenLink.Kind#MISSING}).</li>
 * </ol>
 * At the end the head must name the last row: a head ahead of it means the last rows were deleted.
 */
public final class ChainVerifier {

    private final Function<String, Optional<Long>> seqOfHash;
    private String previousHash = AuditChain.GENESIS;
    private long expectedSeq = 1;
    private long checked;
    private BrokenLink broken;

    /** @param seqOfHash where a row with this hash stands, if anywhere (to tell moved rows from deleted ones) */
    public ChainVerifier(Function<String, Optional<Long>> seqOfHash) {
        this.seqOfHash = seqOfHash;
    }

    /** Checks the next row; answers false once the chain is broken (later rows tell nothing more). */
    public boolean check(AuditRow row) {
        if (broken != null) {
            return false;
        }
        checked++;
        if (row.seq() > expectedSeq) {
            return fail(new BrokenLink(expectedSeq, BrokenLink.Kind.MISSING, row.seq() - expectedSeq == 1
                    ? "row " + expectedSeq + " is missing"
                    : "rows " + expectedSeq + " to " + (row.seq() - 1) + " are missing"));
        }
        if (!AuditChain.hashOf(row).equals(row.hash())) {
            return fail(new BrokenLink(row.seq(), BrokenLink.Kind.EDITED,
                    "row " + row.seq() + " was changed after it was written: its content no longer gives its hash"));
        }
        if (!row.prevHash().equals(previousHash)) {
            Optional<Long> predecessor = seqOfHash.apply(row.prevHash());
            return fail(predecessor.map(at -> new BrokenLink(row.seq(), BrokenLink.Kind.OUT_OF_ORDER,
                    "row " + row.seq() + " was written after the row now at " + at + ", not after row " + (row.seq() - 1)))
                    .orElseGet(() -> new BrokenLink(row.seq(), BrokenLink.Kind.MISSING,
                            "the row written before row " + row.seq() + " is gone or was replaced")));
        }
        previousHash = row.hash();
        expectedSeq = row.seq() + 1;
        return true;
    }

    /** The verdict after the last row, against the head's number and hash. */
    public Verdict finish(long headSeq, String headHash) {
        long lastSeq = expectedSeq - 1;
        if (broken == null && headSeq > lastSeq) {
            broken = new BrokenLink(lastSeq + 1, BrokenLink.Kind.MISSING, headSeq - lastSeq == 1
                    ? "row " + headSeq + ", the last one written, is missing"
                    : "rows " + (lastSeq + 1) + " to " + headSeq + ", the last ones written, are missing");
        } else if (broken == null && (headSeq < lastSeq || !headHash.equals(previousHash))) {
            broken = new BrokenLink(lastSeq, BrokenLink.Kind.EDITED,
                    "the chain head names row " + headSeq + ", not the last row " + lastSeq + " as written");
        }
        return broken == null ? Verdict.intact(checked, lastSeq) : Verdict.broken(checked, lastSeq, broken);
    }

    public boolean broken() {
        return broken != null;
    }

    private boolean fail(BrokenLink link) {
        broken = link;
        return false;
    }
}
