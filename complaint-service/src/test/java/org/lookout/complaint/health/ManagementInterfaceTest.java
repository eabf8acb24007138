package org.lookout.complaint.health;

import org.lookout.testsupport.ManagementInterfaceContract;
import org.lookout.testsupport.RealInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Health, metrics and the OpenAPI document on the management interface only ({@link ManagementInterfaceContract}). */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class ManagementInterfaceTest extends ManagementInterfaceContract {
}
