package org.lookout.cadre.commitment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.audit.AuditEntry;
import org.lookout.audit.AuditTrail;
import org.lookout.cadre.config.CadreConfig;
import org.lookout.cadre.domain.Commitment;
import org.lookout.cadre.domain.Official;
import org.lookout.cadre.official.OfficialAccess;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The commitment to accept community supervision each official signs: a PDF, JPEG or PNG of at most 5 MB, judged by its
 * bytes. Inspectors of the street and staff of the community file it; the newest counts, older ones are kept.
 */
@ApplicationScoped
public class CommitmentService {

    static final String FIELD = "file";

    private final CommitmentRepository commitments;
    private final OfficialAccess access;
    private final AuditTrail audit;
    private final CadreConfig config;
    private final Clock clock;

    CommitmentService(CommitmentRepository commitments, OfficialAccess access, AuditTrail audit, CadreConfig config,
            Clock clock) {
        this.commitments = commitments;
        this.access = access;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** 413 over the limit, before a byte of it is stored. */
    void checkSize(long size) {
        if (size > config.commitmentMaxBytes()) {
            throw ProblemException.tooLarge(FIELD, config.commitmentMaxBytes());
        }
    }

    @WithTransaction
    public Uni<Commitment> file(UUID officialId, LocalDate signedOn, byte[] content, Caller caller) {
        checkSize(content.length);
        LetterType type = LetterType.recognise(content).orElseThrow(() -> ProblemException.unsupportedMediaType(FIELD,
                "must be a PDF, JPEG or PNG (judged by its content)"));
        if (signedOn.isAfter(LocalDate.now(clock.withZone(config.zone())))) {
            throw ProblemException.badRequest("signedOn", "must not be in the future");
        }
        return toFile(officialId, caller).chain(official -> {
            Commitment commitment = new Commitment();
            commitment.id = UUID.randomUUID();
            commitment.officialId = official.id;
            commitment.signedOn = signedOn;
            commitment.mediaType = type.mediaType;
            commitment.size = content.length;
            commitment.sha256 = sha256(content);
            commitment.content = content;
            commitment.uploadedAt = clock.instant();
            commitment.uploadedBy = caller.subject();
            return commitments.persist(commitment)
                    .call(() -> audit.append(AuditEntry.of(caller, "FILE_COMMITMENT", "official " + official.id, null)));
        });
    }

    /** The newest letter; 404 when there is none. */
    @WithTransaction
    public Uni<Commitment> newest(UUID officialId, Caller caller, boolean withContent) {
        return access.toInspect(officialId, caller)
                .chain(official -> commitments.newest(official.id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("commitment of official " + officialId))
                .call(commitment -> withContent ? audit.append(AuditEntry.of(caller, "READ_COMMITMENT",
                        "official " + officialId, null)) : Uni.createFrom().voidItem());
    }

    private Uni<Official> toFile(UUID officialId, Caller caller) {
        return caller.is(Roles.INSPECTOR) ? access.toInspect(officialId, caller) : access.toSee(officialId, caller);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
