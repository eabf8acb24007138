package org.lookout.complaint.attachment;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.ReportAttachment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AttachmentRepository implements PanacheRepositoryBase<ReportAttachment, UUID> {

    /** The attachments of a report without their bytes, oldest first. */
    public Uni<List<AttachmentView>> summaries(UUID reportId) {
        return getSession().chain(session -> session.createQuery("""
                select new org.lookout.complaint.attachment.AttachmentView(
                       a.id, a.mediaType, a.size, a.sha256, a.uploadedByRole, a.uploadedAt)
                  from ReportAttachment a where a.reportId = :report order by a.uploadedAt, a.id""",
                AttachmentView.class)
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
