package org.lookout.complaint.audit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.audit.AccessReason;
import org.lookout.audit.AuditEntry;
import org.lookout.audit.AuditTrail;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The reads complaint-service keeps in its audit chain (the same as the cadre registry's, {@code audit} library): a
 * reporter's recorded name and phone, by anyone, and the content of a confidential report (one about an official) read
 * by an inspector. Each must say why in {@code X-Access-Reason} (else 400 naming the header); the reason, who, when and
 * what are appended before the data is answered, so nothing is read unrecorded.
 */
@ApplicationScoped
public class SensitiveReads {

    private final AuditTrail audit;
    private final CurrentVertxRequest request;

    SensitiveReads(AuditTrail audit, CurrentVertxRequest request) {
        this.audit = audit;
        this.request = request;
    }

    /** A reporter's identity is about to be answered. */
    public Uni<Void> reporterIdentity(UUID reportId, Caller caller, String reasonHeader) {
        String reason = AccessReason.require(reasonHeader);
        return audit.append(AuditEntry.of(caller, "READ_REPORTER_IDENTITY", "report " + reportId, reason))
                .replaceWithVoid();
    }

    /**
     * A report is about to be answered to the caller: when it is confidential and the caller an inspector, the read
     * needs its reason and is recorded with the path it came by; any other read passes untouched.
     */
    public Uni<Void> reportRead(UUID reportId, boolean confidential, Caller caller) {
        if (!confidential || !caller.is(Roles.INSPECTOR)) {
            return Uni.createFrom().voidItem();
        }
        RoutingContext current = request.getCurrent();
        String reason = AccessReason.require(current == null ? null : current.request().getHeader(AccessReason.HEADER));
        String path = current == null ? "" : " via " + current.request().method() + " " + current.normalizedPath();
        return audit.append(AuditEntry.of(caller, "READ_CONFIDENTIAL_REPORT", "report " + reportId + path, reason))
                .replaceWithVoid();
    }
}
