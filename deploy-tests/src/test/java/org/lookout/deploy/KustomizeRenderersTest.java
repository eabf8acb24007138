package org.lookout.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JavaKustomize renders as kubectl kustomize does, and refuses what it does not support. */
class KustomizeRenderersTest {

    @ParameterizedTest
    @ValueSource(strings = {"deploy/kubernetes/local", "deploy/kubernetes/production", "deploy/kubernetes/operators",
            "deploy-tests/src/test/resources/broken"})
    void theJavaRendererMatchesKubectl(String kustomization) {
        Optional<String> kubectl = Kustomize.kubectl();
        assumeTrue(kubectl.isPresent(), "no kubectl on the PATH (or -Dlookout.kubectl=none): nothing to compare"
                + " the Java renderer with; the other checks run on the Java rendering");
        Path directory = Repository.ROOT.resolve(kustomization);

        Map<String, Object> expected = byId(Kustomize.kubectlKustomize(kubectl.get(), directory));
        Map<String, Object> actual = byId(JavaKustomize.renderYaml(directory));

        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((id, object) -> assertThat(actual.get(id)).as(id).isEqualTo(object));
    }

    @Test
    void anUnsupportedFieldFailsLoudly(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("kustomization.yaml"), """
                resources: []
                configMapGenerator:
                  - name: generated
                """);

        assertThatThrownBy(() -> JavaKustomize.render(directory)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("not configMapGenerator");
    }

    @Test
    void anUnsupportedPatchFailsLoudly(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("kustomization.yaml"), """
                resources:
                  - %s
                patches:
                  - target:
                      kind: Deployment
                      name: gateway
                    patch: |-
                      - op: move
                        from: /spec/replicas
                        path: /spec/minReadySeconds
                """.formatted(Repository.kubernetes().resolve("base")));

        assertThatThrownBy(() -> JavaKustomize.render(directory)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("not move");
    }

    @Test
    void aStrategicMergeOfAListWithAnotherKeyFailsLoudly(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("kustomization.yaml"), """
                resources:
                  - %s
                patches:
                  - target:
                      kind: Deployment
                      name: gateway
                    patch: |-
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata:
                        name: gateway
                      spec:
                        template:
                          spec:
                            containers:
                              - name: gateway
                                ports:
                                  - containerPort: 9999
                """.formatted(Repository.kubernetes().resolve("base")));

        assertThatThrownBy(() -> JavaKustomize.render(directory)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("list ports");
    }

    /** Every object by kind/namespace/name, parsed: the order of objects and of keys does not count. */
    private static Map<String, Object> byId(String yaml) {
        Map<String, Object> objects = new TreeMap<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = JavaKustomize.parse(document, Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
            String id = object.get("kind") + "/" + metadata.get("namespace") + "/" + metadata.get("name");
            assertThat(objects.put(id, object)).as("two objects " + id).isNull();
        }
        return objects;
    }
}
