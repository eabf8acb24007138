package org.lookout.complaint.followup;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.FollowUp;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class FollowUpRepository implements PanacheRepositoryBase<FollowUp, Long> {

    /** The follow-ups of a report, oldest first. */
    Uni<List<FollowUp>> of(UUID reportId) {
        return list("reportId", Sort.ascending("id"), reportId);
    }
}
