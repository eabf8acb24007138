package org.lookout.complaint.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;

import org.lookout.security.ProductionKeys;
import org.lookout.security.ProductionKeys.Key;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/** In production the service does not start with a missing, short or committed secret key ({@link ProductionKeys}). */
public class ProductionKeysCheck {

    void check(@Observes StartupEvent start, ComplaintConfig config, IdentityConfig identity,
            PublicIntakeConfig intake) {
        ProductionKeys.requireFresh(LaunchMode.current(),
                keys(config.pseudonymKey(), config.deliveryKey(), identity.keys(), intake.challengeKey()));
    }

    /** Every secret key of complaint-service, as the operator sets it. */
    static Key[] keys(String pseudonymKey, String deliveryKey, Map<String, String> identityKeys, String challengeKey) {
        List<Key> keys = new ArrayList<>(List.of(
                new Key("LOOKOUT_PSEUDONYM_KEY", "lookout.complaint.pseudonym-key", pseudonymKey),
                new Key("LOOKOUT_DELIVERY_KEY", "lookout.complaint.delivery-key", deliveryKey)));
        identityKeys.forEach((id, value) -> keys.add(
                new Key("LOOKOUT_IDENTITY_KEY", "lookout.complaint.identity.keys." + id, value)));
        keys.add(new Key("LOOKOUT_CHALLENGE_KEY", "lookout.complaint.public-intake.challenge-key", challengeKey));
        return keys.toArray(Key[]::new);
    }
}
