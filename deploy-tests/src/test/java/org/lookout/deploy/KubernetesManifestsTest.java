package org.lookout.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/kubernetes: both overlays render, match the Kubernetes API, and run the services as they are configured. */
class KubernetesManifestsTest {

    private static final Map<String, List<HasMetadata>> RENDERED = new ConcurrentHashMap<>();

    static List<HasMetadata> overlay(String name) {
        return RENDERED.computeIfAbsent(name, n -> Kustomize.render(Repository.kubernetes().resolve(n)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyObjectMatchesTheKubernetesApi(String overlay) {
        List<HasMetadata> objects = overlay(overlay);

        assertThat(objects).extracting(HasMetadata::getKind).contains("Deployment", "Service",
                "PodDisruptionBudget", "HorizontalPodAutoscaler", "Ingress", "NetworkPolicy", "ConfigMap");
        assertThat(ApiSchema.violations(objects)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceRunsAsItIsConfigured(String overlay) {
        List<HasMetadata> objects = overlay(overlay);

        assertThat(objects).filteredOn(Deployment.class::isInstance).hasSize(Repository.services().size());
        assertThat(Manifests.violations(objects)).isEmpty();
    }

    @Test
    void productionPinsItsImagesAndKeepsTwoPods() {
        List<HasMetadata> objects = overlay("production");

        assertThat(objects).filteredOn(Deployment.class::isInstance).map(Deployment.class::cast)
                .allSatisfy(d -> assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                        .doesNotEndWith(":latest").startsWith("registry."));
        assertThat(objects).filteredOn(HorizontalPodAutoscaler.class::isInstance)
                .map(HorizontalPodAutoscaler.class::cast)
                .allSatisfy(h -> assertThat(h.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2));
        // the realm import lets the app sign in on this host only
        assertThat(configValue(objects, "lookout-public", "public-url")).isEqualTo(ProductionRealm.PUBLIC_URL);
    }

    /** Both run with fresh client secrets (the realm import takes them from lookout-clients): none accepts the
     * development realm's. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void noOverlayAcceptsTheDevelopmentRealmsSecrets(String overlay) {
        assertThat(configValue(overlay(overlay), "lookout-platform", "LOOKOUT_DEVELOPMENT_STACK")).isEqualTo("false");
    }

    /** The overlays' renders and every committed file, the operators' examples included: no Secret with a value. */
    @Test
    void noSecretValueIsCommitted() throws IOException {
        try (Stream<Path> files = Files.walk(Repository.kubernetes())) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).toList();
            assertThat(yaml).hasSizeGreaterThan(10);
            for (Path file : yaml) {
                List<HasMetadata> objects = Kustomize.parse(Files.readString(file)).stream()
                        .filter(o -> !(o instanceof GenericKubernetesResource g && g.getKind() == null))
                        .toList();
                assertThat(objects).as(file.toString()).filteredOn(Secret.class::isInstance)
                        .map(Secret.class::cast)
                        .allSatisfy(s -> {
                            assertThat(s.getData()).as(file + " " + Manifests.id(s)).isNullOrEmpty();
                            assertThat(s.getStringData()).as(file + " " + Manifests.id(s)).isNullOrEmpty();
                        });
            }
        }
    }

    private static String configValue(List<HasMetadata> objects, String map, String key) {
        return objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals(map)).findFirst().orElseThrow().getData().get(key);
    }
}
