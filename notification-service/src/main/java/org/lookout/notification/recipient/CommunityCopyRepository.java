package org.lookout.notification.recipient;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.CommunityCopy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CommunityCopyRepository implements PanacheRepositoryBase<CommunityCopy, String> {
}
