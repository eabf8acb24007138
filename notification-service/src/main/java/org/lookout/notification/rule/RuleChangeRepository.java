package org.lookout.notification.rule;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.RuleChange;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RuleChangeRepository implements PanacheRepositoryBase<RuleChange, UUID> {
}
