package org.lookout.escalation.health;

import org.lookout.escalation.EscalationTestResources;
import org.lookout.testsupport.ManagementInterfaceContract;

import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics and the OpenAPI document on the management interface only ({@link ManagementInterfaceContract}). */
@QuarkusTest
@EscalationTestResources
class ManagementInterfaceTest extends ManagementInterfaceContract {
}
