package org.lookout.cadre;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.lookout.testsupport.RealInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Real PostgreSQL and Kafka, complaint-service's communities on the reference topic, escalation-service's working
 * calendar as a real HTTP server, and an OIDC server that verifies {@code Tokens}: every test class uses the same set.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "cadre_registry"))
@WithTestResource(value = CommunityFixture.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WorkingCalendarStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
public @interface CadreTestResources {
}
