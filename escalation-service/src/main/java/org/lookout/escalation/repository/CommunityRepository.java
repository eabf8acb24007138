package org.lookout.escalation.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.escalation.domain.Community;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CommunityRepository implements PanacheRepositoryBase<Community, String> {
}
