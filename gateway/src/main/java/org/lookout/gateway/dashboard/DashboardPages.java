package org.lookout.gateway.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.lookout.gateway.dashboard.DashboardApi.Answer;
import org.lookout.gateway.dashboard.DashboardView.Board;
import org.lookout.gateway.dashboard.DashboardView.Choice;
import org.lookout.gateway.dashboard.DashboardView.FigureRow;
import org.lookout.gateway.dashboard.DashboardView.Figures;
import org.lookout.gateway.dashboard.DashboardView.Page;
import org.lookout.gateway.dashboard.DashboardView.Rate;
import org.lookout.gateway.dashboard.DashboardView.Report;
import org.lookout.gateway.dashboard.DashboardView.WorklistRow;
import org.lookout.gateway.edge.Problems;
import org.lookout.gateway.edge.RequestIds;
import org.lookout.gateway.edge.RequestPaths;
import org.lookout.problem.Problem;
import org.lookout.problem.ProblemType;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /dashboard}: the street's month in figures, its SLA board and the drill-down to worklists and reports, for
 * supervisors and staff signed in through the {@code dashboard} OIDC tenant (code flow with PKCE). Every figure comes
 * from the services' own APIs, read with the user's access token ({@link DashboardApi}); the pages are rendered on the
 * server, with no script, in English or Chinese.
 */
@ApplicationScoped
public class DashboardPages {

