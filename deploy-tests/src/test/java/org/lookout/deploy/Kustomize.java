package org.lookout.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a kustomization with {@code kubectl kustomize} (-Dlookout.kubectl names another binary; .ci/run installs
 * the apt package kubectl where a repository has it), or with {@link JavaKustomize} where there is no kubectl on the
 * PATH or -Dlookout.kubectl=none, and reads every
 * object with fabric8's Kubernetes model: an apiVersion/kind the model does not know, or a value of the wrong type,
 * fails here or is left for {@link ApiSchema} to name.
 */
final class Kustomize {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Kustomize() {
    }

    static List<HasMetadata> render(Path kustomization) {
        return parse(kubectl().map(k -> kubectlKustomize(k, kustomization))
                .orElseGet(() -> JavaKustomize.renderYaml(kustomization)));
    }

    /** The kubectl to render with: -Dlookout.kubectl (a path is taken as given), else kubectl if on the PATH. */
    static Optional<String> kubectl() {
        String kubectl = System.getProperty("lookout.kubectl", "kubectl");
        if (kubectl.equals("none")) {
            return Optional.empty();
        }
        if (kubectl.contains(File.separator)) {
            return Optional.of(kubectl);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, kubectl)))
                .findFirst().map(dir -> kubectl);
    }

    static String kubectlKustomize(String kubectl, Path kustomization) {
        return run(kubectl, "kustomize", kustomization.toString());
    }

    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue;
            }
            objects.add(SERIALIZATION.unmarshal(document));
        }
        return objects;
    }

    private static String run(String... command) {
        try {
            Path output = Files.createTempFile("kustomize", ".yaml");
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                        .redirectError(errors.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " took more than 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed: "
                            + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return Files.readString(output, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + " (-Dlookout.kubectl): name a kubectl that"
                    + " exists, or none for the Java renderer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
