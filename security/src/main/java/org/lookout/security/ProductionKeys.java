package org.lookout.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.runtime.LaunchMode;

/**
 * The start-up check of a service's secret keys in production: each must be set, long enough, and never a value that
 * was committed to this repository (a development or test key anybody can read, which would let a topic reader compute
 * every account's pseudonym or open what was sealed). A service calls {@link #requireFresh} when it starts; in any other
 * launch mode (tests, dev mode) nothing is checked. {@code ./lookout up} generates its own random keys per stack.
 */
public final class ProductionKeys {

    /** One key as the operator sets it: the environment variable, the property it fills, its value. */
    public record Key(String variable, String property, String value) {
    }

    /** Shorter keys are refused in production: 32 characters (base64 of 24 bytes, or longer). */
    static final int MIN_LENGTH = 32;

    /** Every key value that was ever committed here. Add a value when one is committed; never remove one. */
    static final Set<String> COMMITTED = Set.of(
            "lookout-local-development-pseudonym-key",
            "development-only-pseudonym-key",
            "bG9va291dC1sb2NhbC1kZXYtaWRlbnRpdHkta2V5LTE=",
            "ZGV2ZWxvcG1lbnQtb25seS1pZGVudGl0eS1rZXktMSE=",
            "dGVzdC1vbmx5LWlkZW50aXR5LWtleS1udW1iZXItMSE=",
            "sample-key-0123456789",
            "key-number-one-0000",
            "key-number-two-0000",
            "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
            "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=",
            // quarkus:dev only (the %dev profile of complaint- and notification-service)
            "ZGV2ZWxvcG1lbnQtb25seS1kZWxpdmVyeS1rZXktMSE=",
            "ZGV2ZWxvcG1lbnQtb25seS1zZWNyZXRzLWtleS0wMSE=",
            // complaint-service's public-intake challenge key: docker-compose.yml's fallback, %dev, %test
            "lookout-local-development-challenge-key",
            "development-only-challenge-key-not-a-secret",
            "test-only-challenge-key-not-a-secret-either");

    /**
     * The client secrets of the development realm (deploy/keycloak/lookout-realm.json, {@code <client id>-secret}):
     * fine for {@code ./lookout up}, refused in production. A file check keeps this list equal to the realm's.
     */
    static final Set<String> COMMITTED_CLIENT_SECRETS = Set.of(
            "agency-civil-affairs-secret",
            "agency-discipline-city-secret",
            "agency-discipline-district-secret",
            "agency-housing-secret",
            "agency-market-dcy-secret",
            "agency-police-dcy-secret",
            "agency-psb-district-secret",
            "agency-urban-management-secret",
            "kafka-cadre-registry-service-secret",
            "kafka-complaint-service-secret",
            "kafka-escalation-service-secret",
            "kafka-notification-service-secret",
            "kafka-system-tests-secret",
            "lookout-api-secret",
            "lookout-mobile-backend-secret",
            "lookout-notification-service-secret",
            "lookout-roster-secret");

    private ProductionKeys() {
    }

    /** The development realm's client secrets: what production refuses outside {@code ./lookout up}. */
    public static Set<String> committedClientSecrets() {
        return COMMITTED_CLIENT_SECRETS;
    }

    /**
     * Fails (an {@link IllegalStateException} naming every property at fault, never the value) when the application
     * runs in production with a client secret of the development realm — unless it runs in the development stack of
     * {@code ./lookout up} ({@code developmentStack}), whose Keycloak holds exactly those secrets. Tests and dev mode are
     * not checked.
     *
     * @param secrets the configured client secrets by property name; absent or blank ones are not this check's concern
     */
    public static void refuseCommittedClientSecrets(LaunchMode mode, boolean developmentStack,
            Map<String, String> secrets) {
        if (mode != LaunchMode.NORMAL || developmentStack) {
            return;
        }
        List<String> faults = secrets.entrySet().stream()
                .filter(secret -> secret.getValue() != null
                        && COMMITTED_CLIENT_SECRETS.contains(secret.getValue().strip()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        if (!faults.isEmpty()) {
            throw new IllegalStateException("refusing to start in production: " + String.join(", ", faults)
                    + (faults.size() == 1 ? " is a client secret" : " are client secrets")
                    + " of the development realm committed to the Lookout repository. Give each Keycloak client a"
                    + " fresh secret (Keycloak admin console or kcadm.sh) and set it here; only ./lookout up"
                    + " (LOOKOUT_DEVELOPMENT_STACK=true) runs with the development realm's.");
        }
    }

    /** Every committed key value: what production refuses, and what tests prove a topic cannot be opened with. */
    public static Set<String> committed() {
        return COMMITTED;
    }

    /**
     * Fails (an {@link IllegalStateException} whose message names every variable at fault and what to do) when the
     * application runs in production with a missing, short or committed key; does nothing in tests and dev mode.
     */
    public static void requireFresh(LaunchMode mode, Key... keys) {
        if (mode != LaunchMode.NORMAL) {
            return;
        }
        List<String> faults = new ArrayList<>();
        for (Key key : keys) {
            String value = key.value() == null ? "" : key.value().strip();
            if (value.isEmpty()) {
                faults.add(key.variable() + " (" + key.property() + ") is not set");
            } else if (COMMITTED.contains(value)) {
                faults.add(key.variable() + " (" + key.property() + ") is a key committed to the Lookout repository");
            } else if (value.length() < MIN_LENGTH) {
                faults.add(key.variable() + " (" + key.property() + ") is shorter than " + MIN_LENGTH + " characters");
            }
        }
        if (!faults.isEmpty()) {
            throw new IllegalStateException("refusing to start in production: " + String.join("; ", faults)
                    + ". Each key must be a fresh random secret of this deployment, e.g. `openssl rand -base64 32`"
                    + " (./lookout up generates its own in .lookout/keys/).");
        }
    }
}
