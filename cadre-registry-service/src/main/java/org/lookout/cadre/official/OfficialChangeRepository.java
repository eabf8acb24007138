package org.lookout.cadre.official;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.cadre.domain.OfficialChange;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OfficialChangeRepository implements PanacheRepositoryBase<OfficialChange, Long> {

    public Uni<List<OfficialChange>> of(UUID officialId) {
        return list("officialId", Sort.by("at").and("id"), officialId);
    }
}
