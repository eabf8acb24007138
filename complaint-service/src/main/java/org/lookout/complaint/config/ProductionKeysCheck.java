package org.lookout.complaint.config;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;

import org.lookout.security.ProductionKeys;
import org.lookout.security.ProductionKeys.Key;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/** In production the service does not start with a missing, short or committed secret key ({@link ProductionKeys}). */
public class ProductionKeysCheck {

    void check(@Observes StartupEvent start, ComplaintConfig config, IdentityConfig identity) {
        List<Key> keys = new ArrayList<>(List.of(
                new Key("LOOKOUT_PSEUDONYM_KEY", "lookout.complaint.pseudonym-key", config.pseudonymKey()),
                new Key("LOOKOUT_DELIVERY_KEY", "lookout.complaint.delivery-key", config.deliveryKey())));
        identity.keys().forEach((id, value) -> keys.add(
                new Key("LOOKOUT_IDENTITY_KEY", "lookout.complaint.identity.keys." + id, value)));
        ProductionKeys.requireFresh(LaunchMode.current(), keys.toArray(Key[]::new));
    }
}
