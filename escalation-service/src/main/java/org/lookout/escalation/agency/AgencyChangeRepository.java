package org.lookout.escalation.agency;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.escalation.domain.AgencyChange;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AgencyChangeRepository implements PanacheRepositoryBase<AgencyChange, UUID> {
}
