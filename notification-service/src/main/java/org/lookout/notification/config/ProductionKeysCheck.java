package org.lookout.notification.config;

import jakarta.enterprise.event.Observes;

import org.lookout.security.ProductionKeys;
import org.lookout.security.ProductionKeys.Key;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/** In production the service does not start with a missing, short or committed secret key ({@link ProductionKeys}). */
public class ProductionKeysCheck {

    void check(@Observes StartupEvent start, NotificationConfig config) {
        ProductionKeys.requireFresh(LaunchMode.current(),
                new Key("LOOKOUT_PSEUDONYM_KEY", "lookout.notification.pseudonym-key", config.pseudonymKey()),
                new Key("LOOKOUT_DELIVERY_KEY", "lookout.notification.delivery-key", config.deliveryKey()),
                new Key("LOOKOUT_SECRETS_KEY", "lookout.notification.secrets-key", config.secretsKey()));
    }
}
