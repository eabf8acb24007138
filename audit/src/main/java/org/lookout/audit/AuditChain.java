package org.lookout.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The chain's arithmetic, without a database: a row's hash is SHA-256 over the previous row's hash and the row's
 * canonical encoding. The encoding names every field and prefixes each value with its length in UTF-8 bytes, so no two
 * different rows encode alike (a value cannot smuggle in a separator); {@code null} is written apart from the empty
 * text. The sequence number is deliberately not hashed: the order is carried by the links alone, so rows that are
 * moved are told apart from rows that are edited.
 */
public final class AuditChain {

    /** The "previous hash" of the first row. */
    public static final String GENESIS = "0".repeat(64);
    private static final String VERSION = "lookout-audit-v1";

    private AuditChain() {
    }

    /** The time a row stores: PostgreSQL keeps microseconds, so the hash must see no more than that. */
    public static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public static String canonical(Instant at, String actor, String role, String action, String target, String reason) {
        StringBuilder text = new StringBuilder(VERSION).append('\n');
        field(text, "at", truncate(at).toString());
        field(text, "actor", actor);
        field(text, "role", role);
        field(text, "action", action);
        field(text, "target", target);
        field(text, "reason", reason);
        return text.toString();
    }

    public static String hash(String prevHash, Instant at, String actor, String role, String action, String target,
            String reason) {
        return sha256(prevHash + '\n' + canonical(at, actor, role, action, target, reason));
    }

    /** The hash the row's own fields give behind its stored previous hash. */
    public static String hashOf(AuditRow row) {
        return hash(row.prevHash(), row.at(), row.actor(), row.role(), row.action(), row.target(), row.reason());
    }

    /** The row an entry becomes at {@code seq}, behind a row whose hash is {@code prevHash}. */
    public static AuditRow seal(long seq, Instant at, AuditEntry entry, String prevHash) {
        Instant stored = truncate(at);
        return new AuditRow(seq, stored, entry.actor(), entry.role(), entry.action(), entry.target(), entry.reason(),
                prevHash, hash(prevHash, stored, entry.actor(), entry.role(), entry.action(), entry.target(),
                        entry.reason()));
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(name).append('=');
        if (value == null) {
            text.append('-');
        } else {
            text.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
        text.append('\n');
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
