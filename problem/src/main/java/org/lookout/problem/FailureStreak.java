package org.lookout.problem;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * A periodic read that may fail for a while (a database away): one WARN line when a streak of failures begins — the
 * failure's class, never its message — and one INFO line when a read succeeds again; the failure itself is absorbed,
 * so whatever the last good read left in place stays. Not for requests (those answer a problem).
 */
public final class FailureStreak {

    private final Logger log;
    private final String what;
    private volatile boolean failing;

    /** {@code what} names the read in both lines, e.g. "business metrics: the month's figures". */
    public FailureStreak(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /** {@code read}, its failure absorbed and logged once per streak. */
    public Uni<Void> watch(Uni<Void> read) {
        return read
                .invoke(() -> {
                    if (failing) {
                        failing = false;
                        log.infof("%s are read again", what);
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    if (!failing) {
                        failing = true;
                        log.warnf("%s could not be read (%s); the last ones stay", what, failure.getClass().getName());
                    }
                    return null;
                });
    }
}
