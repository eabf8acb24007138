package org.lookout.complaint.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.AttachmentSummary;
import org.lookout.complaint.domain.ReportAttachment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AttachmentRepository implements PanacheRepositoryBase<ReportAttachment, UUID> {

    public Uni<List<AttachmentSummary>> summaries(UUID reportId) {
        return getSession().chain(session -> session.createQuery("""
                select new org.lookout.complaint.domain.AttachmentSummary(
                       a.id, a.mediaType, a.size, a.sha256, a.uploadedByRole, a.uploadedAt)
                  from ReportAttachment a where a.reportId = :report order by a.uploadedAt, a.id""",
                AttachmentSummary.class)
                .setParameter("report", reportId)
                .getResultList());
    }

    public Uni<Long> countOf(UUID reportId) {
        return count("reportId", reportId);
    }

    public Uni<ReportAttachment> of(UUID reportId, UUID attachmentId) {
        return find("id = ?1 and reportId = ?2", attachmentId, reportId).firstResult();
    }
}
