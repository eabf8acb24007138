package org.lookout.complaint.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/** This service's clock in tests: {@link org.lookout.testsupport.MovableClock} in place of the clock producer. */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends org.lookout.testsupport.MovableClock {
}
