package org.lookout.escalation.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.escalation.domain.ItemPolicyChange;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ItemPolicyChangeRepository implements PanacheRepositoryBase<ItemPolicyChange, UUID> {
}
