package org.lookout.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The alert rules and the Grafana dashboards read only metrics the parts export: every metric name in an expression of
 * deploy/prometheus/alerts.yml or deploy/grafana/dashboards/ is listed in deploy/prometheus/metrics.tsv (whose rows each
 * part's own tests check against a real scrape, test-support MonitoredMetrics), and no row is stale. The rules pass
 * {@code promtool check rules} and their unit tests {@code promtool test rules}, and the dashboards' queries parse as
 * PromQL; without promtool this is skipped outside CI and fails in CI ({@code .ci/run} installs Debian's
 * {@code prometheus} package for it).
 */
class MonitoringTest {

    private static final Path ROOT = Path.of(System.getProperty("lookout.root", ".."));
    private static final Path PROMETHEUS = ROOT.resolve("deploy/prometheus");
    private static final Path GRAFANA = ROOT.resolve("deploy/grafana");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("(?<![\\w$.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\\w:])(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "offset", "bool", "inf", "nan");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");

    @Test
    void everyMetricTheRulesAndDashboardsReadIsListedAndEveryListedOneIsRead() throws IOException {
        Map<String, Set<String>> used = new LinkedHashMap<>();
        for (JsonNode group : YAML.readTree(PROMETHEUS.resolve("alerts.yml").toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                used.computeIfAbsent("alerts.yml " + rule.path("alert").asText(), key -> new TreeSet<>())
                        .addAll(metricNames(rule.path("expr").asText()));
            }
        }
        for (Path dashboard : dashboards()) {
            JsonNode json = JSON.readTree(dashboard.toFile());
            Set<String> names = used.computeIfAbsent(dashboard.getFileName().toString(), key -> new TreeSet<>());
            json.findValues("expr").forEach(expr -> names.addAll(metricNames(expr.asText())));
            Matcher variables = LABEL_VALUES.matcher(json.path("templating").toString());
            while (variables.find()) {
                names.add(variables.group(1));
            }
        }
        Map<String, List<String>> listed = listed();
        used.forEach((where, names) -> assertThat(names).as("%s reads metrics", where).isNotEmpty()
                .allSatisfy(name -> assertThat(listed).as("%s reads %s: list it in metrics.tsv", where, name)
                        .containsKey(name)));
        Set<String> read = new TreeSet<>();
        used.values().forEach(read::addAll);
        assertThat(listed.keySet()).as("metrics.tsv rows no rule or dashboard reads").isSubsetOf(read);
    }

    @Test
    void aMeterRegisteredOnFirstUseIsNamedInItsModulesSource() throws IOException {
        for (Map.Entry<String, List<String>> metric : listed().entrySet()) {
            for (String part : metric.getValue()) {
                if (part.endsWith("(source)")) {
                    String module = part.substring(0, part.length() - "(source)".length());
                    String micrometer = metric.getKey().replaceAll("_(total|seconds_count|seconds_sum|seconds_bucket)$", "")
                            .replace('_', '.');
                    assertThat(sources(ROOT.resolve(module).resolve("src/main/java")))
                            .as("%s registers %s", module, metric.getKey()).contains("\"" + micrometer + "\"");
                }
            }
        }
    }

    @Test
    void theNamesOfAnExpressionAreItsMetricsOnly() {
        assertThat(metricNames("""
                sum by (service, le) (rate(a_total{outcome="SERVER_ERROR",x=~"$community"}[5m])) / ignoring(le) b
                > 2 * (sum(increase(c_total[1h] offset 1d)) or vector(0)) and on(service) up == 0.05 unless bool d:x"""))
                .containsExactlyInAnyOrder("a_total", "b", "c_total", "up", "d:x");
    }

    @Test
    void theDashboardsUseTheProvisionedDataSourceAndComposeMountsThem() throws IOException {
        String uid = YAML.readTree(GRAFANA.resolve("provisioning/datasources/prometheus.yml").toFile())
                .path("datasources").get(0).path("uid").asText();
        for (Path dashboard : dashboards()) {
            List<String> uids = JSON.readTree(dashboard.toFile()).findValues("datasource").stream()
                    .map(datasource -> datasource.path("uid").asText()).toList();
            assertThat(uids).as(dashboard.toString()).isNotEmpty().containsOnly(uid);
        }
        JsonNode grafana = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile()).path("services").path("grafana");
        List<String> volumes = new ArrayList<>();
        grafana.path("volumes").forEach(volume -> volumes.add(volume.asText()));
        assertThat(volumes).contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        assertThat(YAML.readTree(GRAFANA.resolve("provisioning/dashboards/lookout.yml").toFile())
                .path("providers").get(0).path("options").path("path").asText()).isEqualTo("/var/lib/grafana/dashboards");
    }

    @Test
    void theRulesPassPromtoolAndTheirUnitTests() throws Exception {
        Path promtool = Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (promtool == null) {
            assertThat(System.getenv("CI")).as("promtool is missing; CI must have it (Debian package prometheus)")
                    .isNullOrEmpty();
            Assumptions.abort("promtool is not installed (Debian: apt-get install prometheus): the rules are not checked");
        }
        assertThat(run(promtool.toString(), "check", "rules", "alerts.yml")).contains("SUCCESS");
        assertThat(run(promtool.toString(), "test", "rules", "alerts-test.yml")).contains("SUCCESS");
        // the dashboards' queries parse as PromQL: each as a recording rule of a scratch file
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        int count = 0;
        for (Path dashboard : dashboards()) {
            for (JsonNode expr : JSON.readTree(dashboard.toFile()).findValues("expr")) {
                rules.append("      - record: dashboard:query").append(++count).append("\n        expr: ")
                        .append(JSON.writeValueAsString(expr.asText())).append('\n');
            }
        }
        Path scratch = Files.createTempFile("lookout-dashboard-queries", ".yml");
        try {
            Files.writeString(scratch, rules);
            assertThat(run(promtool.toString(), "check", "rules", scratch.toString()))
                    .contains("SUCCESS: " + count + " rules found");
        } finally {
            Files.delete(scratch);
        }
    }

    static Set<String> metricNames(String expression) {
        String bare = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            if (!KEYWORDS.contains(matcher.group(1))) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    private static Map<String, List<String>> listed() throws IOException {
        Map<String, List<String>> metrics = new LinkedHashMap<>();
        for (String line : Files.readAllLines(PROMETHEUS.resolve("metrics.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] columns = line.split("\t");
                assertThat(columns).as(line).hasSize(2);
                assertThat(metrics.put(columns[0], List.of(columns[1].split(",")))).as("listed twice: " + line).isNull();
            }
        }
        return metrics;
    }

    private static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
            List<Path> found = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            assertThat(found).isNotEmpty();
            return found;
        }
    }

    private static String sources(Path folder) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ends within 60 s", String.join(" ", command)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s:%n%s", String.join(" ", command), output).isZero();
        return output;
    }
}
