package org.lookout.notification.health;

import org.lookout.notification.NotificationTestResources;
import org.lookout.testsupport.ManagementInterfaceContract;

import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics and the OpenAPI document on the management interface only ({@link ManagementInterfaceContract}). */
@QuarkusTest
@NotificationTestResources
class ManagementInterfaceTest extends ManagementInterfaceContract {
}
