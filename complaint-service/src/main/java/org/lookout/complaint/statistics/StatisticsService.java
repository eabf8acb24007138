package org.lookout.complaint.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.config.ComplaintConfig;
import org.lookout.complaint.config.StatisticsConfig;
import org.lookout.complaint.domain.ReportAccess;
import org.lookout.complaint.statistics.StatisticsRepository.GroupFigures;
import org.lookout.complaint.statistics.StatisticsRepository.Grouping;
import org.lookout.complaint.statistics.StatisticsRepository.ScopeCode;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

/**
 * Statistics of the reports received in a period (ARCHITECTURE §5), within the caller's scope: staff their community,
 * supervisors their street or one of its communities, admin anything; inspectors the confidential reports of their
 * streets, which count in no community's figures or rankings. Parameters are checked first (400 naming the parameter),
 * then the scope (404 outside it, as for reports). The figures come from one SQL aggregation.
 */
@ApplicationScoped
public class StatisticsService {

    /** The longest period, in days counted inclusively: a leap year. */
    public static final long MAX_DAYS = 366;

    private final StatisticsRepository repository;
    private final StatisticsConfig config;
    private final ZoneId zone;
    private final Clock clock;

    StatisticsService(StatisticsRepository repository, StatisticsConfig config, ComplaintConfig complaintConfig,
            Clock clock) {
        this.repository = repository;
        this.config = config;
        this.zone = complaintConfig.zone();
        this.clock = clock;
    }

    /** The days of receipt, inclusive, and their half-open range of instants. */
    public record Period(LocalDate from, LocalDate to, Instant start, Instant end) {
    }

    /** Where the figures come from: one community, one street, or ({@code ALL}, admin only) everywhere. */
    public record Scope(Kind kind, String code) {

        public enum Kind {
            COMMUNITY, STREET, ALL
        }
    }

    /**
     * The figures of a scope and period: the total and, whose counts add up to it, the groups; of the confidential
     * reports (inspectors) or of all others (everyone else).
     */
    public record Statistics(Scope scope, boolean confidential, Period period, Grouping groupBy, Figures total,
            List<GroupFigures> groups) {
    }

    /** What residents and lookouts see of their community's month: every category's count, the total, three rates. */
    public record PublicFigures(String community, String labelZh, String labelEn, YearMonth month, Figures total,
            List<GroupFigures> categories) {
    }

    /** A community ranked by its resolution rate; equal rates share a rank. */
    public record Ranked(int rank, GroupFigures community) {
    }

    /** A street's communities: those ranked, best first, and those not ranked, by code. */
    public record Ranking(String street, Period period, int minimumReports, List<Ranked> ranked,
            List<GroupFigures> notRanked) {
    }

    /**
     * Inspectors see the figures of the confidential reports of their streets, which no one else's figures count;
     * staff, supervisors and admin those of all other reports.
     */
    public Uni<Statistics> statistics(String scope, String from, String to, String groupBy, Caller caller) {
        Grouping grouping = grouping(groupBy);
        Period period = period(from, to);
        boolean confidential = seesConfidentialFigures(caller);
        return scope(scope, caller).chain(checked -> repository
                .grouped(grouping, zone, clock.instant(), period.start(), period.end(),
                        checked.kind() == Scope.Kind.COMMUNITY ? checked.code() : null,
                        checked.kind() == Scope.Kind.STREET ? checked.code() : null, confidential)
                .map(rows -> new Statistics(checked, confidential, period, grouping, total(rows),
                        rows.stream().filter(row -> !row.total()).toList())));
    }

    /**
     * The public figures of one community for one month ({@code yyyy-MM}, default this month): for its residents and
     * lookouts, its staff, the supervisors of its street and admin. No report, no person, no text: counts and rates.
     */
    public Uni<PublicFigures> publicFigures(String community, String month, Caller caller) {
        YearMonth yearMonth = month(month);
        if (community == null || community.isBlank()) {
            if (caller.community().isEmpty()) {
                throw ProblemException.badRequest("community", "is required");
            }
            community = caller.community().get();
        }
        checkCode("community", community);
        String code = community;
        Instant start = yearMonth.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = yearMonth.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return repository.community(code).chain(found -> {
            if (found == null || !(caller.inCommunity(code) || ReportAccess.seesCommunity(caller, code,
                    found.street()))) {
                throw ProblemException.notFound("community " + code);
            }
            return repository.perCategoryOfCommunity(code, clock.instant(), start, end)
                    .map(rows -> new PublicFigures(code, found.labelZh(), found.labelEn(), yearMonth, total(rows),
                            rows.stream().filter(row -> !row.total()).toList()));
        });
    }

    private static boolean seesConfidentialFigures(Caller caller) {
        return caller.actingRole().filter(Roles.INSPECTOR::equals).isPresent();
    }

    private static Figures total(List<GroupFigures> rows) {
        return rows.stream().filter(GroupFigures::total).findFirst().map(GroupFigures::figures)
                .orElseGet(Figures::none);
    }

