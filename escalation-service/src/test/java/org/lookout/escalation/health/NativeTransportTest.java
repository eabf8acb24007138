package org.lookout.escalation.health;

import org.lookout.escalation.EscalationTestResources;
import org.lookout.testsupport.NativeTransportContract;

import io.quarkus.test.junit.QuarkusTest;

/** The HTTP server and the PostgreSQL connections on epoll on Linux ({@link NativeTransportContract}). */
@QuarkusTest
@EscalationTestResources
class NativeTransportTest extends NativeTransportContract {
}
