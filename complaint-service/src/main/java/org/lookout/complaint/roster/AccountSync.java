package org.lookout.complaint.roster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.jboss.logging.Logger;
import org.lookout.complaint.config.RosterConfig;
import org.lookout.complaint.domain.Lookout;
import org.lookout.complaint.domain.ReportAccess;
import org.lookout.complaint.roster.LookoutAccounts.Outcome;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Makes the Keycloak account follow the roster: appointments and retirements are stored first, this job gives or takes
 * the role afterwards, so an unreachable Keycloak delays the change and never loses it (tried again with back-off).
 * Runs on a worker thread (the admin client blocks); the database is reached through a Vert.x context.
 */
@ApplicationScoped
public class AccountSync {

    private static final Logger LOG = Logger.getLogger(AccountSync.class);

    /** How long a claimed appointment is left to this run before another instance may try it. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final RosterRepository roster;
    private final LookoutAccounts accounts;
    private final ReportAccess access;
    private final RosterConfig config;
    private final Clock clock;

    AccountSync(RosterRepository roster, LookoutAccounts accounts, ReportAccess access, RosterConfig config,
            Clock clock) {
        this.roster = roster;
        this.accounts = accounts;
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "roster-accounts", every = "${lookout.complaint.roster.sync-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sync();
    }

    /**
     * One run: every due account change, one after the other; answers how many were settled. The admin client is
     * request-scoped: the run is one request.
     */
    @ActivateRequestContext
    public int sync() {
        Instant now = clock.instant();
        List<Lookout> due = inTransaction(() -> roster.leaseDueAccounts(now, now.plus(LEASE),
                config.syncBatchSize()));
        int settled = 0;
        for (Lookout lookout : due) {
            Outcome outcome = lookout.grants() ? accounts.grant(lookout.username, lookout.communityCode)
                    : accounts.revoke(lookout.username, lookout.communityCode);
            boolean done = inTransaction(() -> roster.findById(lookout.id)
                    .map(current -> apply(current, lookout.grants(), outcome)));
            settled += done ? 1 : 0;
        }
        if (!due.isEmpty()) {
            LOG.infof("roster accounts: %d of %d due changes settled", settled, due.size());
        }
        return settled;
    }

    /** Runs {@code work} in a transaction on a Vert.x context and waits for it (this job runs on a worker thread). */
    private static <T> T inTransaction(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the roster's account job could not reach its database", e);
        }
    }

    /** The outcome, unless the appointment changed meanwhile (retired while being granted): then it is tried anew. */
    private boolean apply(Lookout lookout, boolean granted, Outcome outcome) {
        Instant now = clock.instant();
        if (lookout.grants() != granted) {
            lookout.accountUnreachable(now);
            return false;
        }
        Instant retryAt = now.plus(Lookout.backOff(lookout.accountAttempts, config.retryMin(), config.retryMax()));
        switch (outcome.kind()) {
            case DONE -> {
                String ref = access.pseudonymOfSubject(outcome.subject());
                if (granted) {
                    lookout.accountGranted(ref);
                } else {
                    lookout.accountRevoked(ref);
                }
            }
            case NO_SUCH_USER -> lookout.accountNotFound(retryAt);
            case REFUSED -> lookout.accountRefused(outcome.change(), retryAt);
            case UNREACHABLE -> lookout.accountUnreachable(retryAt);
        }
        return lookout.accountState.isSettled();
    }
}
