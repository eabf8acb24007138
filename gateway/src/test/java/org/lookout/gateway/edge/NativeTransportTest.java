package org.lookout.gateway.edge;

import org.lookout.gateway.GatewayTestResources;
import org.lookout.testsupport.NativeTransportContract;

import io.quarkus.test.junit.QuarkusTest;

/** The HTTP server and the upstream clients on epoll on Linux ({@link NativeTransportContract}). */
@QuarkusTest
@GatewayTestResources
class NativeTransportTest extends NativeTransportContract {
}
