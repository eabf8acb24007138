package org.lookout.complaint.health;

import org.lookout.testsupport.NativeTransportContract;
import org.lookout.testsupport.RealInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The HTTP server and the PostgreSQL connections on epoll on Linux ({@link NativeTransportContract}). */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class NativeTransportTest extends NativeTransportContract {
}
