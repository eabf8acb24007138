package org.lookout.notification.recipient;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.ItemCopy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ItemCopyRepository implements PanacheRepositoryBase<ItemCopy, String> {
}
