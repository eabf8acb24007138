package org.lookout.notification.health;

import org.lookout.notification.NotificationTestResources;
import org.lookout.testsupport.NativeTransportContract;

import io.quarkus.test.junit.QuarkusTest;

/** The HTTP server and the PostgreSQL connections on epoll on Linux ({@link NativeTransportContract}). */
@QuarkusTest
@NotificationTestResources
class NativeTransportTest extends NativeTransportContract {
}
