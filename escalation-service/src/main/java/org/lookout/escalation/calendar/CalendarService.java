package org.lookout.escalation.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.CalendarChange;
import org.lookout.escalation.domain.CalendarDay;
import org.lookout.escalation.domain.DayKind;
import org.lookout.escalation.domain.DaySource;
import org.lookout.escalation.domain.Deadline;
import org.lookout.escalation.domain.NoticeDay;
import org.lookout.escalation.domain.StatutoryNotices;
import org.lookout.escalation.domain.WorkingCalendar;
import org.lookout.problem.ProblemException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The working calendar: seeded from the State Council notices the tyme4j library carries (each missing year once, so a
 * restart or a second instance changes nothing and an administrator's override is never overwritten), then held in
 * memory as an immutable {@link WorkingCalendar} snapshot, replaced after every administrator's override. Running clocks
 * keep the deadline they were started with: an override changes only deadlines computed after it.
 */
@ApplicationScoped
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);

    private final CalendarRepository calendar;
    private final CalendarChangeRepository changes;
    private final EscalationConfig config;
    private final Clock clock;
    private volatile WorkingCalendar snapshot;

    CalendarService(CalendarRepository calendar, CalendarChangeRepository changes, EscalationConfig config, Clock clock,
            MeterRegistry registry) {
        this.calendar = calendar;
        this.changes = changes;
        this.config = config;
        this.clock = clock;
        Gauge.builder("lookout.calendar.missing.years", this, service -> service.missingYears().size())
                .description("Years (this one, and the next from December on) without a loaded State Council notice:"
                        + " their deadlines are provisional")
                .strongReference(true)
                .register(registry);
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
                .chain(this::refresh);
    }

    /** Rereads the stored calendar into a new snapshot (the seeding is left to startup). */
    public Uni<WorkingCalendar> refresh() {
        return Panache.withSession(() -> calendar.loadedYears()
                .chain(years -> calendar.days().map(days -> snapshotOf(years, days))))
                .invoke(loaded -> snapshot = loaded);
    }

    /** Another instance's overrides reach this one within the interval; its own are in the snapshot at once. */
    @Scheduled(identity = "calendar-refresh", every = "${lookout.escalation.calendar-refresh-interval:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshPeriodically() {
        return refresh().replaceWithVoid();
    }

    /**
     * Years whose deadlines are provisional although they are near: this year, and from December on the next one
     * (the State Council publishes the next year's notice in November or December). All of them until the calendar is
     * loaded.
     */
    public List<Integer> missingYears() {
        LocalDate today = clock.instant().atZone(config.zone()).toLocalDate();
        List<Integer> expected = new ArrayList<>(List.of(today.getYear()));
        if (today.getMonthValue() >= config.nextYearNoticeExpectedFromMonth()) {
            expected.add(today.getYear() + 1);
        }
        WorkingCalendar loaded = snapshot;
        return loaded == null ? expected : expected.stream().filter(year -> !loaded.loaded(year)).toList();
    }

    /** The years this instance answers days and deadlines for (see {@link WorkingCalendar#horizon}). */
    private WorkingCalendar.Horizon horizonOf(WorkingCalendar loaded) {
        return loaded.horizon(clock.instant().atZone(config.zone()).getYear(), config.calendarHorizonYears());
    }

    private Uni<WorkingCalendar> within(String field, LocalDate date) {
        return current().invoke(loaded -> {
            WorkingCalendar.Horizon horizon = horizonOf(loaded);
            if (!horizon.contains(date)) {
                throw ProblemException.badRequest(field, horizon.describe());
            }
        });
    }

    /** Sets what a day is (source ADMIN), audited; answers the day as the refreshed calendar now sees it. */
    public Uni<WorkingCalendar.Day> override(LocalDate date, DayKind kind, String name, String reason, String actor) {
        Instant now = clock.instant();
        return within("date", date)
                .chain(() -> Panache.withTransaction(() -> calendar.dayForUpdate(date).chain(stored -> {
            DayKind before = stored != null ? stored.kind : WorkingCalendar.plainKind(date);
            CalendarDay day = stored != null ? stored : new CalendarDay();
            day.day = date;
            day.kind = kind;
            day.name = name;
            day.source = DaySource.ADMIN;
            day.updatedAt = now;
            Uni<Void> saved = stored != null ? Uni.createFrom().voidItem() : calendar.persist(day);
            return saved.chain(() -> audit(CalendarChange.Action.SET, date, before, kind, reason, actor, now));
        }))).chain(this::refresh).map(refreshed -> refreshed.day(date));
    }

    /**
     * Drops an administrator's override: the day is again what the notice says (restored as SEED) or, if no notice names
     * it, what the weekday rule says. Audited; 404 when the day has no override.
     */
    public Uni<WorkingCalendar.Day> clearOverride(LocalDate date, String reason, String actor) {
        Instant now = clock.instant();
        return within("date", date)
                .chain(() -> Panache.withTransaction(() -> calendar.dayForUpdate(date).chain(stored -> {
            if (stored == null || stored.source != DaySource.ADMIN) {
                throw ProblemException.notFound("calendar override of " + date);
            }
            DayKind before = stored.kind;
            Optional<NoticeDay> notice = StatutoryNotices.day(date);
            Uni<Void> restored;
            if (notice.isPresent()) {
                stored.kind = notice.get().kind();
                stored.name = notice.get().name();
                stored.source = DaySource.SEED;
                stored.updatedAt = now;
                restored = Uni.createFrom().voidItem();
            } else {
                restored = calendar.remove(stored);
            }
            DayKind after = notice.map(NoticeDay::kind).orElse(WorkingCalendar.plainKind(date));
            return restored.chain(() -> audit(CalendarChange.Action.CLEAR, date, before, after, reason, actor, now));
        }))).chain(this::refresh).map(refreshed -> refreshed.day(date));
    }

    private Uni<Void> audit(CalendarChange.Action action, LocalDate date, DayKind before, DayKind after, String reason,
            String actor, Instant now) {
        CalendarChange change = new CalendarChange();
        change.id = UUID.randomUUID();
        change.at = now;
        change.actor = actor;
        change.action = action;
        change.day = date;
        change.oldKind = before;
        change.newKind = after;
        change.reason = reason;
        return changes.persist(change).replaceWithVoid();
    }

    public Uni<List<WorkingCalendar.Day>> days(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= config.maxCalendarSpanDays()) {
            throw ProblemException.badRequest("to", "must be less than " + config.maxCalendarSpanDays() + " days after from");
        }
        return within("from", from).chain(() -> within("to", to)).map(calendar -> calendar.days(from, to));
    }

    public Uni<Deadline> deadline(Instant from, int workingDays) {
        if (workingDays < 1 || workingDays > config.maxWorkingDays()) {
            throw ProblemException.badRequest("workingDays", "must be between 1 and " + config.maxWorkingDays());
        }
        return current().map(calendar -> {
            WorkingCalendar.Horizon horizon = horizonOf(calendar);
            if (!horizon.contains(from)) {
                throw ProblemException.badRequest("from", horizon.describe());
            }
            return calendar.deadline(from, workingDays);
        });
    }

    private WorkingCalendar snapshotOf(List<Integer> years, List<CalendarDay> days) {
        Map<LocalDate, WorkingCalendar.Entry> entries = new HashMap<>();
        days.forEach(day -> entries.put(day.day, new WorkingCalendar.Entry(day.kind, day.name)));
        return new WorkingCalendar(config.zone(), entries, new HashSet<>(years));
    }
}
