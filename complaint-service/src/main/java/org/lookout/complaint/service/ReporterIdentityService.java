package org.lookout.complaint.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReporterIdentity;
import org.lookout.complaint.repository.ReporterIdentityRepository;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

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
    private final ReportQueryService queries;

    ReporterIdentityService(ReporterIdentityRepository identities, ReporterIdentityCipher cipher,
            ReportQueryService queries) {
        this.identities = identities;
        this.cipher = cipher;
        this.queries = queries;
    }

    /** The decrypted values; either may be null. */
    public record Reporter(String name, String phone) {
    }

    /** Stores the encrypted values inside the caller's transaction; nothing when neither is given. */
    Uni<Void> keep(UUID reportId, String name, String phone) {
        String cleanName = name == null || name.isBlank() ? null : name.strip();
        if (cleanName == null && phone == null) {
            return Uni.createFrom().voidItem();
        }
        ReporterIdentity identity = new ReporterIdentity();
        identity.reportId = reportId;
        identity.keyId = cipher.currentKey();
        identity.nameEncrypted = cipher.encrypt(reportId, cleanName);
        identity.phoneEncrypted = cipher.encrypt(reportId, phone);
        return identities.persist(identity).replaceWithVoid();
    }

    @WithSession
    public Uni<Reporter> reveal(UUID reportId, Caller caller) {
        return queries.find(reportId, caller)
                .invoke(report -> {
                    if (!mayRead(report, caller)) {
                        throw ProblemException.notFound("reporter of report " + reportId);
                    }
                })
                .chain(report -> identities.findById(report.id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("reporter of report " + reportId))
                .map(identity -> new Reporter(
                        cipher.decrypt(identity.keyId, identity.reportId, identity.nameEncrypted),
                        cipher.decrypt(identity.keyId, identity.reportId, identity.phoneEncrypted)));
    }

    /** On top of seeing the report: the handling roles only, and for confidential reports inspectors only. */
    private static boolean mayRead(Report report, Caller caller) {
        if (caller.is(Roles.ADMIN)) {
            return false;
        }
        return report.confidential ? caller.is(Roles.INSPECTOR) : caller.is(Roles.STAFF) || caller.is(Roles.SUPERVISOR);
    }
}
