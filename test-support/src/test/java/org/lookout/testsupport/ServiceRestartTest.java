package org.lookout.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Another database, so Quarkus restarts between this class and {@link ServiceUsageTest}. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "escalation"))
@WithTestResource(OidcWiremockTestResource.class)
class ServiceRestartTest {

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String reactiveUrl;

    @Test
    void theRestartedApplicationGetsItsOwnDatabase() {
        assertThat(RealInfrastructure.database()).isEqualTo("escalation");
        assertThat(reactiveUrl).isEqualTo(RealInfrastructure.reactiveUrl("escalation"));
    }
}