    private YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(clock.withZone(zone));
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("month", "must be a month (yyyy-MM)");
        }
    }

    /**
     * The communities of a street ordered by resolution rate, best first; those with fewer reports than the minimum,
     * or with no report due for resolution yet, are listed apart as not ranked.
     */
    public Uni<Ranking> ranking(String street, String from, String to, Caller caller) {
        Period period = period(from, to);
        int minimum = config.rankingMinimumReports();
        return street(street, caller).chain(code -> repository
                .perCommunityOfStreet(code, clock.instant(), period.start(), period.end())
                .map(rows -> {
                    List<GroupFigures> rankable = rows.stream()
                            .filter(row -> row.figures().count() >= minimum
                                    && row.figures().resolution().denominator() > 0)
                            .sorted(Comparator.comparing((GroupFigures row) -> row.figures().resolution(),
                                    StatisticsService::betterFirst).thenComparing(GroupFigures::key))
                            .toList();
                    List<Ranked> ranked = new ArrayList<>(rankable.size());
                    for (int i = 0; i < rankable.size(); i++) {
                        boolean tie = i > 0 && betterFirst(rankable.get(i - 1).figures().resolution(),
                                rankable.get(i).figures().resolution()) == 0;
                        ranked.add(new Ranked(tie ? ranked.get(i - 1).rank() : i + 1, rankable.get(i)));
                    }
                    List<GroupFigures> notRanked = rows.stream().filter(row -> !rankable.contains(row)).toList();
                    return new Ranking(code, period, minimum, ranked, notRanked);
                }));
    }

    /** Higher rate first, compared exactly (cross-multiplied), not by the rounded figure. */
    private static int betterFirst(Rate a, Rate b) {
        return Long.compare(b.numerator() * a.denominator(), a.numerator() * b.denominator());
    }

    private static Grouping grouping(String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            return Grouping.CATEGORY;
        }
        try {
            return Grouping.valueOf(groupBy.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("groupBy", "must be one of category, item, status, month, community");
        }
    }

    /** Defaults: up to today, from the first day of that month. */
    private Period period(String from, String to) {
        LocalDate toDate = to == null || to.isBlank() ? LocalDate.now(clock.withZone(zone)) : date("to", to);
        LocalDate fromDate = from == null || from.isBlank() ? toDate.withDayOfMonth(1) : date("from", from);
        if (fromDate.isAfter(toDate)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(fromDate, toDate) + 1 > MAX_DAYS) {
            throw ProblemException.badRequest("to", "must be within " + MAX_DAYS + " days of from, both included");
        }
        return new Period(fromDate, toDate, fromDate.atStartOfDay(zone).toInstant(),
                toDate.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO date (yyyy-MM-dd)");
        }
    }

    /** The scope asked for, or the caller's own by default; a code outside the caller's scope is answered 404. */
    private Uni<Scope> scope(String code, Caller caller) {
        if (code == null || code.isBlank()) {
            return Uni.createFrom().item(() -> ownScope(caller));
        }
        checkCode("scope", code);
        return repository.scope(code).map(found -> {
            for (ScopeCode candidate : found) {
                Scope.Kind kind = "community".equals(candidate.kind()) ? Scope.Kind.COMMUNITY : Scope.Kind.STREET;
                if (admits(caller, kind, code, candidate.street())) {
                    return new Scope(kind, code);
                }
            }
            throw ProblemException.notFound("scope " + code);
        });
    }

    private static Scope ownScope(Caller caller) {
        if (caller.is(Roles.ADMIN)) {
            return new Scope(Scope.Kind.ALL, null);
        }
        if ((caller.is(Roles.SUPERVISOR) || caller.is(Roles.INSPECTOR)) && caller.street().isPresent()) {
            return new Scope(Scope.Kind.STREET, caller.street().get());
        }
        if (caller.is(Roles.STAFF) && caller.community().isPresent()) {
            return new Scope(Scope.Kind.COMMUNITY, caller.community().get());
        }
        throw ProblemException.notFound("scope");
    }

    /** Inspectors: the communities and streets of their streets (for the confidential reports). */
    private static boolean admits(Caller caller, Scope.Kind kind, String code, String street) {
        if (seesConfidentialFigures(caller)) {
            return caller.isInspectorOf(street);
        }
        return kind == Scope.Kind.COMMUNITY ? ReportAccess.seesCommunity(caller, code, street)
                : ReportAccess.seesStreet(caller, street);
    }

    /** The street to rank: the supervisor's own by default; admin must name one. */
    private Uni<String> street(String street, Caller caller) {
        if (street == null || street.isBlank()) {
            if (caller.is(Roles.SUPERVISOR) && caller.street().isPresent()) {
                return Uni.createFrom().item(caller.street().get());
            }
            throw ProblemException.badRequest("street", "is required");
        }
        checkCode("street", street);
        return repository.scope(street).map(found -> {
            boolean known = found.stream().anyMatch(code -> "street".equals(code.kind()));
            if (!known || !ReportAccess.seesStreet(caller, street)) {
                throw ProblemException.notFound("street " + street);
            }
            return street;
        });
    }

    private static void checkCode(String name, String code) {
        if (!code.matches("[A-Za-z0-9]{1,16}")) {
            throw ProblemException.badRequest(name, "is not a community or street code");
        }
    }
}
