package org.lookout.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lookout} run in a scratch copy of its own scripts (ports moved far away, nothing of the real stack touched):
 * what it promises a newcomer about rebuilding and where the docs are.
 */
class LookoutScriptTest {

    private static final Path ROOT = Path.of(System.getProperty("lookout.root", ".."));
    private static final List<String> MODULES = ServicesTable.rows().stream().map(ServicesTable::module).toList();

    @TempDir
    Path scratch;

    @BeforeEach
    void copyTheScripts() throws IOException {
        Files.copy(ROOT.resolve("lookout"), scratch.resolve("lookout"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(scratch.resolve("deploy/local"));
        try (Stream<Path> scripts = Files.list(ROOT.resolve("deploy/local"))) {
            for (Path script : scripts.filter(Files::isRegularFile).toList()) {
                Files.copy(script, scratch.resolve("deploy/local").resolve(script.getFileName()));
            }
        }
        Instant built = Instant.now().minusSeconds(3600);
        for (String module : MODULES) {
            Path source = scratch.resolve(module).resolve("src/main/java/Some.java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, "class Some {}");
            Files.setLastModifiedTime(source, FileTime.from(built));
            Path jar = scratch.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            Files.createDirectories(jar.getParent());
            Files.writeString(jar, "not a real jar");
        }
        // the scripts read the services' table, Kafka's topics and ACLs, and the infrastructure versions of the root pom
        Files.copy(ROOT.resolve("deploy/services.tsv"), scratch.resolve("deploy/services.tsv"));
        Files.createDirectories(scratch.resolve("deploy/kafka"));
        try (Stream<Path> access = Files.list(ROOT.resolve("deploy/kafka"))) {
            for (Path file : access.filter(Files::isRegularFile).toList()) {
                Files.copy(file, scratch.resolve("deploy/kafka").resolve(file.getFileName()));
            }
        }
        Files.copy(ROOT.resolve("pom.xml"), scratch.resolve("pom.xml"));
        Files.setLastModifiedTime(scratch.resolve("pom.xml"), FileTime.from(built));
    }

    @Test
    void resetKeepsTheBuildSoTheNextUpDoesNotRebuildAnUnchangedTree() throws Exception {
        bash("source deploy/local/common.sh; source deploy/local/postgres.sh; source deploy/local/services.sh;"
                + " mark_build_fresh");
        assertThat(bash(functions() + " if build_needed; then echo REBUILD; else echo FRESH; fi")).contains("FRESH");

        String reset = bash("./lookout reset");

        assertThat(reset).contains("removed");
        assertThat(bash(functions() + " if build_needed; then echo REBUILD; else echo FRESH; fi")).contains("FRESH");
    }

    @Test
    void aChangedSourceStillRebuilds() throws Exception {
        bash(functions() + " mark_build_fresh");
        Path source = scratch.resolve("complaint-service/src/main/java/Some.java");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(bash(functions() + " if build_needed; then echo REBUILD; else echo FRESH; fi")).contains("REBUILD");
    }

    @Test
    void theSummaryPointsAtTheGatewaysDocsAndAtEachServicesSwaggerUi() throws Exception {
        String summary = bash("source deploy/local/common.sh; source deploy/local/postgres.sh;"
                + " source deploy/local/kafka.sh; source deploy/local/keycloak.sh; source deploy/local/services.sh;"
                + " eval \"$(sed -n '/^print_summary()/,/^}/p' lookout)\"; PG_DATABASES=(complaint); print_summary all");

        assertThat(summary).contains("http://127.0.0.1:38080/docs");
        assertThat(summary).doesNotContain("38080/q/swagger-ui");
        // a service's Swagger UI, health and metrics are on its management interface: its HTTP port + 1000
        assertThat(summary).contains("complaint    http://127.0.0.1:38081 ");
        assertThat(summary).contains("http://127.0.0.1:39081/q/swagger-ui");
        assertThat(summary).doesNotContain("38081/q/swagger-ui");
    }

    @Test
    void theReferenceDataTopicIsCreatedCompacted() throws Exception {
        String topics = bash("source deploy/local/common.sh; source deploy/local/kafka.sh;"
                + " printf '%s|' \"${KAFKA_TOPICS[*]}\"; kafka_access_plan | grep '^topic lookout.complaint.reference.v1 '");

        assertThat(topics.split("\\|")[0].split(" ")).contains("lookout.complaint.v1", "lookout.complaint.reference.v1");
        assertThat(topics.split("\\|")[1]).isEqualTo("topic lookout.complaint.reference.v1 6 cleanup.policy=compact\n");
    }

    @Test
    void theServicesAndTheirDatabasesComeFromTheTable() throws Exception {
        String read = bash(functions() + " for part in \"${SERVICES[@]}\"; do"
                + " printf '%s:%s:%s:%s\\n' \"${part}\" \"$(service_module \"${part}\")\" \"$(service_port \"${part}\")\""
                + " \"$(service_database \"${part}\")\"; done; printf 'databases:%s\\n' \"${PG_DATABASES[*]}\"");

        for (ServicesTable row : ServicesTable.rows()) {
            assertThat(read).contains(row.part() + ":" + row.module() + ":" + (30_000 + row.port()) + ":"
                    + (row.database() == null ? "" : row.database()) + "\n");
        }
        assertThat(read).contains("databases:" + String.join(" ", ServicesTable.rows().stream()
                .map(ServicesTable::database).filter(java.util.Objects::nonNull).toList()));
    }

    @Test
    void aClassDataArchiveOlderThanItsServicesJarsIsRemovedBeforeTheStartAndACurrentOneKept() throws Exception {
        // the JVM neither uses nor rewrites an archive built from other jars, and still maps it (~90 MB a service)
        String options = bash(functions() + " mkdir -p \"${STATE}/cds\"; archive=\"${STATE}/cds/one.jsa\";"
                + " app=\"$ROOT/some-service/target/quarkus-app\"; mkdir -p \"$app/lib\";"
                + " touch -d '-2 hours' \"$app/lib/old.jar\"; touch -d '-1 hour' \"$archive\";"
                + " class_archive_options one \"$app\" >/dev/null; [[ -e \"$archive\" ]] && echo KEPT;"
                + " touch \"$app/lib/rebuilt.jar\"; class_archive_options one \"$app\";"
                + " [[ -e \"$archive\" ]] || echo REMOVED");

        assertThat(options).startsWith("KEPT\n").endsWith("REMOVED\n")
                .containsPattern("-XX:SharedArchiveFile=\\S*/\\.lookout/cds/one\\.jsa\n");
    }

    private static String functions() {
        return "source deploy/local/common.sh; source deploy/local/postgres.sh; source deploy/local/services.sh;";
    }

    /** Runs a bash snippet in the scratch root with every port moved out of the way; fails on a non-zero exit. */
    private String bash(String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -euo pipefail; ROOT=\"$PWD\"; " + script)
                .directory(scratch.toFile()).redirectErrorStream(true);
        ServicesTable.rows().forEach(row -> builder.environment().put(row.portVariable(),
                String.valueOf(30_000 + row.port())));
        builder.environment().putAll(java.util.Map.of("LOOKOUT_PG_PORT", "38432", "LOOKOUT_KAFKA_PORT", "38092",
                "LOOKOUT_KAFKA_CONTROLLER_PORT", "38093", "LOOKOUT_KAFKA_BROKER_PORT", "38094", "LOOKOUT_KEYCLOAK_PORT",
                "38180"));
        builder.environment().put("LOOKOUT_CACHE_DIR", scratch.resolve("cache").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished: %s", output).isTrue();
        assertThat(process.exitValue()).as("exit code of %s; output:%n%s", script, output).isZero();
        return output;
    }
}
