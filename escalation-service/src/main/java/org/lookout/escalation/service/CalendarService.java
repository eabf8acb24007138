package org.lookout.escalation.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.CalendarDay;
import org.lookout.escalation.domain.Deadline;
import org.lookout.escalation.domain.NoticeDay;
import org.lookout.escalation.domain.StatutoryNotices;
import org.lookout.escalation.domain.WorkingCalendar;
import org.lookout.escalation.repository.CalendarRepository;
import org.lookout.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The working calendar: seeded from the State Council notices the tyme4j library carries (each missing year once, so a
 * restart or a second instance changes nothing and an administrator's override is never overwritten), then held in
 * memory as an immutable {@link WorkingCalendar} snapshot.
 */
@ApplicationScoped
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);

    private final CalendarRepository calendar;
    private final EscalationConfig config;
    private final Clock clock;
    private volatile WorkingCalendar snapshot;

    CalendarService(CalendarRepository calendar, EscalationConfig config, Clock clock) {
        this.calendar = calendar;
        this.config = config;
        this.clock = clock;
    }

    void seedAtStartup(@Observes StartupEvent event) throws Throwable {
        StatutoryNotices.all(); // scan the library here, off the event loop
        WorkingCalendar loaded = VertxContextSupport.subscribeAndAwait(this::load);
        LOG.infof("working calendar ready: State Council notices loaded for %d years, %d to %d",
                loaded.loadedYears().size(),
                loaded.loadedYears().stream().mapToInt(Integer::intValue).min().orElse(0),
                loaded.loadedYears().stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    /** The calendar as loaded; the first caller (if earlier than startup) seeds and loads it. */
    public Uni<WorkingCalendar> current() {
        WorkingCalendar loaded = snapshot;
        return loaded != null ? Uni.createFrom().item(loaded) : load();
    }

    /** Seeds the notices that are not stored yet, then reads the whole calendar into a new snapshot. */
    public Uni<WorkingCalendar> load() {
        SortedMap<Integer, List<NoticeDay>> notices = StatutoryNotices.all();
        Instant now = clock.instant();
        return Panache.withTransaction(() -> calendar.loadedYears().chain(stored -> {
            Uni<Void> seeding = Uni.createFrom().voidItem();
            for (Map.Entry<Integer, List<NoticeDay>> notice : notices.entrySet()) {
                if (!stored.contains(notice.getKey())) {
                    seeding = seeding.chain(() -> calendar.seed(notice.getKey(), notice.getValue(), now));
                }
            }
            return seeding;
        }))
                .chain(() -> Panache.withSession(() -> calendar.loadedYears()
                        .chain(years -> calendar.days().map(days -> snapshotOf(years, days)))))
                .invoke(loaded -> snapshot = loaded);
    }

    public Uni<List<WorkingCalendar.Day>> days(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= config.maxCalendarSpanDays()) {
            throw ProblemException.badRequest("to", "must be less than " + config.maxCalendarSpanDays() + " days after from");
        }
        return current().map(calendar -> calendar.days(from, to));
    }

    public Uni<Deadline> deadline(Instant from, int workingDays) {
        if (workingDays < 1 || workingDays > config.maxWorkingDays()) {
            throw ProblemException.badRequest("workingDays", "must be between 1 and " + config.maxWorkingDays());
        }
        return current().map(calendar -> calendar.deadline(from, workingDays));
    }

    private WorkingCalendar snapshotOf(List<Integer> years, List<CalendarDay> days) {
        Map<LocalDate, WorkingCalendar.Entry> entries = new HashMap<>();
        days.forEach(day -> entries.put(day.day, new WorkingCalendar.Entry(day.kind, day.name)));
        return new WorkingCalendar(config.zone(), entries, new HashSet<>(years));
    }
}
