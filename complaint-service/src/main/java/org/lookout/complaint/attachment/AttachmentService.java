package org.lookout.complaint.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.lookout.complaint.config.IntakeConfig;
import org.lookout.complaint.domain.ReportAccess;
import org.lookout.complaint.domain.ReportAttachment;
import org.lookout.complaint.domain.ReportRepository;
import org.lookout.problem.Problem;
import org.lookout.problem.ProblemException;
import org.lookout.problem.ProblemType;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Photos and documents of a report, for everybody who may see the report (404 for anybody else). JPEG, PNG and PDF
 * only, judged by their bytes; a limited size and number per report, counted under a lock of the report so that two
 * uploads at once cannot both be the fifth.
 */
@ApplicationScoped
public class AttachmentService {

    public static final String FIELD = "file";

    private final ReportAccess access;
    private final ReportRepository reports;
    private final AttachmentRepository attachments;
    private final IntakeConfig limits;
    private final Clock clock;

    AttachmentService(ReportAccess access, ReportRepository reports, AttachmentRepository attachments,
            IntakeConfig limits, Clock clock) {
        this.access = access;
        this.reports = reports;
        this.attachments = attachments;
        this.limits = limits;
        this.clock = clock;
    }

    /** The bytes of one attachment and what they are. */
    public record AttachmentFile(UUID id, String mediaType, byte[] content) {
    }

    /** Refuses a file over the size limit before its bytes are read (413 naming {@code file}). */
    public void checkSize(long size) {
        if (size > limits.attachmentMaxBytes()) {
            throw ProblemException.tooLarge(FIELD, limits.attachmentMaxBytes());
        }
    }

    @WithTransaction
    public Uni<AttachmentView> add(UUID reportId, byte[] content, Caller caller) {
        checkSize(content.length);
        AttachmentType type = AttachmentType.of(content).orElseThrow(
                () -> ProblemException.unsupportedMediaType(FIELD, "must be a JPEG, PNG or PDF file"));
        return access.toRead(reportId, caller)
                .chain(report -> reports.findById(report.id, LockModeType.PESSIMISTIC_WRITE))
                .chain(report -> attachments.countOf(report.id))
                .chain(count -> {
                    if (count >= limits.attachmentsPerReport()) {
                        throw new ProblemException(ProblemType.CONFLICT, "a report has at most "
                                + limits.attachmentsPerReport() + " attachments",
                                List.of(new Problem.FieldError(FIELD, "the report has "
                                        + limits.attachmentsPerReport() + " attachments already")));
                    }
                    return store(reportId, content, type, access.pseudonymOf(caller),
                            caller.actingRole().orElse(Roles.RESIDENT));
                });
    }

    /**
     * A photo that comes with a report at intake, in the intake's transaction (the report is new: nobody else attaches
     * to it yet); {@code uploadedByRef} and {@code uploadedByRole} name who sent it without an account (no subject).
     */
    public Uni<AttachmentView> attachAtIntake(UUID reportId, byte[] content, AttachmentType type, String uploadedByRef,
            String uploadedByRole) {
        return store(reportId, content, type, uploadedByRef, uploadedByRole);
    }

    @WithSession
    public Uni<List<AttachmentView>> list(UUID reportId, Caller caller) {
        return access.toRead(reportId, caller).chain(report -> attachments.summaries(report.id));
    }

    @WithSession
    public Uni<AttachmentFile> get(UUID reportId, UUID attachmentId, Caller caller) {
        return access.toRead(reportId, caller)
                .chain(report -> attachments.of(report.id, attachmentId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("attachment " + attachmentId))
                .map(attachment -> new AttachmentFile(attachment.id, attachment.mediaType, attachment.content));
    }

    private Uni<AttachmentView> store(UUID reportId, byte[] content, AttachmentType type, String uploadedByRef,
            String uploadedByRole) {
        ReportAttachment attachment = attachment(reportId, content, type, uploadedByRef, uploadedByRole);
        return attachments.persist(attachment).map(saved -> new AttachmentView(saved.id, saved.mediaType, saved.size,
                saved.sha256, saved.uploadedByRole, saved.uploadedAt));
    }

    private ReportAttachment attachment(UUID reportId, byte[] content, AttachmentType type, String uploadedByRef,
            String uploadedByRole) {
        ReportAttachment attachment = new ReportAttachment();
        attachment.id = UUID.randomUUID();
        attachment.reportId = reportId;
        attachment.mediaType = type.mediaType();
        attachment.size = content.length;
        attachment.sha256 = sha256(content);
        attachment.content = content;
        attachment.uploadedByRef = uploadedByRef;
        attachment.uploadedByRole = uploadedByRole;
        attachment.uploadedAt = clock.instant();
        return attachment;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
