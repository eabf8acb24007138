package org.lookout.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * In production no Lookout application starts with a client secret of the development realm: the Kafka client's and
 * the Keycloak admin client's ({@link ProductionKeys#refuseCommittedClientSecrets}). {@code ./lookout up} sets
 * {@code LOOKOUT_DEVELOPMENT_STACK=true} for its own stack, whose Keycloak imported those secrets.
 */
public class CommittedClientSecretsCheck {

    /** Where a Lookout application holds a Keycloak client secret. */
    static final List<String> SECRET_PROPERTIES = List.of(
            "kafka.sasl.oauthbearer.client.credentials.client.secret",
            "quarkus.keycloak.admin-client.client-secret",
            "quarkus.oidc-client.credentials.secret");

    void check(@Observes StartupEvent start, Config config) {
        ProductionKeys.refuseCommittedClientSecrets(LaunchMode.current(),
                config.getOptionalValue("lookout.development-stack", Boolean.class).orElse(false),
                secrets(config));
    }

    static Map<String, String> secrets(Config config) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String property : SECRET_PROPERTIES) {
            config.getOptionalValue(property, String.class).ifPresent(value -> secrets.put(property, value));
        }
        return secrets;
    }
}
