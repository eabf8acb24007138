package org.lookout.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** deploy/services.tsv, the one table of the services that ./lookout reads too. */
record ServicesTable(String part, String module, int port, String database, String portVariable) {

    static final Path ROOT = Path.of(System.getProperty("lookout.root", ".."));

    static List<ServicesTable> rows() {
        try {
            return Files.readAllLines(ROOT.resolve("deploy/services.tsv")).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(cells -> new ServicesTable(cells[0], cells[1], Integer.parseInt(cells[2]),
                            "-".equals(cells[3]) ? null : cells[3], cells[4]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
