package org.lookout.complaint.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestQuery;
import org.lookout.complaint.config.ComplaintConfig;
import org.lookout.problem.Sensitive;
import org.lookout.problem.SensitiveAnswers;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The community ledger (台账): every state change of the community's reports in time order, as JSON or streamed CSV.
 * Parameters and scope are checked before the first byte is written, so refusals are ordinary problem answers.
 * Streamed answers pass no response filter, so both add {@link SensitiveAnswers#headers()} themselves.
 */
@Path("/api/ledger")
@Tag(name = "ledger")
@Sensitive
public class LedgerResource {

    public static final String TEXT_CSV = "text/csv";

    private final LedgerService ledger;
    private final CurrentCaller caller;
    private final ComplaintConfig config;

    LedgerResource(LedgerService ledger, CurrentCaller caller, ComplaintConfig config) {
        this.ledger = ledger;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The community ledger as a JSON array, oldest change first",
            description = "from/to are dates of Asia/Shanghai, to inclusive, at most 366 days apart (defaults: the last"
                    + " 30 days). Staff: their community; supervisors: their street; admin: all. Confidential reports"
                    + " show only tracking number and status change except to admin.")
    public Multi<LedgerLine> json(@RestQuery String community, @RestQuery String from, @RestQuery String to) {
        Uni<LedgerService.Query> query = checked(community, from, to);
        return RestMulti.fromUniResponse(query, q -> ledger.pages(q).onItem().transformToIterable(page -> page),
                q -> SensitiveAnswers.headers());
    }

    @GET
    @Produces(TEXT_CSV + ";charset=UTF-8")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The community ledger as a streamed CSV download (UTF-8 with BOM, RFC 4180)")
    public Multi<String> csv(@RestQuery String community, @RestQuery String from, @RestQuery String to) {
        Uni<LedgerService.Query> query = checked(community, from, to);
        return RestMulti.fromUniResponse(query,
                q -> Multi.createBy().concatenating().streams(Multi.createFrom().item(LedgerCsv.header()),
                        ledger.pages(q).map(page -> LedgerCsv.lines(page, config.zone()))),
                q -> {
                    Map<String, List<String>> headers = new HashMap<>(SensitiveAnswers.headers());
                    headers.put(HttpHeaders.CONTENT_DISPOSITION, List.of("attachment; filename=\"ledger-"
                            + q.community() + "-" + q.from() + "-" + q.to() + ".csv\""));
                    return headers;
                });
    }

    private Uni<LedgerService.Query> checked(String community, String from, String to) {
        // the caller is read on the request's thread; the checks that need the database run when the answer is subscribed
        var current = caller.get();
        return Uni.createFrom().deferred(() -> ledger.check(community, from, to, current));
    }
}
