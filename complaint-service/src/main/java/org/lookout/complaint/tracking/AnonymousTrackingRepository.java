package org.lookout.complaint.tracking;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.AnonymousTracking;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AnonymousTrackingRepository implements PanacheRepositoryBase<AnonymousTracking, String> {
}
