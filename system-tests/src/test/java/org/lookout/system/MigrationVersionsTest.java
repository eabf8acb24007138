package org.lookout.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service's Flyway history holds its own migrations and those of every library it lists in
 * {@code quarkus.flyway.locations} ({@code db/outbox}, {@code db/idempotency}, {@code db/audit}, ...). Two scripts with
 * one version in that union make the service refuse to start; this finds it in the build, from the files, before any
 * service runs (outbox's and audit's {@code V0_4} were found only at a service's start once).
 */
class MigrationVersionsTest {

    private static final Path ROOT = Path.of(System.getProperty("lookout.root", ".."));
    private static final Pattern VERSION = Pattern.compile("^V([0-9][0-9_.]*)__.+\\.sql$");

    static Stream<String> servicesWithADatabase() {
        return Stream.of("complaint-service", "cadre-registry-service", "escalation-service", "notification-service");
    }

    @ParameterizedTest
    @MethodSource("servicesWithADatabase")
    void everyVersionInAServicesHistoryHasOneScript(String module) throws IOException {
        List<String> locations = locations(module);
        assertThat(locations).as("%s: quarkus.flyway.locations", module).contains("db/migration");
        Map<String, List<String>> scriptsByVersion = new TreeMap<>();
        for (String location : locations) {
            Path folder = folderOf(module, location);
            assertThat(folder).as("%s: no folder for the Flyway location %s", module, location).isDirectory();
            try (Stream<Path> files = Files.list(folder)) {
                files.map(file -> file.getFileName().toString()).forEach(name -> {
                    Matcher matcher = VERSION.matcher(name);
                    if (matcher.matches()) {
                        String version = matcher.group(1).replace('.', '_').replaceAll("(_0)+$", "");
                        scriptsByVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(location + "/" + name);
                    }
                });
            }
        }
        assertThat(scriptsByVersion).as("%s: its migrations", module).isNotEmpty();
        assertThat(scriptsByVersion).as("%s: versions with more than one script", module)
                .allSatisfy((version, scripts) -> assertThat(scripts).as("version %s", version).hasSize(1));
    }

    @Test
    void librariesKeepToTheirOwnVersionLineBelowOne() throws IOException {
        for (String library : List.of("outbox", "idempotency", "audit")) {
            Path resources = ROOT.resolve(library).resolve("src/main/resources/db");
            try (Stream<Path> files = Files.walk(resources)) {
                List<String> names = files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                        .filter(name -> name.endsWith(".sql")).toList();
                assertThat(names).as(library).isNotEmpty()
                        .allSatisfy(name -> assertThat(name).as("%s: a library's version is V0_n", library).startsWith("V0_"));
            }
        }
    }

    private static List<String> locations(String module) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(
                ROOT.resolve(module).resolve("src/main/resources/application.properties"))));
        String value = properties.getProperty("quarkus.flyway.locations", "db/migration");
        return Stream.of(value.split(",")).map(String::trim).map(l -> l.replaceFirst("^classpath:", "")).toList();
    }

    /** A location is the service's own folder, or the library folder that ships it on the classpath. */
    private static Path folderOf(String module, String location) throws IOException {
        Path own = ROOT.resolve(module).resolve("src/main/resources").resolve(location);
        if (Files.isDirectory(own)) {
            return own;
        }
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.map(m -> m.resolve("src/main/resources").resolve(location)).filter(Files::isDirectory)
                    .findFirst().orElse(own);
        }
    }
}
