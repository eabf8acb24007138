package org.lookout.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

/**
 * What every Lookout service's transport holds, as a test a service's {@code NativeTransportTest} extends with its own
 * {@code @QuarkusTest} resources: on Linux x86-64, where Netty's epoll library is on the class path
 * ({@code netty-transport-native-epoll}, classifier {@code linux-x86_64}) and {@code quarkus.vertx.prefer-native-transport}
 * is set, the HTTP server and the reactive PostgreSQL connections run on epoll rather than NIO. Without the library
 * Vert.x falls back to NIO silently, which cost a quarter more CPU per intake
 * (docs/decisions/complaint-intake-benchmark.md): this test is what notices.
 */
public abstract class NativeTransportContract {

    @Inject
    Vertx vertx;

    @Test
    void runsOnEpollOnLinux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64"), "epoll's library here is for Linux x86-64");
        assertThat(vertx.isNativeTransportEnabled())
                .as("native transport (epoll) enabled; if not, why: %s", vertx.unavailableNativeTransportCause())
                .isTrue();
    }
}
