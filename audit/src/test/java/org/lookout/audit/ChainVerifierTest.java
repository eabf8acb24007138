package org.lookout.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The chain and its verifier without a database: every kind of tampering is named at the first broken link. */
class ChainVerifierTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:00.123456789Z");

    @Test
    void anUntouchedChainIsIntactAndTheHeadNamesItsLastRow() {
        List<AuditRow> rows = chain(5);

        Verdict verdict = verify(rows, 5, rows.get(4).hash());

        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.rowsChecked()).isEqualTo(5);
        assertThat(verdict.lastSeq()).isEqualTo(5);
        assertThat(verdict.brokenLink()).isNull();
    }

    @Test
    void anEmptyChainIsIntact() {
        assertThat(verify(List.of(), 0, AuditChain.GENESIS).intact()).isTrue();
    }

    @Test
    void anEditedRowIsNamed() {
        List<AuditRow> rows = new ArrayList<>(chain(5));
        AuditRow third = rows.get(2);
        rows.set(2, new AuditRow(third.seq(), third.at(), third.actor(), third.role(), third.action(), third.target(),
                "another reason", third.prevHash(), third.hash()));

        Verdict verdict = verify(rows, 5, rows.get(4).hash());

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.brokenLink().seq()).isEqualTo(3);
        assertThat(verdict.brokenLink().kind()).isEqualTo(BrokenLink.Kind.EDITED);
    }

    @Test
    void anEditedRowWhoseHashWasRecomputedBreaksTheLinkOfTheNext() {
        List<AuditRow> rows = new ArrayList<>(chain(5));
        AuditRow third = rows.get(2);
        AuditRow forged = AuditChain.seal(3, third.at(), new AuditEntry("someone-else", third.role(), third.action(),
                third.target(), third.reason()), third.prevHash());
        rows.set(2, forged);

        Verdict verdict = verify(rows, 5, rows.get(4).hash());

        assertThat(verdict.brokenLink().seq()).isEqualTo(4);
        assertThat(verdict.brokenLink().kind()).isEqualTo(BrokenLink.Kind.MISSING);
    }

    @Test
    void aDeletedRowIsNamedByItsNumber() {
        List<AuditRow> rows = new ArrayList<>(chain(5));
        rows.remove(1);

        Verdict verdict = verify(rows, 5, rows.get(3).hash());

        assertThat(verdict.brokenLink().seq()).isEqualTo(2);
        assertThat(verdict.brokenLink().kind()).isEqualTo(BrokenLink.Kind.MISSING);
        assertThat(verdict.brokenLink().detail()).contains("row 2 is missing");
    }

    @Test
    void aDeletedRowWithTheFollowingOnesRenumberedIsStillMissing() {
        List<AuditRow> written = chain(5);
        List<AuditRow> rows = new ArrayList<>(written.subList(0, 2));
        for (AuditRow row : written.subList(3, 5)) {
            rows.add(new AuditRow(row.seq() - 1, row.at(), row.actor(), row.role(), row.action(), row.target(),
                    row.reason(), row.prevHash(), row.hash()));
        }

        Verdict verdict = verify(rows, 4, rows.get(3).hash());

        assertThat(verdict.brokenLink().seq()).isEqualTo(3);
        assertThat(verdict.brokenLink().kind()).isEqualTo(BrokenLink.Kind.MISSING);
    }

    @Test
    void theLastRowDeletedIsSeenAgainstTheHead() {
        List<AuditRow> rows = new ArrayList<>(chain(5));
        AuditRow last = rows.remove(4);

        Verdict verdict = verify(rows, 5, last.hash());

        assertThat(verdict.brokenLink().seq()).isEqualTo(5);
        assertThat(verdict.brokenLink().kind()).isEqualTo(BrokenLink.Kind.MISSING);
    }

    @Test
    void swappedRowsAreOutOfOrder() {
        List<AuditRow> written = chain(5);
        List<AuditRow> rows = new ArrayList<>(written);
        rows.set(1, renumbered(written.get(2), 2));
        rows.set(2, renumbered(written.get(1), 3));

        Verdict verdict = verify(rows, 5, rows.get(4).hash());

        assertThat(verdict.brokenLink().seq()).isEqualTo(2);
        assertThat(verdict.brokenLink().kind()).isEqualTo(BrokenLink.Kind.OUT_OF_ORDER);
        assertThat(verdict.brokenLink().detail()).contains("row now at 3");
    }

    @Test
    void theEncodingTellsNullFromEmptyAndCannotBeSmuggledAcrossFields() {
        assertThat(AuditChain.canonical(AT, "a", null, "READ", "t", null))
                .isNotEqualTo(AuditChain.canonical(AT, "a", "", "READ", "t", null));
        assertThat(AuditChain.canonical(AT, "a\nrole=1:x", null, "READ", "t", null))
                .isNotEqualTo(AuditChain.canonical(AT, "a", "x", "READ", "t", null));
        assertThat(AuditChain.canonical(AT, "a", null, "READ", "t", null))
                .contains("at=27:2026-03-02T08:00:00.123456Z\nactor=1:a\nrole=-\n");
    }

    @Test
    void theHashIsSha256InLowerCaseHex() {
        AuditRow row = AuditChain.seal(1, AT, new AuditEntry("inspector-1", "inspector", "READ_ARCHIVE", "official x",
                "promotion review"), AuditChain.GENESIS);

        assertThat(row.hash()).matches("[0-9a-f]{64}").isEqualTo(AuditChain.hashOf(row));
        assertThat(row.at()).isEqualTo(Instant.parse("2026-03-02T08:00:00.123456Z"));
    }

    private static Verdict verify(List<AuditRow> rows, long headSeq, String headHash) {
        ChainVerifier verifier = new ChainVerifier(hash -> rows.stream().filter(row -> row.hash().equals(hash))
                .map(AuditRow::seq).findFirst());
        for (AuditRow row : rows) {
            if (!verifier.check(row)) {
                break;
            }
        }
        return verifier.finish(headSeq, headHash);
    }

    private static List<AuditRow> chain(int length) {
        List<AuditRow> rows = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            AuditRow row = AuditChain.seal(seq, AT.plusSeconds(seq), new AuditEntry("inspector-" + seq, "inspector",
                    "READ_ARCHIVE", "official " + seq, seq % 2 == 0 ? null : "reason " + seq), previous);
            rows.add(row);
            previous = row.hash();
        }
        return rows;
    }

    private static AuditRow renumbered(AuditRow row, long seq) {
        return new AuditRow(seq, row.at(), row.actor(), row.role(), row.action(), row.target(), row.reason(),
                row.prevHash(), row.hash());
    }
}
