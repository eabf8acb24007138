package org.lookout.complaint.identity;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.ReporterIdentity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReporterIdentityRepository implements PanacheRepositoryBase<ReporterIdentity, UUID> {
}
