package org.lookout.cadre.health;

import org.lookout.cadre.CadreTestResources;
import org.lookout.testsupport.NativeTransportContract;

import io.quarkus.test.junit.QuarkusTest;

/** The HTTP server and the PostgreSQL connections on epoll on Linux ({@link NativeTransportContract}). */
@QuarkusTest
@CadreTestResources
class NativeTransportTest extends NativeTransportContract {
}
