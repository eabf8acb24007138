package org.lookout.escalation.board;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.escalation.board.BoardRepository.ClockFigures;
import org.lookout.escalation.board.BoardRepository.EscalationFigures;
import org.lookout.escalation.board.BoardView.CommunityFigures;
import org.lookout.escalation.board.BoardView.Totals;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

/**
 * The SLA board of one street or one community, in one call. Who sees which: staff their community, supervisors their
 * street and its communities, admin any; without a parameter staff get their community and supervisors their street.
 * Anything else, and a street or community this service does not know, is answered as absent (404).
 */
@ApplicationScoped
public class BoardService {

    private static final Pattern COMMUNITY = Pattern.compile("[A-Z0-9]{1,8}");
    private static final Pattern STREET = Pattern.compile("[A-Z0-9]{1,16}");

    /** The board's scope: the street or the community asked for, and the communities it covers. */
    record Scope(String street, String community, List<String> communities) {
    }

    private final BoardRepository board;
    private final EscalationConfig config;
    private final Clock clock;

    BoardService(BoardRepository board, EscalationConfig config, Clock clock) {
        this.board = board;
        this.config = config;
        this.clock = clock;
    }

    public Uni<BoardView> board(String street, String community, Caller caller) {
        return scope(street, community, caller).chain(this::of);
    }

    private Uni<BoardView> of(Scope scope) {
        int limit = config.boardListLimit();
        List<String> communities = scope.communities();
        // side by side: each query takes its own connection from the pool (no session, nothing written)
        return Uni.combine().all().unis(board.clockFigures(communities), board.escalationFigures(communities),
                board.clocksAtRisk(communities, limit), board.queues(communities, limit))
                .with((clocks, escalations, atRisk, queues) -> {
                    List<CommunityFigures> perCommunity = communities.stream()
                            .map(code -> figures(code, clocks, escalations)).toList();
                    return new BoardView(clock.instant(), scope.street(), scope.community(), totals(perCommunity),
                            atRisk, queues, perCommunity);
                });
    }

    private static CommunityFigures figures(String code, Map<String, ClockFigures> clocks,
            Map<String, EscalationFigures> escalations) {
        ClockFigures open = clocks.get(code);
        EscalationFigures waiting = escalations.getOrDefault(code, new EscalationFigures(0, 0));
        return open == null
                ? new CommunityFigures(code, 0, 0, 0, waiting.waiting(), waiting.overdue(), null)
                : new CommunityFigures(code, open.openReports(), open.warned(), open.breached(), waiting.waiting(),
                        waiting.overdue(), open.oldest());
    }

    private static Totals totals(List<CommunityFigures> communities) {
        return new Totals(communities.stream().mapToLong(CommunityFigures::openReports).sum(),
                communities.stream().mapToLong(CommunityFigures::warned).sum(),
                communities.stream().mapToLong(CommunityFigures::breached).sum(),
                communities.stream().mapToLong(CommunityFigures::escalationsWaiting).sum(),
                communities.stream().mapToLong(CommunityFigures::escalationsOverdue).sum());
    }

    /** What the caller asked for and may see; 400 for a malformed or missing parameter, 404 outside the scope. */
    private Uni<Scope> scope(String street, String community, Caller caller) {
        if (street != null && community != null) {
            throw ProblemException.badRequest("community", "give street or community, not both");
        }
        if (community != null) {
            return communityScope(checked("community", community, COMMUNITY, 8), caller);
        }
        if (street != null) {
            return streetScope(checked("street", street, STREET, 16), caller);
        }
        if (caller.is(Roles.STAFF) && caller.community().isPresent()) {
            return communityScope(caller.community().get(), caller);
        }
        if (caller.is(Roles.SUPERVISOR) && caller.street().isPresent()) {
            return streetScope(caller.street().get(), caller);
        }
        throw ProblemException.badRequest("street", "is required (or community): the board of which street?");
    }

    private Uni<Scope> communityScope(String community, Caller caller) {
        return board.streetOf(community).map(street -> {
            if (street.isEmpty() || !(caller.is(Roles.ADMIN) || caller.worksIn(community, street.get()))) {
                throw ProblemException.notFound("community " + community);
            }
            return new Scope(null, community, List.of(community));
        });
    }

    private Uni<Scope> streetScope(String street, Caller caller) {
        if (!(caller.is(Roles.ADMIN) || caller.isSupervisorOf(street))) {
            throw ProblemException.notFound("street " + street);
        }
        return board.communitiesOf(street).map(communities -> {
            if (communities.isEmpty()) {
                throw ProblemException.notFound("street " + street);
            }
            return new Scope(street, null, communities);
        });
    }

    private static String checked(String field, String value, Pattern pattern, int longest) {
        return Optional.of(value).filter(code -> pattern.matcher(code).matches()).orElseThrow(() -> ProblemException
                .badRequest(field, "must be a code of capital letters and digits, at most " + longest + " long"));
    }
}
