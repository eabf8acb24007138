package org.lookout.notification.preference;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.Preference;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PreferenceRepository implements PanacheRepositoryBase<Preference, String> {
}
