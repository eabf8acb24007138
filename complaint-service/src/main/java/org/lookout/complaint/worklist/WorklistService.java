package org.lookout.complaint.worklist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.config.ComplaintConfig;
import org.lookout.complaint.config.WorklistConfig;
import org.lookout.complaint.domain.AssigneeUnit;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportAccess;
import org.lookout.complaint.domain.ReportAccess.WorklistScope;
import org.lookout.complaint.domain.ReportStatus;
import org.lookout.complaint.lifecycle.ReportView;
import org.lookout.contracts.Channel;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Worklists (ARCHITECTURE §2): every role lists the reports within its scope ({@link ReportAccess#worklistOf}),
 * filtered, ordered by due time (officials) or newest first (residents and lookouts, by default), a page at a time.
 * Every parameter is checked first (400 naming it); a community outside the caller's scope answers 404, as a report
 * does.
 */
@ApplicationScoped
public class WorklistService {

    /** A page of reports and, when more follow, the cursor of the next page. */
    public record Page(List<ReportView> reports, String nextCursor) {
    }

    private static final String CODE = "[A-Za-z0-9-]{1,40}";
    private static final String ACCOUNT = "[A-Za-z0-9._@-]{1,64}";
    private static final String TRACKING_NUMBER = "[A-Z]{2,8}-[0-9]{4}-[0-9]{6}";

    private final WorklistRepository worklists;
    private final ReportAccess access;
    private final WorklistConfig config;
    private final ZoneId zone;

    WorklistService(WorklistRepository worklists, ReportAccess access, WorklistConfig config,
            ComplaintConfig complaintConfig) {
        this.worklists = worklists;
        this.access = access;
        this.config = config;
        this.zone = complaintConfig.zone();
    }

    @WithSession
    public Uni<Page> page(WorklistParameters parameters, Caller caller) {
        WorklistScope scope = access.worklistOf(caller).orElseThrow(() -> ProblemException.forbidden(
                "your role has no worklist"));
        WorklistFilter filter = filter(parameters, scope);
        return communityInScope(filter.community(), scope)
                .chain(() -> worklists.page(scope, filter, filter.limit() + 1))
                .map(reports -> {
                    boolean more = reports.size() > filter.limit();
                    List<Report> shown = more ? reports.subList(0, filter.limit()) : reports;
                    String next = more ? cursorAfter(shown.getLast(), filter.sort()).encode() : null;
                    return new Page(shown.stream().map(ReportView::of).toList(), next);
                });
    }

    /** The report with this tracking number, for a caller who may read it; 404 otherwise. */
    @WithSession
    public Uni<ReportView> byTrackingNumber(String number, Caller caller) {
        String normalised = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        if (!normalised.matches(TRACKING_NUMBER)) {
            throw ProblemException.badRequest("number", "is not a tracking number (like DCY-2026-000123)");
        }
        return access.toReadByTrackingNumber(normalised, caller).map(ReportView::of);
    }

    private Uni<Void> communityInScope(String community, WorklistScope scope) {
        if (community == null) {
            return Uni.createFrom().voidItem();
        }
        return worklists.streetOf(community).invoke(street -> {
            if (street == null || !scope.admits(community, street)) {
                throw ProblemException.notFound("community " + community);
            }
        }).replaceWithVoid();
    }

    private WorklistFilter filter(WorklistParameters p, WorklistScope scope) {
        WorklistSort sort = p.sort() == null || p.sort().isBlank()
                ? scope.kind() == WorklistScope.Kind.FILER ? WorklistSort.RECEIVED : WorklistSort.DUE
                : sort(p.sort());
        String assignee = code("assignee", p.assignee(), ACCOUNT);
        AssigneeUnit unit = assignee == null ? null : unit(assignee);
        return new WorklistFilter(statuses(p.status()), code("item", p.item(), CODE),
                code("category", p.category(), CODE), channel(p.channel()), code("community", p.community(), CODE),
                unit, unit == null ? assignee : null, day("receivedFrom", p.receivedFrom(), 0),
                day("receivedTo", p.receivedTo(), 1), dueBefore(p.dueBefore()), flag("warned", p.warned()),
                flag("breached", p.breached()), flag("unrated", p.unrated()), text(p.q()), sort,
                p.cursor() == null || p.cursor().isBlank() ? null : WorklistCursor.decode(p.cursor(), sort),
                limit(p.limit()));
    }

    private static WorklistCursor cursorAfter(Report last, WorklistSort sort) {
        return new WorklistCursor(sort, sort == WorklistSort.DUE ? last.dueAt() : last.receivedAt, last.id);
    }

    private static Set<ReportStatus> statuses(List<String> values) {
        Set<ReportStatus> statuses = EnumSet.noneOf(ReportStatus.class);
        if (values == null) {
            return statuses;
        }
        for (String value : values) {
            for (String one : value.split(",")) {
                if (one.isBlank()) {
                    continue;
                }
                try {
                    statuses.add(ReportStatus.valueOf(one.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("status", "must be among " + EnumSet.allOf(ReportStatus.class));
                }
            }
        }
        return statuses;
    }

    private static Channel channel(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Channel.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("channel", "must be one of " + EnumSet.allOf(Channel.class));
        }
    }

    /** A unit's name, or null when the value names a staff member's account. */
    private static AssigneeUnit unit(String assignee) {
        for (AssigneeUnit unit : AssigneeUnit.values()) {
            if (unit.name().equals(assignee)) {
                return unit;
            }
        }
        return null;
    }

    private static WorklistSort sort(String value) {
        WorklistSort sort = WorklistSort.of(value.strip());
        if (sort == null) {
            throw ProblemException.badRequest("sort", "must be due or received");
        }
        return sort;
    }

    private static String code(String name, String value, String pattern) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches(pattern)) {
            throw ProblemException.badRequest(name, "is not a valid " + name);
        }
        return value;
    }

    /** The start of a day of the zone ({@code plusDays} 1: the start of the next, for an inclusive end). */
    private Instant day(String name, String value, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value).plusDays(plusDays).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO date (yyyy-MM-dd)");
        }
    }

    /** An instant, or a date meaning the start of that day in the zone. */
    private Instant dueBefore(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("dueBefore", "must be an ISO instant or date");
        }
    }

    private static Boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badRequest(name, "must be true or false");
        };
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > 100) {
            throw ProblemException.badRequest("q", "must be at most 100 characters");
        }
        return value.strip();
    }

    private int limit(String value) {
        if (value == null || value.isBlank()) {
            return config.defaultLimit();
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= config.maxLimit()) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + config.maxLimit());
    }
}
