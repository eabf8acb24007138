package org.lookout.notification.recipient;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.ReportFacts;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReportFactsRepository implements PanacheRepositoryBase<ReportFacts, UUID> {
}
