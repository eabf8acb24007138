package org.lookout.complaint.identity;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.audit.SensitiveReads;
import org.lookout.complaint.domain.ReportAccess;
import org.lookout.complaint.domain.ReporterIdentity;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The name and phone staff recorded for a reporter: stored encrypted, read back only by those who handle the report —
 * staff of its community and supervisors of its street, or inspectors when it is confidential. Never admin, never the
 * reporters themselves, never an agency; never logged.
 */
@ApplicationScoped
public class ReporterIdentityService {

    private final ReporterIdentityRepository identities;
    private final ReporterIdentityCipher cipher;
    private final ReportAccess access;
    private final SensitiveReads sensitiveReads;

    ReporterIdentityService(ReporterIdentityRepository identities, ReporterIdentityCipher cipher, ReportAccess access,
            SensitiveReads sensitiveReads) {
        this.identities = identities;
        this.cipher = cipher;
        this.access = access;
        this.sensitiveReads = sensitiveReads;
    }

    /** Stores the encrypted values inside the caller's transaction; nothing when neither is given. */
    public Uni<Void> keep(UUID reportId, String name, String phone) {
        ReporterIdentity identity = sealed(reportId, name, phone);
        return identity == null ? Uni.createFrom().voidItem() : identities.persist(identity).replaceWithVoid();
    }

    /**
     * The row {@link #keep} stores, encrypted, for a caller that writes it itself (intake, in the statement that stores
     * the report); null when neither is given.
     */
    public ReporterIdentity sealed(UUID reportId, String name, String phone) {
        String cleanName = name == null || name.isBlank() ? null : name.strip();
        if (cleanName == null && phone == null) {
            return null;
        }
        ReporterIdentity identity = new ReporterIdentity();
        identity.reportId = reportId;
        identity.keyId = cipher.currentKey();
        identity.nameEncrypted = cipher.encrypt(reportId, cleanName);
        identity.phoneEncrypted = cipher.encrypt(reportId, phone);
        return identity;
    }

    /**
     * The decrypted values; either may be null. The caller must say why ({@code X-Access-Reason}): the read, its reason
     * and who read it are in the audit chain before the values are answered.
     */
    @WithSession
    public Uni<ReporterView> reveal(UUID reportId, Caller caller, String reason) {
        return access.toSeeIdentity(reportId, caller)
                .chain(report -> identities.findById(report.id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("reporter of report " + reportId))
                .call(identity -> sensitiveReads.reporterIdentity(identity.reportId, caller, reason))
                .map(identity -> new ReporterView(
                        cipher.decrypt(identity.keyId, identity.reportId, identity.nameEncrypted),
                        cipher.decrypt(identity.keyId, identity.reportId, identity.phoneEncrypted)));
    }
}
