package org.lookout.notification;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import org.lookout.testsupport.MovableClock;

/** The service's clock in tests: real time unless a test sets it (and resets it after). */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends MovableClock {
}
