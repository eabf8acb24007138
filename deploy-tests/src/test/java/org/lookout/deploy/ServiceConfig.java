package org.lookout.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's configuration reads from the environment in production: its application.properties and the
 * META-INF/microprofile-config.properties of the Lookout libraries it depends on, without the %dev and %test lines.
 * Each {@code ${VAR}} or {@code ${VAR:default}} whose name is an environment variable's (upper case) counts.
 */
record ServiceConfig(String module, int httpPort, int managementPort, Map<String, Optional<String>> variables) {

    private static final List<String> LIBRARIES = List.of("security", "outbox", "problem", "audit", "idempotency");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");

    /** A name that holds secret material: it must come from a Secret, whatever its default. */
    static boolean secretName(String variable) {
        return variable.endsWith("_SECRET") || variable.endsWith("_PASSWORD") || variable.endsWith("_KEY");
    }

    /** Must the cluster set this variable: no default, a default on the loopback, or secret material. */
    boolean required(String variable) {
        Optional<String> fallback = variables.get(variable);
        return fallback.isEmpty() || secretName(variable) || fallback.get().contains("127.0.0.1")
                || fallback.get().contains("localhost");
    }

    static ServiceConfig read(String module) {
        Path root = Repository.ROOT;
        List<Path> files = new ArrayList<>();
        files.add(root.resolve(module).resolve("src/main/resources/application.properties"));
        String pom = String.join("\n", Repository.lines(root.resolve(module).resolve("pom.xml")));
        for (String library : LIBRARIES) {
            Path file = root.resolve(library).resolve("src/main/resources/META-INF/microprofile-config.properties");
            if (pom.contains("<artifactId>" + library + "</artifactId>") && Files.isRegularFile(file)) {
                files.add(file);
            }
        }
        Map<String, Optional<String>> variables = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        for (Path file : files) {
            for (String line : Repository.lines(file)) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#") || entry.startsWith("%dev.") || entry.startsWith("%test.")
                        || !entry.contains("=")) {
                    continue;
                }
                String key = entry.substring(0, entry.indexOf('=')).strip();
                String value = entry.substring(entry.indexOf('=') + 1).strip();
                properties.putIfAbsent(key.replaceFirst("^%prod\\.", ""), value);
                Matcher reference = REFERENCE.matcher(value);
                while (reference.find()) {
                    Optional<String> fallback = reference.group(2).isEmpty() ? Optional.empty()
                            : Optional.of(fallbackAt(value, reference.end()));
                    variables.merge(reference.group(1), fallback, (a, b) -> a.isEmpty() ? a : b);
                }
            }
        }
        return new ServiceConfig(module, port(properties.get("quarkus.http.port")),
                port(properties.get("quarkus.management.port")), variables);
    }

    /** The default after {@code ${VAR:}} up to its closing brace, nested references included. */
    private static String fallbackAt(String value, int start) {
        int depth = 1;
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return value.substring(start, i);
            }
        }
        return value.substring(start);
    }

    /** A port, or the default of the variable that sets it ({@code ${LOOKOUT_GATEWAY_PORT:8080}}). */
    private static int port(String value) {
        if (value == null) {
            throw new IllegalStateException("no port configured");
        }
        Matcher fallback = Pattern.compile("^\\$\\{[A-Z0-9_]+:(\\d+)}$").matcher(value);
        return Integer.parseInt(fallback.matches() ? fallback.group(1) : value);
    }
}
