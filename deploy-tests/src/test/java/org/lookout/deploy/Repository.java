package org.lookout.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files of the checkout these checks read: the services table, the JVM sizing, the Kubernetes directory. */
final class Repository {

    /** One row of deploy/services.tsv: part, module, HTTP port, database ("-" for none). */
    record ServiceRow(String part, String module, int port, String database) {
    }

    static final Path ROOT = findRoot();

    private Repository() {
    }

    static Path kubernetes() {
        return ROOT.resolve("deploy/kubernetes");
    }

    static List<ServiceRow> services() {
        return rows(ROOT.resolve("deploy/services.tsv")).stream()
                .map(f -> new ServiceRow(f[0], f[1], Integer.parseInt(f[2]), f[3]))
                .toList();
    }

    /** deploy/local/jvm-options.tsv: the JVM options of each part, in order. */
    static Map<String, List<String>> jvmOptions() {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (String[] f : rows(ROOT.resolve("deploy/local/jvm-options.tsv"))) {
            options.put(f[0], Arrays.asList(f[1].trim().split("\\s+")));
        }
        return options;
    }

    /** The tab-separated rows of a table, without its comment lines. */
    static List<String[]> rows(Path table) {
        return lines(table).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .toList();
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("deploy/services.tsv"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no deploy/services.tsv above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