    /** After the edge checks and authentication, like the gateway's other pages. */
    private static final int ORDER = -10;
    /** Styles from this gateway only, no script, no frame, forms only to itself. */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " base-uri 'none'; frame-ancestors 'none'";
    static final String LANGUAGE_COOKIE = "lookout_lang";
    static final String ZH = "zh-CN";
    static final String EN = "en";
    private static final Pattern COMMUNITY = Pattern.compile("[A-Z]{2,8}");
    private static final Pattern CATEGORY = Pattern.compile("[A-Z_]{2,20}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final DashboardApi api;
    private final DashboardConfig config;
    private final Buffer stylesheet;

    public DashboardPages(DashboardApi api, DashboardConfig config) {
        this.api = api;
        this.config = config;
        try (var in = DashboardPages.class.getClassLoader().getResourceAsStream("dashboard/dashboard.css")) {
            if (in == null) {
                throw new IllegalStateException("dashboard/dashboard.css is missing from the gateway");
            }
            this.stylesheet = Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("dashboard/dashboard.css does not read", e);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Page page, String month, String community, List<Choice> communities,
                Figures byCommunity, Figures byCategory, Board board, String breachedLink);

        static native TemplateInstance worklist(Page page, String community, String category, String month,
                boolean breached, List<WorklistRow> rows, boolean more, int unavailable, String backLink);

        static native TemplateInstance report(Page page, Report report);

        static native TemplateInstance message(Page page, int status);
    }

    /** A parameter the page cannot use: answered with a problem naming it. */
    static final class BadParameter extends RuntimeException {
        final String field;

        BadParameter(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    void install(@Observes Router router) {
        router.get(DashboardLinks.BASE).order(ORDER).handler(ctx -> page(ctx, this::overview));
        router.get(DashboardLinks.BASE + "/worklist").order(ORDER).handler(ctx -> page(ctx, this::worklist));
        router.get(DashboardLinks.BASE + "/reports/:id").order(ORDER).handler(ctx -> page(ctx, this::report));
        router.get(DashboardLinks.BASE + "/dashboard.css").order(ORDER).handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/css; charset=utf-8")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .end(stylesheet));
    }

    /** What one page does once the caller is known to be allowed: its template, or the status it answers with. */
    private interface View {
        Future<Rendered> render(RoutingContext ctx, Page page, String token);
    }

    private record Rendered(int status, TemplateInstance template) {
    }

    private void page(RoutingContext ctx, View view) {
        String lang;
        try {
            lang = language(ctx);
        } catch (BadParameter bad) {
            refuse(ctx, bad);
            return;
        }
        SecurityIdentity identity = ((QuarkusHttpUser) ctx.user()).getSecurityIdentity();
        Page page = new Page(lang, switchUrl(ctx, EN), switchUrl(ctx, ZH), identity.getPrincipal().getName());
        if (identity.getRoles().stream().noneMatch(config.roles()::contains)) {
            send(ctx, lang, new Rendered(403, Templates.message(page, 0)));
            return;
        }
        String token = identity.getCredential(AccessTokenCredential.class).getToken();
        Future<Rendered> rendered;
        try {
            rendered = view.render(ctx, page, token);
        } catch (BadParameter bad) {
            refuse(ctx, bad);
            return;
        }
        rendered.onSuccess(result -> send(ctx, lang, result)).onFailure(ctx::fail);
    }

    private Future<Rendered> overview(RoutingContext ctx, Page page, String token) {
        YearMonth month = month(ctx);
        String community = parameter(ctx, "community", COMMUNITY);
        String period = "from=" + month.atDay(1) + "&to=" + lastDay(month);
        String requestId = RequestIds.of(ctx);
        Future<Answer> communities = api.get("/api/statistics", "groupBy=community&" + period, token, requestId);
        Future<Answer> categories = api.get("/api/statistics",
                "groupBy=category&" + period + (community == null ? "" : "&scope=" + community), token, requestId);
        Future<Answer> board = api.get("/api/escalations/board", community == null ? "" : "community=" + community,
                token, requestId);
        return Future.join(communities, categories, board).transform(done -> {
            Board boardView = board.result().ok() ? Board.of(board.result().object(), config.zone())
                    : Board.unavailable(board.result().status());
            Map<String, Long> breachedByCommunity = new LinkedHashMap<>();
            if (board.result().ok()) {
                for (Object item : board.result().object().getJsonArray("communities", new JsonArray())) {
                    JsonObject row = (JsonObject) item;
                    breachedByCommunity.put(row.getString("communityCode"), row.getLong("breached", 0L));
                }
            }
            String monthText = month.toString();
            Figures byCommunity = figures(communities.result(), page.lang(),
                    key -> DashboardLinks.worklist(key, null, monthText, false), breachedByCommunity);
            Figures byCategory = figures(categories.result(), page.lang(),
                    key -> DashboardLinks.worklist(community, key, monthText, false), null);
            List<Choice> choices = new ArrayList<>();
            byCommunity.rows().forEach(row -> choices.add(new Choice(row.key(), row.label(), row.key().equals(community))));
            return Future.succeededFuture(new Rendered(200, Templates.overview(page, monthText, community, choices,
                    byCommunity, byCategory, boardView, DashboardLinks.worklist(community, null, null, true))));
        });
    }

    private Future<Rendered> worklist(RoutingContext ctx, Page page, String token) {
        String community = parameter(ctx, "community", COMMUNITY);
        String category = parameter(ctx, "category", CATEGORY);
        String monthText = ctx.request().getParam("month");
        YearMonth month = monthText == null ? null : month(ctx);
        boolean breached = flag(ctx, "breached");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("community", community);
        query.put("category", category);
        query.put("breached", breached ? "true" : null);
        query.put("receivedFrom", month == null ? null : month.atDay(1).toString());
        query.put("receivedTo", month == null ? null : lastDay(month).toString());
        query.put("sort", "due");
        query.put("limit", Integer.toString(config.worklistLimit()));
        String back = DashboardLinks.overview(monthText, community);
        return api.get("/api/complaints", DashboardLinks.query(query).substring(1), token, RequestIds.of(ctx))
                .map(answer -> {
                    if (!answer.ok()) {
                        return new Rendered(200, Templates.worklist(page, community, category, monthText, breached,
                                List.of(), false, answer.status(), back));
                    }
                    List<WorklistRow> rows = new ArrayList<>();
                    answer.array().forEach(item -> rows.add(WorklistRow.of((JsonObject) item, config.zone())));
                    boolean more = rows.size() >= config.worklistLimit();
                    return new Rendered(200, Templates.worklist(page, community, category, monthText, breached, rows,
                            more, 0, back));
                });
    }

    private Future<Rendered> report(RoutingContext ctx, Page page, String token) {
        String id = ctx.pathParam("id");
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("id", "A report id is a UUID.");
        }
        return api.get("/api/complaints/" + id, "", token, RequestIds.of(ctx)).map(answer -> answer.ok()
                ? new Rendered(200, Templates.report(page, Report.of(answer.object(), config.zone())))
                : new Rendered(answer.status() == 404 || answer.status() == 403 ? answer.status() : 502,
                        Templates.message(page, answer.status())));
    }

    private static Figures figures(Answer answer, String lang, UnaryOperator<String> link,
            Map<String, Long> breached) {
        if (!answer.ok()) {
            return Figures.unavailable(answer.status());
        }
        JsonObject json = answer.object();
        JsonArray groups = json.getJsonArray("groups", new JsonArray());
        long max = 1;
        for (Object group : groups) {
            max = Math.max(max, ((JsonObject) group).getLong("count", 0L));
        }
        List<FigureRow> rows = new ArrayList<>();
        for (Object item : groups) {
            JsonObject group = (JsonObject) item;
            String key = group.getString("key");
            long count = group.getLong("count", 0L);
            Long breachedNow = breached == null ? null : breached.getOrDefault(key, 0L);
            rows.add(new FigureRow(key, DashboardView.label(group, lang), count, (int) (count * 100 / max),
                    Rate.of(group.getJsonObject("response")), Rate.of(group.getJsonObject("resolution")),
                    Rate.of(group.getJsonObject("satisfaction")), breachedNow, link.apply(key),
                    breached == null ? null : DashboardLinks.worklist(key, null, null, true)));
        }
        JsonObject total = json.getJsonObject("total", new JsonObject());
        FigureRow totalRow = new FigureRow(null, null, total.getLong("count", 0L), 100,
                Rate.of(total.getJsonObject("response")), Rate.of(total.getJsonObject("resolution")),
                Rate.of(total.getJsonObject("satisfaction")), null, null, null);
        return new Figures(totalRow, rows, 0);
    }

    private void send(RoutingContext ctx, String lang, Rendered rendered) {
        rendered.template().setLocale(Locale.forLanguageTag(lang)).renderAsync().whenComplete((html, failure) -> {
            if (failure != null) {
                ctx.fail(failure);
                return;
            }
            ctx.response().setStatusCode(rendered.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                    .putHeader(HttpHeaders.CONTENT_LANGUAGE, lang)
                    .putHeader("Content-Security-Policy", PAGE_POLICY)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer")
                    // an official's view of reports: never kept by a browser or a proxy
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .putHeader(HttpHeaders.VARY, "Accept-Language, Cookie")
                    .end(html);
        });
    }

    private static void refuse(RoutingContext ctx, BadParameter bad) {
        Problems.send(ctx, Problem.of(ProblemType.INVALID_REQUEST).detail(bad.getMessage())
                .instance(RequestPaths.of(ctx)).requestId(RequestIds.of(ctx))
                .errors(List.of(new Problem.FieldError(bad.field, bad.getMessage()))).build());
    }

    /** {@code ?lang=} (remembered in a cookie), else the cookie, else Accept-Language; Chinese when none says. */
    static String language(RoutingContext ctx) {
        String asked = ctx.request().getParam("lang");
        if (asked != null) {
            if (!asked.equals(EN) && !asked.equals(ZH)) {
                throw new BadParameter("lang", "lang is en or zh-CN.");
            }
            ctx.response().addCookie(Cookie.cookie(LANGUAGE_COOKIE, asked).setPath(DashboardLinks.BASE)
                    .setHttpOnly(true).setSameSite(CookieSameSite.LAX).setMaxAge(365L * 24 * 3600));
            return asked;
        }
        Cookie remembered = ctx.request().getCookie(LANGUAGE_COOKIE);
        if (remembered != null && (remembered.getValue().equals(EN) || remembered.getValue().equals(ZH))) {
            return remembered.getValue();
        }
        for (LanguageHeader language : ctx.acceptableLanguages()) {
            if (language.tag().equalsIgnoreCase("zh")) {
                return ZH;
            }
            if (language.tag().equalsIgnoreCase("en")) {
                return EN;
            }
        }
        return ZH;
    }

    /** The same page and query in the other language. */
    private static String switchUrl(RoutingContext ctx, String lang) {
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParams().forEach((name, value) -> query.putIfAbsent(name, value));
        query.put("lang", lang);
        return ctx.request().path() + DashboardLinks.query(query);
    }

    private YearMonth month(RoutingContext ctx) {
        String text = ctx.request().getParam("month");
        YearMonth now = YearMonth.now(config.zone());
        if (text == null || text.isEmpty()) {
            return now;
        }
        if (!MONTH.matcher(text).matches()) {
            throw new BadParameter("month", "month is a month as yyyy-MM.");
        }
        try {
            YearMonth month = YearMonth.parse(text);
            if (month.isAfter(now)) {
                throw new BadParameter("month", "month is in the future.");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new BadParameter("month", "month is a month as yyyy-MM.");
        }
    }

    /** The month's last day, or today while it runs. */
    private LocalDate lastDay(YearMonth month) {
        LocalDate today = LocalDate.now(config.zone());
        return month.equals(YearMonth.from(today)) ? today : month.atEndOfMonth();
    }

    private static String parameter(RoutingContext ctx, String name, Pattern shape) {
        String value = ctx.request().getParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!shape.matcher(value).matches()) {
            throw new BadParameter(name, name + " is not a code of that kind.");
        }
        return value;
    }

    private static boolean flag(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (!value.equals("true")) {
            throw new BadParameter(name, name + " is true or false.");
        }
        return true;
    }
}
