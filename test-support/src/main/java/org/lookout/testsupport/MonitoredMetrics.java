package org.lookout.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The metrics the alert rules and the Grafana dashboards read, as {@code deploy/prometheus/metrics.tsv} lists them with
 * the parts that export each: a part's test scrapes its real {@code /q/metrics} and {@link #assertExported} fails when
 * a listed name is missing, so renaming a metric the monitoring reads fails the build.
 */
public final class MonitoredMetrics {

    /** The repository root: a module's tests run in the module's folder. */
    public static final Path ROOT = Path.of(System.getProperty("lookout.root", ".."));
    public static final Path LIST = ROOT.resolve("deploy/prometheus/metrics.tsv");
    private static final Pattern SERIES_NAME = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    private MonitoredMetrics() {
    }

    /** Every listed metric and the parts that export it, in the order of the file. */
    public static Map<String, List<String>> listed() {
        try {
            Map<String, List<String>> metrics = new LinkedHashMap<>();
            for (String line : Files.readAllLines(LIST)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                assertThat(columns).as("metric<TAB>parts: %s", line).hasSize(2);
                metrics.put(columns[0], Arrays.stream(columns[1].split(",")).map(String::strip).toList());
            }
            return metrics;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names {@code part} must export. */
    public static Set<String> of(String part) {
        return listed().entrySet().stream().filter(metric -> metric.getValue().contains(part)).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The series names of a Prometheus text scrape. */
    public static Set<String> seriesNames(String scrape) {
        return SERIES_NAME.matcher(scrape).results().map(match -> match.group(1)).collect(Collectors.toSet());
    }

    /** Fails naming every metric listed for {@code part} that its scrape does not hold. */
    public static void assertExported(String part, String scrape) {
        Set<String> wanted = of(part);
        assertThat(wanted).as("metrics.tsv lists metrics for %s", part).isNotEmpty();
        assertThat(seriesNames(scrape)).as("%s's /q/metrics: the names %s lists for it", part, LIST)
                .containsAll(wanted);
    }
}
