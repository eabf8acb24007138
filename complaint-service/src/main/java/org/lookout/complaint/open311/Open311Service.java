package org.lookout.complaint.open311;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.community.CommunityLocator;
import org.lookout.complaint.community.CommunityView;
import org.lookout.complaint.config.ComplaintConfig;
import org.lookout.complaint.config.Open311Config;
import org.lookout.complaint.domain.Category;
import org.lookout.complaint.domain.ItemQuestion;
import org.lookout.complaint.domain.Open311ApiKey;
import org.lookout.complaint.domain.Open311Request;
import org.lookout.complaint.domain.ReportStatus;
import org.lookout.complaint.domain.TaxonomyItem;
import org.lookout.complaint.identity.ReporterIdentityCipher;
import org.lookout.complaint.intake.IntakeService;
import org.lookout.complaint.intake.ReceiptView;
import org.lookout.complaint.intake.SubmitReportRequest;
import org.lookout.complaint.open311.Open311Repository.RequestQuery;
import org.lookout.complaint.taxonomy.TaxonomyRepository;
import org.lookout.contracts.Channel;
import org.lookout.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Open311 GeoReport v2 on Lookout's reports: the offered items are the services, their extra questions the attributes,
 * a request is a report filed through intake like on every channel (duplicates hint, idempotency, events, encrypted
 * identity), placed in the community whose boundary holds it. Reads need no key, writes do. What a request shows is
 * public: never the reporter, an internal note or a confidential report; another channel's words stay with the
 * community.
 */
@ApplicationScoped
public class Open311Service {

    private final Open311Repository open311;
    private final TaxonomyRepository taxonomy;
    private final CommunityLocator locator;
    private final ApiKeyService keys;
    private final IntakeService intake;
    private final ReporterIdentityCipher cipher;
    private final Open311Config config;
    private final Open311Views views;
    private final Clock clock;

    Open311Service(Open311Repository open311, TaxonomyRepository taxonomy, CommunityLocator locator, ApiKeyService keys,
            IntakeService intake, ReporterIdentityCipher cipher, Open311Config config, ComplaintConfig complaint,
            Clock clock) {
        this.open311 = open311;
        this.taxonomy = taxonomy;
        this.locator = locator;
        this.keys = keys;
        this.intake = intake;
        this.cipher = cipher;
        this.config = config;
        this.views = new Open311Views(complaint.zone());
        this.clock = clock;
    }

    /** The answers' language when {@code Accept-Language} names neither of ours. */
    public Language defaultLanguage() {
        return Language.named(config.defaultLanguage());
    }

    @WithSession
    public Uni<Open311Document> discovery() {
        return open311.servicesChangedAt().map(changed -> views.discovery(changed, config.contact(),
                config.keyService(), config.productionUrl(), config.testUrl()));
    }

    @WithSession
    public Uni<Open311Document> services(String jurisdictionId, Language language) {
        return jurisdiction(jurisdictionId).chain(() -> taxonomy.categories())
                .chain(categories -> offered(categories).map(items -> views.services(items, categories, language)));
    }

    @WithSession
    public Uni<Open311Document> definition(String serviceCode, String jurisdictionId, Language language) {
        return jurisdiction(jurisdictionId).chain(() -> offeredItem(serviceCode))
                .map(item -> views.definition(item, language));
    }

    /**
     * Files a request: the key first (403), then the jurisdiction (404), the service (400 missing, 404 not offered), the
     * answers against its questions and the place (400), then intake in this transaction.
     */
    @WithTransaction
    public Uni<Filed> submit(SubmitServiceRequestRequest request, Language language) {
        return keys.toFile(request.apiKey())
                .call(key -> jurisdiction(request.jurisdictionId()))
                .chain(key -> {
                    if (request.serviceCode() == null) {
                        throw ProblemException.badRequest("service_code", "is required");
                    }
                    return offeredItem(request.serviceCode()).chain(item -> {
                        Map<String, List<String>> answers = answers(item, request.attributes());
                        return located(request).chain(community -> file(request, key, item, community, answers,
                                language));
                    });
                });
    }

    @WithSession
    public Uni<Open311Document> requests(RequestsParameters parameters, Language language) {
        return jurisdiction(parameters.jurisdictionId()).chain(() -> {
            RequestQuery query = query(parameters);
            return open311.requests(query).chain(rows -> taxonomy.items()
                    .map(items -> views.requests(rows, items, language)));
        });
    }

