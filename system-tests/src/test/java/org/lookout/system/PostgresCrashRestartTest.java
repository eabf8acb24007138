package org.lookout.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lookout up} right after a {@code kill -9} of PostgreSQL's postmaster (issue 17, item 1): the PostgreSQL part
 * of the scripts, run in a scratch copy on a port of its own with this machine's PostgreSQL binaries. A backend busy in
 * a query outlives its postmaster and holds the shared memory, so a new postmaster refused to start until it ended.
 */
class PostgresCrashRestartTest {

    private static final Path ROOT = Path.of(System.getProperty("lookout.root", ".."));
    /**
     * A free port below the kernel's ephemeral range: a fixed port inside that range (38532 once) can be taken by any
     * outgoing connection of the running stack, and PostgreSQL then refuses to bind it.
     */
    private static final String PORT = Integer.toString(freePortBelowTheEphemeralRange());

    @TempDir
    Path scratch;

    @BeforeEach
    void copyTheScripts() throws IOException {
        assumeThat(systemPostgres()).as("a PostgreSQL with psql on this machine (/usr/lib/postgresql/*/bin)").isTrue();
        Files.createDirectories(scratch.resolve("deploy/local"));
        for (String script : new String[] {"common.sh", "postgres.sh"}) {
            Files.copy(ROOT.resolve("deploy/local").resolve(script), scratch.resolve("deploy/local").resolve(script));
        }
        Files.copy(ROOT.resolve("deploy/services.tsv"), scratch.resolve("deploy/services.tsv"));
        Files.copy(ROOT.resolve("pom.xml"), scratch.resolve("pom.xml"));
    }

    @AfterEach
    void stopAndRemove() throws Exception {
        if (Files.exists(scratch.resolve("deploy/local/postgres.sh"))) {
            // the psql this test started, the crashed server's busy backend, the restarted server, its data
            bash("pg_paths; data=\"$(readlink -f \"${PG_DATA}\")\"; for p in /proc/[0-9]*; do"
                    + " if [[ \"$(readlink \"$p/cwd\" 2>/dev/null)\" == \"${data}\""
                    + " && \"$(tr '\\0' ' ' <\"$p/cmdline\" 2>/dev/null)\" == *'postgres: postgres postgres'* ]]; then"
                    + " kill -KILL \"${p#/proc/}\" 2>/dev/null || true; fi; done; pg_down || true;"
                    + " if [[ \"${PG_HOME}\" != \"${STATE}/postgres\" ]]; then rm -rf \"${PG_HOME}\"; fi", 90);
        }
    }

    @Test
    void upStartsPostgresAgainWhileACrashedServersBackendIsStillBusy() throws Exception {
        bash("pg_up", 120);
        // a backend in a long computation: it does not look for its postmaster until the query ends
        bash("pg_paths; pg_find_bin; as_pg \"${PG_BIN}/psql\" -h \"${PG_SOCKETS}\" -p " + PORT
                + " -U postgres -d postgres -c 'select count(*) from generate_series(1, 10000000000)' >/dev/null 2>&1 &"
                + " for i in $(seq 1 50); do [[ -n \"$(pg_orphans_now)\" ]] && break; sleep 0.2; done;"
                + " kill -KILL \"$(head -n 1 \"${PG_DATA}/postmaster.pid\")\"; sleep 1", 60);

        String up = bash("pg_up", 90);

        assertThat(up).contains("ok postgres on 127.0.0.1:" + PORT);
        assertThat(bash("pg_paths; pg_find_bin; as_pg \"${PG_BIN}/psql\" -h \"${PG_SOCKETS}\" -p " + PORT
                + " -U postgres -d complaint -Atc 'select 42'", 30)).contains("42");
    }

    private static int freePortBelowTheEphemeralRange() {
        int ephemeralStart = 32768;
        try {
            ephemeralStart = Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the usual start of the range
        }
        int low = 20000;
        int span = Math.max(1, ephemeralStart - low);
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = low + (start + i) % span;
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException taken) {
                // next one
            }
        }
        throw new IllegalStateException("no free port between " + low + " and " + ephemeralStart);
    }

    private static boolean systemPostgres() {
        try (Stream<Path> dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
            return dirs.anyMatch(dir -> Files.isExecutable(dir.resolve("bin/psql")));
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a bash snippet in the scratch root with the PostgreSQL functions loaded; fails on a non-zero exit. */
    private String bash(String script, int seconds) throws IOException, InterruptedException {
        String functions = "set -euo pipefail; ROOT=\"$PWD\"; source deploy/local/common.sh; source deploy/local/postgres.sh;"
                // the busy backend's process, whatever the scripts under test call it
                + " pg_orphans_now() { local p; for p in /proc/[0-9]*; do [[ \"$(tr '\\0' ' ' <\"$p/cmdline\" 2>/dev/null)\""
                + " == *'postgres: postgres postgres'* ]] && echo \"${p#/proc/}\"; done; return 0; };";
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", functions + script)
                .directory(scratch.toFile()).redirectErrorStream(true);
        builder.environment().put("LOOKOUT_PG_PORT", PORT);
        builder.environment().put("LOOKOUT_CACHE_DIR", scratch.resolve("cache").toString());
        builder.environment().remove("LOOKOUT_PG_BIN");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("finished: %s", output).isTrue();
        assertThat(process.exitValue()).as("exit code of %s; output:%n%s", script, output).isZero();
        return output;
    }
}
