package org.lookout.complaint.worklist;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.lookout.complaint.lifecycle.ReportView;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Worklists: the reports within the caller's scope, filtered and paged; the next page is in the {@code Link} header
 * ({@code rel="next"}). The answer carries an {@code ETag} of its content, so a client that polls with
 * {@code If-None-Match} gets {@code 304 Not Modified} while nothing on its page changed.
 */
@Path("/api/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "complaints")
public class WorklistResource {

    private final WorklistService worklists;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    WorklistResource(WorklistService worklists, CurrentCaller caller, ObjectMapper json) {
        this.worklists = worklists;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @RolesAllowed({ Roles.RESIDENT, Roles.LOOKOUT, Roles.STAFF, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN })
    @Operation(summary = "The reports within the caller's scope: a worklist, or the reports a resident or lookout filed",
            description = "Staff: their community; supervisor: their street; inspector: confidential reports of their"
                    + " streets; admin: all; resident, lookout: what they filed. Filters (all optional, combined with"
                    + " and): status (several, comma-separated or repeated), item, category, channel, community,"
                    + " assignee (a unit or a staff account), receivedFrom, receivedTo (dates, inclusive), dueBefore"
                    + " (instant or date), warned, breached, unrated (true/false), q (text in tracking number, title,"
                    + " address). sort: due (default for officials) or received (newest first; default for residents"
                    + " and lookouts). limit 1-200 (default 50); cursor from the Link rel=\"next\" of the page before.")
    public Uni<RestResponse<List<ReportView>>> worklist(@RestQuery List<String> status, @RestQuery String item,
            @RestQuery String category, @RestQuery String channel, @RestQuery String community,
            @RestQuery String assignee, @RestQuery String receivedFrom, @RestQuery String receivedTo,
            @RestQuery String dueBefore, @RestQuery String warned, @RestQuery String breached,
            @RestQuery String unrated, @RestQuery String q, @RestQuery String sort, @RestQuery String cursor,
            @RestQuery String limit, @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, UriInfo uri) {
        WorklistParameters parameters = new WorklistParameters(status, item, category, channel, community, assignee,
                receivedFrom, receivedTo, dueBefore, warned, breached, unrated, q, sort, cursor, limit);
        return worklists.page(parameters, caller.get()).map(page -> {
            String etag = etag(page);
            if (matches(ifNoneMatch, etag)) {
                return RestResponse.ResponseBuilder.<List<ReportView>> create(Status.NOT_MODIFIED)
                        .header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                        .build();
            }
            var answer = RestResponse.ResponseBuilder.ok(page.reports()).header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
            if (page.nextCursor() != null) {
                URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build();
                answer.header("Link", "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"");
            }
            return answer.build();
        });
    }

    @GET
    @Path("/by-tracking/{number}")
    @RolesAllowed({ Roles.RESIDENT, Roles.LOOKOUT, Roles.STAFF, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN })
    @Operation(summary = "The report with this tracking number (e.g. DCY-2026-000123), within the caller's scope;"
            + " 404 outside it")
    public Uni<ReportView> byTrackingNumber(@PathParam("number") String number) {
        return worklists.byTrackingNumber(number, caller.get());
    }

    /** A strong validator of the page as it is answered: its reports and where the next page starts. */
    private String etag(WorklistService.Page page) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(page));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("a page of report views always serialises", e);
        }
    }

    /** {@code If-None-Match}: {@code *} or a list of entity tags, weak ones compared weakly (RFC 9110 §13.1.2). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