    /** One request by its id (the tracking number); 404 for an unknown or confidential one. */
    @WithSession
    public Uni<Open311Document> request(String serviceRequestId, String jurisdictionId, Language language) {
        RequestQuery query = new RequestQuery(List.of(serviceRequestId), List.of(), List.of(), null, null,
                jurisdictionId, 1);
        return jurisdiction(jurisdictionId).chain(() -> open311.requests(query)).chain(rows -> {
            if (rows.isEmpty()) {
                throw ProblemException.notFound("service_request_id " + serviceRequestId);
            }
            return taxonomy.items().map(items -> views.requests(rows, items, language));
        });
    }

    /**
     * The request of a token: the token is a report's id as Lookout's REST API and events carry it, so a system that
     * learned one finds the Open311 id. 404 for an unknown or confidential report.
     */
    @WithSession
    public Uni<Open311Document> token(String token, String jurisdictionId) {
        UUID reportId;
        try {
            reportId = UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("token " + token);
        }
        return jurisdiction(jurisdictionId).chain(() -> open311.trackingNumberOf(reportId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("token " + token))
                .map(number -> views.token(number, token));
    }

    /**
     * The public updates listed in {@code [start_date, end_date)}: committed changes are listed first (so this answer
     * holds every update of its window that will ever be listed in it), then read in listing order. A window holding
     * more than the limit is refused rather than cut short, so no update is skipped.
     */
    @WithTransaction
    public Uni<Open311Document> updates(String startDate, String endDate, String jurisdictionId, Language language) {
        Instant now = clock.instant();
        Instant end = endDate == null ? now : time("end_date", endDate);
        Instant start = startDate == null ? end.minus(config.updatesWindow()) : time("start_date", startDate);
        checkWindow(start, end);
        if (end.isAfter(now.plus(config.clockSkew()))) {
            throw ProblemException.badRequest("end_date", "is more than " + config.clockSkew().toMinutes()
                    + " minutes in the future");
        }
        return jurisdiction(jurisdictionId)
                .chain(() -> open311.listCommitted(now, end))
                .chain(() -> open311.updates(start, end, jurisdictionId, config.updatesLimit()))
                .map(rows -> {
                    if (rows.size() > config.updatesLimit()) {
                        throw ProblemException.badRequest("start_date", "the window holds more than "
                                + config.updatesLimit() + " updates; ask a shorter one");
                    }
                    return views.updates(rows, language);
                });
    }

    /** Lists the changes committed since the last listing (the feed's clock job, and every read of the feed). */
    @WithTransaction
    public Uni<Instant> listCommitted() {
        return open311.listCommitted(clock.instant(), null);
    }

    // -- filing

    private Uni<Filed> file(SubmitServiceRequestRequest request, Open311ApiKey key, TaxonomyItem item,
            CommunityView community, Map<String, List<String>> answers, Language language) {
        if (request.jurisdictionId() != null && !request.jurisdictionId().equals(community.streetCode())) {
            throw ProblemException.badRequest(request.latitude() != null ? "lat" : "address_string",
                    "is outside jurisdiction " + request.jurisdictionId());
        }
        String description = request.description() == null ? item.nameZh : request.description();
        String address = request.addressString() != null ? request.addressString()
                : request.addressId() != null ? request.addressId() : community.nameZh();
        SubmitReportRequest report = new SubmitReportRequest(item.code, title(description), description,
                community.code(), new SubmitReportRequest.Location(address, null, request.latitude(),
                        request.longitude()),
                null, Channel.OPEN311, false, request.reporterName(), request.phone());
        return intake.submitOnBehalf(report, Open311Views.FILED_BY)
                .call(receipt -> open311.persist(filing(receipt, request, key, answers)))
                .map(receipt -> new Filed(receipt.report().trackingNumber(), views.created(receipt.report()
                        .trackingNumber(), Open311Views.notice(item, language) + duplicatesHint(receipt, language),
                        request.accountId())));
    }

    private Open311Request filing(ReceiptView receipt, SubmitServiceRequestRequest request, Open311ApiKey key,
            Map<String, List<String>> answers) {
        UUID reportId = receipt.report().id();
        Open311Request filing = new Open311Request();
        filing.reportId = reportId;
        filing.apiKeyId = key.id;
        filing.answers = answers;
        filing.mediaUrl = request.mediaUrl();
        filing.addressId = request.addressId();
        if (request.email() != null || request.deviceId() != null || request.accountId() != null) {
            filing.keyId = cipher.currentKey();
            filing.emailEncrypted = cipher.encrypt(reportId, request.email());
            filing.deviceIdEncrypted = cipher.encrypt(reportId, request.deviceId());
            filing.accountIdEncrypted = cipher.encrypt(reportId, request.accountId());
        }
        return filing;
    }

    /** Intake's possible duplicates, by tracking number: the same hint every channel gets. */
    private static String duplicatesHint(ReceiptView receipt, Language language) {
        if (receipt.possibleDuplicates() == null || receipt.possibleDuplicates().isEmpty()) {
            return "";
        }
        String numbers = receipt.possibleDuplicates().stream().map(found -> found.trackingNumber())
                .collect(Collectors.joining(language.pick("、", ", ")));
        return language.pick("附近可能已有相同问题的反映：" + numbers + "。", " Possibly the same problem as " + numbers + ".");
    }

    /** The first line of the description, cut to a title's length. */
    static String title(String description) {
        String line = description.strip().lines().findFirst().orElse("").strip();
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }

    /**
     * The place: by coordinates the community whose boundary holds them; else by {@code address_id}
     * ({@code <community code>/<building>}), else by the community an {@code address_string} names. 400 naming the
     * field when it lies in none.
     */
    private Uni<CommunityView> located(SubmitServiceRequestRequest request) {
        if (request.latitude() != null) {
            return locator.at(request.latitude(), request.longitude()).map(found -> found.orElseThrow(
                    () -> ProblemException.badRequest("lat", "lat and long lie outside every community")));
        }
        if (request.addressId() != null) {
            String code = request.addressId().split("/", 2)[0];
            return locator.byCode(code).map(found -> found.orElseThrow(() -> ProblemException.badRequest("address_id",
                    "names no community: it is <community code>/<building>, e.g. DCY/3-2")));
        }
        return locator.named(request.addressString()).map(found -> found.orElseThrow(() -> ProblemException
                .badRequest("address_string", "names no community; send lat and long")));
    }

    /** The answers to the item's questions, checked against them: 400 naming {@code attribute[CODE]}. */
    static Map<String, List<String>> answers(TaxonomyItem item, Map<String, List<String>> sent) {
        Map<String, ItemQuestion> questions = item.questions.stream()
                .collect(Collectors.toMap(ItemQuestion::code, question -> question, (a, b) -> a, LinkedHashMap::new));
        for (String code : sent.keySet()) {
            if (!questions.containsKey(code)) {
                throw ProblemException.badRequest(field(code), "is not an attribute of service " + item.code);
            }
        }
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (ItemQuestion question : questions.values()) {
            List<String> values = sent.getOrDefault(question.code(), List.of());
            if (values.isEmpty()) {
                if (question.required()) {
                    throw ProblemException.badRequest(field(question.code()), "is required");
                }
                continue;
            }
            answers.put(question.code(), checked(question, values));
        }
        return answers;
    }

    private static List<String> checked(ItemQuestion question, List<String> values) {
        String field = field(question.code());
        if (question.datatype() != ItemQuestion.Datatype.MULTI_VALUE_LIST && values.size() > 1) {
            throw ProblemException.badRequest(field, "takes one value");
        }
        Set<String> keys = question.options().stream().map(ItemQuestion.Option::key)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (String value : values) {
            switch (question.datatype()) {
                case NUMBER -> {
                    try {
                        new BigDecimal(value);
                    } catch (NumberFormatException e) {
                        throw ProblemException.badRequest(field, "must be a number");
                    }
                }
                case DATETIME -> time(field, value);
                case STRING -> {
                    if (value.contains("\n") || value.contains("\r")) {
                        throw ProblemException.badRequest(field, "must be one line");
                    }
                }
                case SINGLE_VALUE_LIST, MULTI_VALUE_LIST -> {
                    if (!keys.contains(value)) {
                        throw ProblemException.badRequest(field, "must be one of " + String.join(", ", keys));
                    }
                }
                case TEXT -> {
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static String field(String code) {
        return "attribute[" + code + "]";
    }

    // -- reading

    private RequestQuery query(RequestsParameters parameters) {
        if (parameters.serviceRequestId() != null) {
            List<String> numbers = Open311Repository.codes(parameters.serviceRequestId());
            if (numbers.size() > config.requestsLimit()) {
                throw ProblemException.badRequest("service_request_id", "names more than " + config.requestsLimit()
                        + " requests");
            }
            return new RequestQuery(numbers, List.of(), List.of(), null, null, parameters.jurisdictionId(),
                    config.requestsLimit());
        }
        Instant end = parameters.endDate() == null ? null : time("end_date", parameters.endDate());
        Instant start = parameters.startDate() == null ? null : time("start_date", parameters.startDate());
        if (end == null) {
            end = start == null ? clock.instant() : start.plus(config.longestWindow());
        }
        if (start == null) {
            start = end.minus(config.longestWindow());
        }
        checkWindow(start, end);
        List<String> items = parameters.serviceCode() == null ? List.of()
                : Open311Repository.codes(parameters.serviceCode());
        return new RequestQuery(List.of(), items, statuses(parameters.status()), start, end,
                parameters.jurisdictionId(), config.requestsLimit());
    }

    /** The lifecycle states that are {@code open} or {@code closed} as asked; all of them when none is. */
    private static List<ReportStatus> statuses(String asked) {
        if (asked == null) {
            return List.of();
        }
        Set<Open311Status> wanted = new LinkedHashSet<>();
        for (String status : Open311Repository.codes(asked)) {
            try {
                wanted.add(Open311Status.valueOf(status.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("status", "must be open or closed (or both, comma-separated)");
            }
        }
        return java.util.Arrays.stream(ReportStatus.values()).filter(status -> wanted.contains(Open311Status.of(status)))
                .toList();
    }

    private void checkWindow(Instant start, Instant end) {
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("start_date", "must be before end_date");
        }
        if (Duration.between(start, end).compareTo(config.longestWindow()) > 0) {
            throw ProblemException.badRequest("end_date", "may not be more than " + config.longestWindow().toDays()
                    + " days after start_date");
        }
    }

    /** A W3C date-time with its offset ({@code 2010-01-01T00:00:00Z}); a {@code +} read as a space is put back. */
    static Instant time(String field, String text) {
        try {
            return OffsetDateTime.parse(text.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be a W3C date and time with its offset, e.g."
                    + " 2026-02-13T08:00:00+08:00 or 2026-02-13T00:00:00Z");
        }
    }

    // -- reference data

    /** 404 for a jurisdiction_id that is not a street; nothing to check when none is given. */
    private Uni<Void> jurisdiction(String jurisdictionId) {
        if (jurisdictionId == null) {
            return Uni.createFrom().voidItem();
        }
        return open311.streetExists(jurisdictionId).invoke(exists -> {
            if (!exists) {
                throw ProblemException.notFound("jurisdiction_id " + jurisdictionId);
            }
        }).replaceWithVoid();
    }

    /** The items the public may file: active, and not confidential (reports about officials have their own way in). */
    private Uni<List<TaxonomyItem>> offered(List<Category> categories) {
        List<String> order = categories.stream().sorted(Comparator.comparingInt(category -> category.sort))
                .map(category -> category.code).toList();
        return taxonomy.items().map(items -> items.stream().filter(Open311Service::isOffered)
                .sorted(Comparator.<TaxonomyItem> comparingInt(item -> order.indexOf(item.categoryCode))
                        .thenComparingInt(item -> item.sort))
                .toList());
    }

    private Uni<TaxonomyItem> offeredItem(String serviceCode) {
        return taxonomy.item(serviceCode).map(item -> Optional.ofNullable(item).filter(Open311Service::isOffered)
                .orElseThrow(() -> ProblemException.notFound("service_code " + serviceCode)));
    }

    private static boolean isOffered(TaxonomyItem item) {
        return item.active && !item.confidential;
    }

    /** A request filed: its id (the tracking number) and the answer. */
    public record Filed(String serviceRequestId, Open311Document answer) {
    }

    /** The parameters of {@code GET requests}, as sent (null when not). */
    public record RequestsParameters(String jurisdictionId, String serviceRequestId, String serviceCode,
            String startDate, String endDate, String status) {
    }
}
