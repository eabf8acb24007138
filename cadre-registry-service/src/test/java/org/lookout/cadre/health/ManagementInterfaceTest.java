package org.lookout.cadre.health;

import org.lookout.cadre.CadreTestResources;
import org.lookout.testsupport.ManagementInterfaceContract;

import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics and the OpenAPI document on the management interface only ({@link ManagementInterfaceContract}). */
@QuarkusTest
@CadreTestResources
class ManagementInterfaceTest extends ManagementInterfaceContract {
}
