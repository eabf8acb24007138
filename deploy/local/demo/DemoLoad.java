import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The loader of {@code ./lookout demo} (deploy/local/demo.sh, docs/demo.md): a single-file Java program (no build,
 * JDK 21+) that plays the seed's typical cases and a month of reports through the gateway's public API only, with the
 * realm's demo users' real tokens, then prints the month's statistics of community DCY and checks that they add up.
 *
 * <pre>
 * java DemoLoad.java &lt;gateway-url&gt; &lt;realm-url&gt; [again]
 * </pre>
 *
 * Safe to run twice: a run that finds this month's demo already loaded (the grouped gas-alarm action carries the marker
 * {@code [demo yyyy-MM]}) only prints and checks the statistics; {@code again} loads another set. Exit 0 when every
 * step answered as expected and every check held; 1 with the step, the request and the HTTP answer otherwise.
 */
public class DemoLoad {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String COMMUNITY = "DCY";
    /** The seed's table: items received per category in the month (21 + 25 + 62 + 3 = 111). */
    static final Map<String, Integer> SEED_TABLE = ordered("LIFE", 21, "SERVICE", 25, "PUBLIC", 62, "ENFORCEMENT", 3);
    /** Of those 111: the seed's "108 resolved, one pending"; the two it does not account for are rejected here. */
    static final int SEED_RESOLVED = 108;
    static final int SEED_PENDING = 1;
    static final int REJECTED = 2;
    /** Items a generated report may have: none that escalates at once or is about an official. */
    static final Map<String, List<String>> ITEMS = Map.of(
            "LIFE", List.of("corridor-lighting", "water", "heating-gas", "sanitation", "noise", "neighbour-dispute",
                    "property-management"),
            "SERVICE", List.of("subsistence-allowance", "medical-insurance", "family-planning-subsidy", "elderly-care",
                    "employment-social-security", "convenience-services"),
            "PUBLIC", List.of("roads-facilities", "greening-cityscape", "markets", "public-safety", "parking-traffic"),
            "ENFORCEMENT", List.of("illegal-construction", "unlicensed-business"));
    static final Duration ASYNC_BOUND = Duration.ofSeconds(Long.getLong("demo.async-seconds", 120));
    static final Duration RETRY_BOUND = Duration.ofSeconds(90);
    static final long PACE_MILLIS = Long.getLong("demo.pace-millis", 250);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    final String gateway;
    final String realm;
    final boolean again;
    final LocalDate today = LocalDate.now(ZONE);
    final String month = today.format(DateTimeFormatter.ofPattern("yyyy-MM"));
    final String marker = "[demo " + month + "]";
    final long started = System.nanoTime();
    final Token resident;
    final Token lookout;
    final Token staff;
    final Token head;
    final Token supervisor;
    final Token inspector;
    /** Every report this run filed that counts in the community's figures: id → the end state it was brought to. */
    final Map<String, String> counted = new LinkedHashMap<>();
    final Map<String, Integer> countedPerCategory = new LinkedHashMap<>();
    final List<String> cases = new ArrayList<>();

    DemoLoad(String gateway, String realm, boolean again) {
        this.gateway = gateway.replaceAll("/+$", "");
        this.realm = realm.replaceAll("/+$", "");
        this.again = again;
        resident = Token.user(this.realm, "resident1");
        lookout = Token.user(this.realm, "lookout1");
        staff = Token.user(this.realm, "staff1");
        head = Token.user(this.realm, "head1");
        supervisor = Token.user(this.realm, "supervisor1");
        inspector = Token.user(this.realm, "inspector1");
        SEED_TABLE.keySet().forEach(category -> countedPerCategory.put(category, 0));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java DemoLoad.java <gateway-url> <realm-url> [again]");
            System.exit(2);
        }
        try {
            new DemoLoad(args[0], args[1], args.length > 2 && args[2].equals("again")).run();
        } catch (DemoFailure failure) {
            System.err.println();
            System.err.println("demo FAILED: " + failure.getMessage());
            System.exit(1);
        }
    }

    void run() throws InterruptedException {
        say("demo month %s of community %s, through %s", month, COMMUNITY, gateway);
        Answer actions = expect("look for an earlier demo", "GET", "/api/complaints/actions?community=" + COMMUNITY,
                staff, null, 200);
        if (actions.body().contains(marker) && !again) {
            say("this month's demo is loaded already (an action titled '… %s'): statistics only."
                    + " './lookout demo again' adds another set.", marker);
            printAndCheckStatistics(null);
            return;
        }
        Statistics before = statistics();
        say("before: %d reports received in %s so far (community %s)", before.total(), month, COMMUNITY);

        corridorLight();
        neighbourDispute();
        waterLeakNobodyHome();
        subsistenceAllowanceTipOff();
        explosives();
        gasAlarms();
        String official = registerOfficial();
        officialConductReported(official);
        integrityOpinion(official);
        preAppointmentNotice(official);
        monthOfReports();
        readBack();
        printAndCheckStatistics(before);
        say("done in %d s", elapsedSeconds());
    }

    // ------------------------------------------------------------------ the seed's typical cases

    void corridorLight() throws InterruptedException {
        String step = "case 1/9 corridor light fixed the same day";
        Report report = file(step, resident, "corridor-lighting", "APP", "楼道灯坏了", "3号楼2单元4楼楼道灯不亮三天了，晚上老人上下楼看不见",
                "3号楼", "3-2");
        move(step, staff, report, "accept", json("note", "当天受理"));
        move(step, staff, report, "assign", json("unit", "VOLUNTEER", "note", "楼栋志愿者换灯泡"));
        respond(step, staff, report, "ON_SITE_VISIT", "志愿者到场查看");
        resolve(step, staff, report, "志愿者当天更换了灯泡，楼道灯已亮");
        rate(step, resident, report, true, "当天就修好了，谢谢");
        counted(report, "CLOSED");
        done(step, report);
    }

    void neighbourDispute() throws InterruptedException {
        String step = "case 2/9 neighbour dispute to the mediation committee";
        Report report = file(step, lookout, "neighbour-dispute", "LOOKOUT", "邻里纠纷",
                "5号楼两户因楼道堆放杂物多次争吵", "5号楼", "5-1");
        move(step, staff, report, "accept", json("note", "纠纷，转人民调解"));
        move(step, staff, report, "assign", json("unit", "MEDIATION_COMMITTEE", "note", "社区人民调解委员会"));
        respond(step, staff, report, "ON_SITE_VISIT", "调解员到场");
        resolve(step, staff, report, "人民调解委员会调解，双方签订调解协议，杂物已清理");
        rate(step, lookout, report, true, null);
        counted(report, "CLOSED");
        done(step, report);
    }

    void waterLeakNobodyHome() throws InterruptedException {
        String step = "case 3/9 water leak, nobody home, the police station helps";
        Report report = file(step, resident, "water", "APP", "楼上漏水",
                "楼上漏水到我家天花板，楼上住户长期不在家，联系不上", "7号楼", "7-3");
        move(step, staff, report, "accept", null);
        move(step, staff, report, "assign", json("unit", "STAFF", "staffMember", "staff1", "note", null));
        respond(step, staff, report, "ON_SITE_VISIT", "到场确认漏水，楼上无人应门");
        awaitClocks(step, report);
        Answer opened = expect(step + ": escalate to the police station", "POST", "/api/escalations", staff,
                json("reportId", report.id(), "agencies", List.of("police-dcy"), "lead", "police-dcy",
                        "reason", "楼上住户不在家，请派出所协助联系并见证入户关阀", "dueInWorkingDays", 1),
                201, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        String escalation = string(Json.parse(opened.body()), "id");
        awaitStatus(step, report, Set.of("ESCALATED"));
        agencyWorks(step, escalation, "police-dcy", "HANDLED", "民警联系到业主，见证物业入户关闭阀门，漏点已修复");
        awaitStatus(step, report, Set.of("RESOLVED"));
        rate(step, resident, report, true, "派出所和社区配合得很好");
        counted(report, "CLOSED");
        done(step, report);
    }

    void subsistenceAllowanceTipOff() throws InterruptedException {
        String step = "case 4/9 the 低保 tip-off";
        Report report = file(step, lookout, "subsistence-allowance", "LOOKOUT", "低保户生活明显超标",
                "某低保户近期购置新车并经常外出旅游，与低保条件不符", "9号楼", "9-1");
        move(step, staff, report, "accept", json("note", "线索核实"));
        move(step, staff, report, "assign", json("unit", "STAFF", "staffMember", "staff1", "note", null));
        respond(step, staff, report, "ON_SITE_VISIT", "入户核查");
        awaitClocks(step, report);
        expect(step + ": a copy to civil affairs", "POST", "/api/escalations/inform", staff,
                json("reportId", report.id(), "agency", "civil-affairs", "reason", "入户核查属实，报民政部门取消低保"),
                201, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        resolve(step, staff, report, "入户核查属实，经民政部门审核取消其低保待遇");
        rate(step, lookout, report, true, null);
        counted(report, "CLOSED");
        done(step, report);
    }

    void explosives() throws InterruptedException {
        String step = "case 5/9 explosives, joint enforcement";
        Report report = file(step, resident, "hazardous-materials", "APP", "出租屋存放易燃易爆物品",
                "11号楼一层出租屋内堆放大量烟花爆竹和不明化学品", "11号楼", "11-1");
        move(step, staff, report, "accept", json("note", "危险物品，立即上报"));
        Map<String, Object> escalation = awaitEscalation(step, report);
        String id = string(escalation, "id");
        // the other agencies first: the lead's resolution concludes the joint escalation with every part still open
        List<Map<String, Object>> parts = new ArrayList<>();
        list(escalation.get("parts")).forEach(part -> parts.add(map(part)));
        parts.sort((a, b) -> Boolean.compare(Boolean.TRUE.equals(a.get("lead")), Boolean.TRUE.equals(b.get("lead"))));
        for (Map<String, Object> part : parts) {
            boolean lead = Boolean.TRUE.equals(part.get("lead"));
            agencyWorks(step, id, string(part, "agencyCode"), lead ? "CASE_OPENED" : "PENALISED",
                    lead ? "公安机关立案调查，危险物品已全部收缴" : "市场监管所联合执法，对非法经营者依法处罚");
        }
        awaitStatus(step, report, Set.of("RESOLVED"));
        rate(step, resident, report, true, null);
        counted(report, "CLOSED");
        done(step, report);
    }

    void gasAlarms() throws InterruptedException {
        String step = "case 6/9 gas alarms for 30 empty-nest households, one action";
        List<Report> reports = new ArrayList<>();
        for (String building : List.of("12号楼", "14号楼", "16号楼")) {
            reports.add(file(step, lookout, "heating-gas", "LOOKOUT", "空巢老人家中燃气有隐患",
                    building + "有10户空巢老人，燃气灶老化且未装报警器", building, null));
        }
        Answer created = expect(step + ": create the action", "POST", "/api/complaints/actions", staff,
                json("title", "为30户空巢老人安装燃气报警器 " + marker, "itemCode", "heating-gas", "reportIds",
                        reports.stream().map(Report::id).toList()),
                201, Map.of());
        String action = string(Json.parse(created.body()), "id");
        String path = "/api/complaints/actions/" + action + "/";
        expect(step + ": accept all", "POST", path + "accept", staff, json("note", "集中办理"), 200, Map.of());
        expect(step + ": assign all", "POST", path + "assign", staff,
                json("unit", "PROPERTY_COMPANY", "note", "物业与燃气公司上门安装"), 200, Map.of());
        expect(step + ": respond for all", "POST", path + "respond", staff,
                json("kind", "ON_SITE_VISIT", "respondedAt", Instant.now().toString(), "note", "逐户上门"), 200, Map.of());
        expect(step + ": resolve all", "POST", path + "resolve", staff,
                json("result", "为30户空巢老人免费安装燃气报警器并检查燃气灶"), 200, Map.of());
        for (Report report : reports) {
            rate(step, lookout, report, true, null);
            counted(report, "CLOSED");
        }
        cases.add(String.format("%-60s action %s, %d reports CLOSED", step, action, reports.size()));
        say("%s: action of %d reports, each CLOSED", step, reports.size());
    }

    String registerOfficial() throws InterruptedException {
        String step = "case 7/9 an official who lives in the community";
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", "李明 (demo)");
        form.put("employer", "区住房和城乡建设委员会");
        form.put("post", "副主任");
        form.put("rank", "副处级");
        form.put("communityCode", COMMUNITY);
        form.put("building", "6号楼");
        form.put("registeredOn", today.toString());
        Answer registered = send(step + ": register", "POST", "/api/cadres", inspector, Json.write(form), Map.of());
        if (registered.status() == 409) {
            // registered by an earlier run: the same form, found by name
            Answer all = expect(step + ": find the registered official", "GET", "/api/cadres", inspector, null, 200);
            for (Object official : items(Json.parse(all.body()))) {
                if (form.get("name").equals(map(official).get("name"))) {
                    say("%s: registered earlier, %s", step, string(official, "id"));
                    return string(official, "id");
                }
            }
            throw new DemoFailure(step + ": 409 registered already, but GET /api/cadres does not list it");
        }
        check(step + ": register", "POST", "/api/cadres", registered, 201);
        String id = string(Json.parse(registered.body()), "id");
        if ("PENDING".equals(map(Json.parse(registered.body())).get("status"))) {
            // staff's registrations wait for an inspector; an inspector's own is active at once
            expect(step + ": confirm", "POST", "/api/cadres/" + id + "/status", inspector,
                    json("status", "ACTIVE", "reason", "登记表核实无误"), 200, Map.of());
        }
        expect(step + ": a positive archive entry", "POST", "/api/cadres/" + id + "/archive", staff,
                json("kind", "POSITIVE", "text", "带头参加社区垃圾分类志愿服务", "occurredOn", today.toString()), 201, Map.of());
        return id;
    }

    void officialConductReported(String official) throws InterruptedException {
        String step = "case 7/9 an official's conduct reported and forwarded";
        Report report = file(step, resident, "cadre-conduct", "APP", "干部作风问题",
                "6号楼住户中的某领导干部长期占用消防通道停车，并辱骂劝阻的物业人员", "6号楼", null);
        Map<String, Object> record = await(step + ": the supervision record from the report", () -> {
            Answer page = expect(step + ": supervision records", "GET", "/api/cadres/supervision?status=RECEIVED",
                    inspector, null, 200, Map.of("X-Access-Reason", "demo: accept new supervision information"));
            for (Object candidate : items(Json.parse(page.body()))) {
                if (report.id().equals(map(candidate).get("reportId"))) {
                    return map(candidate);
                }
            }
            return null;
        });
        String path = "/api/cadres/supervision/" + string(record, "id") + "/";
        expect(step + ": accept", "POST", path + "accept", inspector, "{}", 200, Map.of());
        expect(step + ": link the official", "POST", path + "link", inspector, json("officialId", official), 200, Map.of());
        expect(step + ": findings", "POST", path + "findings", inspector,
                json("findings", "物业与邻居证实反映属实"), 200, Map.of());
        Answer forwarded = expect(step + ": forward", "POST", path + "forward", inspector,
                json("accusedHeadsReceivingBody", false), 200, Map.of());
        cases.add(String.format("%-60s %s supervision record %s", step, report.trackingNumber(),
                opt(forwarded, "status")));
        say("%s: %s → supervision record %s", step, report.trackingNumber(), opt(forwarded, "status"));
    }

    void integrityOpinion(String official) throws InterruptedException {
        String step = "case 8/9 an integrity opinion";
        Answer requested = expect(step + ": request", "POST", "/api/cadres/opinions", inspector,
                json("officialId", official, "purpose", "拟提拔使用，征求社区廉洁意见", "workingDays", 5), 201, Map.of());
        String id = string(Json.parse(requested.body()), "id");
        Answer archive = expect(step + ": the community reads the archive", "GET", "/api/cadres/opinions/" + id + "/archive",
                staff, null, 200, Map.of("X-Access-Reason", "demo: draft the integrity opinion"));
        List<String> cited = new ArrayList<>();
        for (Object entry : items(Json.parse(archive.body()))) {
            if ("POSITIVE".equals(map(entry).get("kind"))) {
                cited.add(string(entry, "id"));
            }
        }
        expect(step + ": draft", "PUT", "/api/cadres/opinions/" + id + "/draft", staff,
                json("text", "该同志在社区积极参加志愿服务，八小时外表现良好；另有一条作风问题反映已按规定转纪检机关处理。",
                        "citedEntryIds", cited),
                200, Map.of());
        Answer issued = expect(step + ": the community head issues it", "POST", "/api/cadres/opinions/" + id + "/issue",
                head, "{}", 200, Map.of());
        cases.add(String.format("%-60s opinion %s", step, opt(issued, "status")));
        say("%s: %s", step, opt(issued, "status"));
    }

    void preAppointmentNotice(String official) throws InterruptedException {
        String step = "case 9/9 a 任前公示 notice with a comment";
        Instant now = Instant.now();
        Answer published = expect(step + ": publish", "POST", "/api/notices", inspector,
                json("officialId", official, "kind", "PRE_APPOINTMENT", "title", "任前公示 " + marker,
                        "body", "李明同志拟任区住房和城乡建设委员会主任，现予公示，公示期五天。",
                        "windowStart", now.minusSeconds(60).toString(),
                        "windowEnd", now.plus(5, ChronoUnit.DAYS).toString()),
                201, Map.of());
        String id = string(Json.parse(published.body()), "id");
        Answer comment = expect(step + ": a resident comments", "POST", "/api/notices/" + id + "/comments", resident,
                json("text", "该同志在社区表现不错，但曾有占用消防通道的问题，请核实。", "anonymous", false), 201, Map.of());
        cases.add(String.format("%-60s notice %s, comment tracked as %s", step, id,
                opt(comment, "trackingCode")));
        say("%s: notice %s, comment %s", step, id, opt(comment, "trackingCode"));
    }

    // ------------------------------------------------------------------ the month of reports

    /**
     * Fills each category up to the seed's table with reports moved to a mix of end states: all but three resolved
     * (most rated satisfied by the reporter or at a follow-up, some awaiting their rating, a few reopened first),
     * one pending (assigned, not yet on site) and two rejected (a duplicate, one out of scope).
     */
    void monthOfReports() throws InterruptedException {
        List<String[]> plan = new ArrayList<>();
        for (var category : SEED_TABLE.entrySet()) {
            int missing = category.getValue() - countedPerCategory.get(category.getKey());
            List<String> items = ITEMS.get(category.getKey());
            for (int i = 0; i < missing; i++) {
                plan.add(new String[] { category.getKey(), items.get(i % items.size()) });
            }
        }
        int resolvedSoFar = (int) counted.values().stream().filter(s -> s.equals("CLOSED") || s.equals("RESOLVED")).count();
        int toResolve = SEED_RESOLVED - resolvedSoFar;
        if (plan.size() != toResolve + SEED_PENDING + REJECTED) {
            throw new DemoFailure("month plan: " + plan.size() + " reports cannot end as " + toResolve + " resolved, "
                    + SEED_PENDING + " pending, " + REJECTED + " rejected");
        }
        say("month: %d more reports so that the month follows the seed's table %s", plan.size(), SEED_TABLE);
        Report firstRoads = null;
        int pendingLeft = SEED_PENDING;
        boolean duplicateDone = false;
        boolean outOfScopeDone = false;
        for (int n = 0; n < plan.size(); n++) {
            if (n > 0 && n % 10 == 0) {
                say("month: %d of %d reports (%d s)", n, plan.size(), elapsedSeconds());
            }
            String item = plan.get(n)[1];
            String step = String.format("month report %d/%d (%s)", n + 1, plan.size(), item);
            Token handler = n % 2 == 0 ? staff : head;
            // who filed it: a resident in the app or on the web, a lookout, or staff at the desk, on the phone, by letter
            Token filer;
            String channel;
            switch (n % 6) {
                case 0 -> { filer = resident; channel = "APP"; }
                case 1 -> { filer = lookout; channel = "LOOKOUT"; }
                case 2 -> { filer = staff; channel = "PHONE"; }
                case 3 -> { filer = resident; channel = "WEB"; }
                case 4 -> { filer = head; channel = "VISIT"; }
                default -> { filer = staff; channel = "LETTER"; }
            }
            String building = (n % 20 + 1) + "号楼";
            Report report = file(step, filer, item, channel, "月度反映 " + item, "演示月份的第" + (n + 1) + "件反映", building, null);
            if (item.equals("roads-facilities") && firstRoads == null) {
                firstRoads = report;
            } else if (item.equals("roads-facilities") && !duplicateDone) {
                move(step, handler, report, "reject", json("reason", "DUPLICATE", "duplicateOf", firstRoads.id(),
                        "note", "与同一路段的反映重复"));
                duplicateDone = true;
                counted(report, "REJECTED");
                continue;
            }
            if (item.equals("medical-insurance") && !outOfScopeDone) {
                move(step, handler, report, "reject", json("reason", "OUT_OF_SCOPE", "note", "属社保经办机构职责，已告知办理渠道"));
                outOfScopeDone = true;
                counted(report, "REJECTED");
                continue;
            }
            move(step, handler, report, "accept", null);
            move(step, handler, report, "assign", json("unit", n % 3 == 0 ? "PROPERTY_COMPANY" : "STAFF",
                    "staffMember", n % 3 == 0 ? null : (handler == staff ? "staff1" : "head1"), "note", null));
            if (item.equals("parking-traffic") && pendingLeft > 0) {
                pendingLeft--;
                counted(report, "ASSIGNED");
                continue;
            }
            // one in ten settled on the phone (first contact) without an on-site visit: not "on site in time"
            respond(step, handler, report, n % 10 == 5 ? "FIRST_CONTACT" : "ON_SITE_VISIT", null);
            resolve(step, handler, report, "已处理：" + item);
            boolean byReporter = channel.equals("APP") || channel.equals("WEB") || channel.equals("LOOKOUT");
            String member = handler == staff ? "staff1" : "head1";
            if (n % 12 == 7) {
                counted(report, "RESOLVED"); // waiting for its rating
                continue;
            }
            // one in eight is not satisfied the first time: reopened, worked again, resolved, then rated satisfied
            boolean reworked = n % 8 == 3;
            if (reworked) {
                rateOrFollowUp(step, byReporter ? filer : handler, byReporter, report, false, "还没有彻底解决");
                move(step, handler, report, "assign", json("unit", "STAFF", "staffMember", member, "note", "重新处理"));
                respond(step, handler, report, "ON_SITE_VISIT", "再次到场");
                resolve(step, handler, report, "再次处理，已彻底解决");
            }
            rateOrFollowUp(step, byReporter ? filer : handler, byReporter, report, true, null);
            counted(report, "CLOSED");
        }
        if (pendingLeft > 0 || !duplicateDone || !outOfScopeDone) {
            throw new DemoFailure("month plan: no parking-traffic, second roads-facilities or medical-insurance report");
        }
    }

    /** Every report this run counted, read back: its status must be the one it was brought to. */
    void readBack() throws InterruptedException {
        Map<String, Integer> statuses = new TreeMap<>();
        for (var report : counted.entrySet()) {
            Answer answer = expect("read back " + report.getKey(), "GET", "/api/complaints/" + report.getKey(),
                    supervisor, null, 200);
            String status = string(Json.parse(answer.body()), "status");
            if (!status.equals(report.getValue())) {
                throw new DemoFailure("read back: report " + report.getKey() + " is " + status + ", the demo left it "
                        + report.getValue());
            }
            statuses.merge(status, 1, Integer::sum);
        }
        int resolved = statuses.getOrDefault("RESOLVED", 0) + statuses.getOrDefault("CLOSED", 0);
        say("this run's %d reports read back: %s → resolved %d, pending %d, rejected %d", counted.size(), statuses,
                resolved, statuses.getOrDefault("ASSIGNED", 0), statuses.getOrDefault("REJECTED", 0));
        if (resolved != SEED_RESOLVED || statuses.getOrDefault("ASSIGNED", 0) != SEED_PENDING
                || statuses.getOrDefault("REJECTED", 0) != REJECTED || counted.size() != total(SEED_TABLE)) {
            throw new DemoFailure("read back: expected " + total(SEED_TABLE) + " = " + SEED_RESOLVED + " resolved + "
                    + SEED_PENDING + " pending + " + REJECTED + " rejected, found " + statuses);
        }
    }

    // ------------------------------------------------------------------ statistics

    record Group(String key, String label, long count, List<long[]> rates) {
    }

    record Statistics(long total, List<long[]> totalRates, List<Group> groups, Map<String, Object> raw) {
    }

    static final List<String> RATES = List.of("response", "firstContact", "resolution", "satisfaction");

    Statistics statistics(String groupBy) throws InterruptedException {
        String path = "/api/statistics?scope=" + COMMUNITY + "&from=" + today.withDayOfMonth(1) + "&to=" + today
                + "&groupBy=" + groupBy;
        Map<String, Object> body = map(Json.parse(expect("statistics by " + groupBy, "GET", path, staff, null, 200).body()));
        Map<String, Object> total = map(body.get("total"));
        List<Group> groups = new ArrayList<>();
        for (Object group : list(body.get("groups"))) {
            Map<String, Object> g = map(group);
            groups.add(new Group(String.valueOf(g.get("key")), g.get("labelZh") == null ? "" : String.valueOf(g.get("labelZh")),
                    number(g.get("count")), rates(g)));
        }
        return new Statistics(number(total.get("count")), rates(total), groups, body);
    }

    Statistics statistics() throws InterruptedException {
        return statistics("category");
    }

    static List<long[]> rates(Map<String, Object> figures) {
        List<long[]> rates = new ArrayList<>();
        for (String rate : RATES) {
            Map<String, Object> r = map(figures.get(rate));
            rates.add(new long[] { number(r.get("numerator")), number(r.get("denominator")) });
        }
        return rates;
    }

    void printAndCheckStatistics(Statistics before) throws InterruptedException {
        Statistics byCategory = statistics("category");
        Statistics byStatus = statistics("status");
        List<String> failures = new ArrayList<>();
        System.out.println();
        System.out.printf("Statistics of community %s, %s-01 to %s (GET /api/statistics as staff1)%n", COMMUNITY, month, today);
        Map<String, Long> was = new LinkedHashMap<>();
        if (before != null) {
            before.groups().forEach(group -> was.put(group.key(), group.count()));
        }
        System.out.printf("  %-12s %-10s %6s %8s %6s %14s %14s %14s%n", "category", "", "count", "this run", "seed",
                "response", "resolution", "satisfaction");
        long sum = 0;
        long[][] rateSums = new long[RATES.size()][2];
        for (Group group : byCategory.groups()) {
            sum += group.count();
            for (int i = 0; i < RATES.size(); i++) {
                rateSums[i][0] += group.rates().get(i)[0];
                rateSums[i][1] += group.rates().get(i)[1];
            }
            System.out.printf("  %-12s %-10s %6d %8s %6s %14s %14s %14s%n", group.key(), group.label(), group.count(),
                    before == null ? "-" : String.valueOf(group.count() - was.getOrDefault(group.key(), 0L)),
                    SEED_TABLE.getOrDefault(group.key(), 0), rate(group.rates().get(0)), rate(group.rates().get(2)),
                    rate(group.rates().get(3)));
        }
        System.out.printf("  %-12s %-10s %6d %8s %6d %14s %14s %14s%n", "total", "", byCategory.total(),
                before == null ? "-" : String.valueOf(byCategory.total() - before.total()), total(SEED_TABLE),
                rate(byCategory.totalRates().get(0)), rate(byCategory.totalRates().get(2)),
                rate(byCategory.totalRates().get(3)));
        if (sum != byCategory.total()) {
            failures.add("the categories' counts add up to " + sum + ", the total is " + byCategory.total());
        }
        for (int i = 0; i < RATES.size(); i++) {
            long[] total = byCategory.totalRates().get(i);
            if (rateSums[i][0] != total[0] || rateSums[i][1] != total[1]) {
                failures.add(RATES.get(i) + ": the categories add up to " + rateSums[i][0] + "/" + rateSums[i][1]
                        + ", the total is " + total[0] + "/" + total[1]);
            }
        }
        Map<String, Long> statuses = new TreeMap<>();
        byStatus.groups().forEach(group -> statuses.put(group.key(), group.count()));
        long statusSum = statuses.values().stream().mapToLong(Long::longValue).sum();
        long resolved = statuses.getOrDefault("RESOLVED", 0L) + statuses.getOrDefault("CLOSED", 0L);
        long rejected = statuses.getOrDefault("REJECTED", 0L);
        long unresolvable = statuses.getOrDefault("CLOSED_UNRESOLVABLE", 0L);
        long pending = statusSum - resolved - rejected - unresolvable;
        System.out.printf("  by status: %s%n", statuses);
        System.out.printf("  received %d = resolved %d (RESOLVED %d + CLOSED %d) + pending %d + closed not resolvable %d"
                + " + rejected %d%n", byStatus.total(), resolved, statuses.getOrDefault("RESOLVED", 0L),
                statuses.getOrDefault("CLOSED", 0L), pending, unresolvable, rejected);
        if (statusSum != byStatus.total() || byStatus.total() != byCategory.total()) {
            failures.add("the statuses add up to " + statusSum + ", the total is " + byStatus.total()
                    + " (by category " + byCategory.total() + ")");
        }
        System.out.printf("  the seed's tally: %s = %d received against \"%d resolved, %d pending\" = %d;"
                + " ours puts the %d it leaves out under rejected%n", SEED_TABLE.values(), total(SEED_TABLE),
                SEED_RESOLVED, SEED_PENDING, SEED_RESOLVED + SEED_PENDING, REJECTED);
        if (before != null) {
            for (Group group : byCategory.groups()) {
                long added = group.count() - was.getOrDefault(group.key(), 0L);
                if (added != SEED_TABLE.getOrDefault(group.key(), 0)) {
                    failures.add(group.key() + ": this run added " + added + " reports, the seed's table has "
                            + SEED_TABLE.getOrDefault(group.key(), 0)
                            + " (did someone else file reports in " + COMMUNITY + " meanwhile?)");
                }
            }
            if (before.total() > 0) {
                System.out.printf("  (%d of the month's reports were there before this run)%n", before.total());
            }
        }
        System.out.println();
        cases.forEach(line -> System.out.println("  " + line));
        if (!failures.isEmpty()) {
            throw new DemoFailure("the statistics do not add up: " + String.join("; ", failures));
        }
        say("the statistics add up: categories = total, statuses = received");
    }

    static String rate(long[] rate) {
        return rate[1] == 0 ? "-" : String.format("%d/%d %5.1f%%", rate[0], rate[1], 100.0 * rate[0] / rate[1]);
    }

    static int total(Map<String, Integer> table) {
        return table.values().stream().mapToInt(Integer::intValue).sum();
    }

    // ------------------------------------------------------------------ reports and their moves

    record Report(String id, String trackingNumber, String itemCode, String category) {
    }

    Report file(String step, Token filer, String item, String channel, String title, String description, String address,
            String building) throws InterruptedException {
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("address", "东朝阳路南社区" + address);
        location.put("building", building);
        Answer answer = expect(step + ": file", "POST", "/api/complaints", filer,
                json("itemCode", item, "title", title, "description", description, "communityCode", COMMUNITY,
                        "location", location, "channel", channel, "anonymous", false),
                201, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        Object body = Json.parse(answer.body());
        String category = ITEMS.entrySet().stream().filter(e -> e.getValue().contains(item)).map(Map.Entry::getKey)
                .findFirst().orElse(item.equals("hazardous-materials") ? "ENFORCEMENT" : null);
        return new Report(string(body, "id"), string(body, "trackingNumber"), item, category);
    }

    void move(String step, Token who, Report report, String action, String body) throws InterruptedException {
        expect(step + ": " + action, "POST", "/api/complaints/" + report.id() + "/" + action, who,
                body == null ? "{}" : body, 200, Map.of());
    }

    void respond(String step, Token who, Report report, String kind, String note) throws InterruptedException {
        move(step, who, report, "respond", json("kind", kind, "respondedAt", Instant.now().toString(), "note", note));
    }

    void resolve(String step, Token who, Report report, String result) throws InterruptedException {
        move(step, who, report, "resolve", json("result", result));
    }

    void rate(String step, Token filer, Report report, boolean satisfied, String comment) throws InterruptedException {
        move(step, filer, report, "feedback", json("satisfied", satisfied, "comment", comment));
    }

    /** The reporter's own rating, or (a report staff recorded) the rating staff take at a follow-up call (回访). */
    void rateOrFollowUp(String step, Token who, boolean byReporter, Report report, boolean satisfied, String comment)
            throws InterruptedException {
        if (byReporter) {
            rate(step, who, report, satisfied, comment);
        } else {
            expect(step + ": follow-up", "POST", "/api/complaints/" + report.id() + "/follow-up", who,
                    json("reachedBy", "PHONE", "satisfied", satisfied, "comment", comment,
                            "reachedAt", Instant.now().toString()),
                    201, Map.of());
        }
    }

    void counted(Report report, String endState) {
        if (!counted.containsKey(report.id())) {
            countedPerCategory.merge(report.category(), 1, Integer::sum);
        }
        counted.put(report.id(), endState);
    }

    void done(String step, Report report) {
        cases.add(String.format("%-60s %s %s", step, report.trackingNumber(), counted.get(report.id())));
        say("%s: %s %s", step, report.trackingNumber(), counted.get(report.id()));
    }

    void awaitStatus(String step, Report report, Set<String> wanted) throws InterruptedException {
        await(step + ": " + report.trackingNumber() + " to become " + wanted, () -> {
            Answer answer = expect(step + ": read " + report.trackingNumber(), "GET", "/api/complaints/" + report.id(),
                    staff, null, 200);
            return wanted.contains(string(Json.parse(answer.body()), "status")) ? Boolean.TRUE : null;
        });
    }

    /** escalation-service knows a report (its clocks run) once it has read the report's events from Kafka. */
    void awaitClocks(String step, Report report) throws InterruptedException {
        await(step + ": escalation-service to know " + report.trackingNumber(), () -> {
            Answer answer = send(step + ": clocks", "GET", "/api/escalations/reports/" + report.id() + "/clocks", staff,
                    null, Map.of());
            return answer.status() == 200 && !items(Json.parse(answer.body())).isEmpty() ? Boolean.TRUE : null;
        });
    }

    Map<String, Object> awaitEscalation(String step, Report report) throws InterruptedException {
        return await(step + ": the escalation of " + report.trackingNumber(), () -> {
            Answer answer = expect(step + ": escalations", "GET", "/api/escalations?reportId=" + report.id(), staff,
                    null, 200);
            for (Object escalation : items(Json.parse(answer.body()))) {
                if (!list(map(escalation).get("parts")).isEmpty()) {
                    return map(escalation);
                }
            }
            return null;
        });
    }

    /** The agency's own client (client credentials, as the directory names it) acknowledges and resolves its part. */
    void agencyWorks(String step, String escalation, String agency, String outcome, String actionsTaken)
            throws InterruptedException {
        Answer entry = expect(step + ": agency " + agency, "GET", "/api/agencies/" + agency, staff, null, 200);
        Object client = map(Json.parse(entry.body())).get("oidcClientId");
        if (client == null) {
            throw new DemoFailure(step + ": agency " + agency + " has no client of its own in the directory");
        }
        Token token = Token.client(realm, String.valueOf(client));
        String path = "/api/escalations/" + escalation + "/";
        expect(step + ": " + agency + " acknowledges", "POST", path + "acknowledge", token, "{}", 200, Map.of());
        expect(step + ": " + agency + " resolves", "POST", path + "resolve", token,
                json("outcome", outcome, "actionsTaken", actionsTaken), 200, Map.of());
    }

    interface Poll<T> {
        T attempt() throws InterruptedException;
    }

    <T> T await(String what, Poll<T> poll) throws InterruptedException {
        Instant deadline = Instant.now().plus(ASYNC_BOUND);
        while (true) {
            T found = poll.attempt();
            if (found != null) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new DemoFailure(what + ": not within " + ASYNC_BOUND.toSeconds()
                        + " s (is the Kafka broker up? ./lookout status)");
            }
            Thread.sleep(1_000);
        }
    }

    // ------------------------------------------------------------------ HTTP

    record Answer(int status, String body) {
    }

    static final class DemoFailure extends RuntimeException {
        DemoFailure(String message) {
            super(message);
        }
    }

    Answer expect(String step, String method, String path, Token token, String body, int wanted)
            throws InterruptedException {
        return expect(step, method, path, token, body, wanted, Map.of());
    }

    Answer expect(String step, String method, String path, Token token, String body, int wanted,
            Map<String, String> headers) throws InterruptedException {
        return check(step, method, path, send(step, method, path, token, body, headers), wanted);
    }

    static Answer check(String step, String method, String path, Answer answer, int wanted) {
        if (answer.status() != wanted) {
            String shown = answer.body().length() > 800 ? answer.body().substring(0, 800) + "…" : answer.body();
            throw new DemoFailure(step + ": " + method + " " + path + " answered "
                    + (answer.status() < 0 ? "nothing (connection refused or timed out)" : "HTTP " + answer.status())
                    + " (expected " + wanted + ")" + (shown.isBlank() ? "" : ": " + shown));
        }
        return answer;
    }

    /**
     * One request; waited out and sent again only when it was certainly not carried out: 429 (after Retry-After), a
     * gateway 502/503/504 problem, a refused connection, a 409 concurrent-change. The same Idempotency-Key goes with
     * every attempt.
     */
    Answer send(String step, String method, String path, Token token, String body, Map<String, String> headers)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(RETRY_BOUND);
        boolean renewed = false;
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json, application/problem+json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token.get(step));
                token.pace();
            }
            headers.forEach(request::header);
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            Answer answer;
            long retryAfter = 1_000;
            try {
                HttpResponse<String> response = HTTP.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                answer = new Answer(response.statusCode(), response.body());
                retryAfter = response.headers().firstValue("Retry-After").map(s -> {
                    try {
                        return Math.min(30_000L, Long.parseLong(s.trim()) * 1_000);
                    } catch (NumberFormatException e) {
                        return 2_000L;
                    }
                }).orElse(1_000L);
            } catch (HttpTimeoutException e) {
                return new Answer(-2, "");
            } catch (IOException e) {
                answer = new Answer(-1, "");
            }
            if (answer.status() == 401 && token != null && !renewed) {
                token.expire();
                renewed = true;
                continue;
            }
            // a concurrent change: a consumer (e.g. escalation-service's due times) wrote the report meanwhile
            boolean notCarriedOut = answer.status() == 429 || answer.status() == -1
                    || answer.status() == 502 || answer.status() == 503 || answer.status() == 504
                    || answer.status() == 409 && answer.body().contains("urn:lookout:problem:concurrent-change");
            if (!notCarriedOut || Instant.now().isAfter(deadline)) {
                return answer;
            }
            if (answer.status() == 429) {
                System.out.printf("    (%s: rate-limited, waiting %d s)%n", step, retryAfter / 1_000);
            }
            Thread.sleep(Math.max(retryAfter, 500));
        }
    }

    /** An access token of a demo user (password grant, client lookout-app) or of an agency's own client. */
    static final class Token {
        final String realm;
        final String form;
        final String who;
        String value;
        long renewAt;
        long nextCall;

        private Token(String realm, String who, String form) {
            this.realm = realm;
            this.who = who;
            this.form = form;
        }

        static Token user(String realm, String user) {
            return new Token(realm, user, "grant_type=password&client_id=lookout-app&scope=openid&username=" + enc(user)
                    + "&password=" + enc(System.getenv().getOrDefault("LOOKOUT_PASSWORD", "demo")));
        }

        static Token client(String realm, String client) {
            return new Token(realm, client, "grant_type=client_credentials&client_id=" + enc(client)
                    + "&client_secret=" + enc(System.getenv().getOrDefault("LOOKOUT_CLIENT_SECRET", client + "-secret")));
        }

        String get(String step) throws InterruptedException {
            if (value == null || System.currentTimeMillis() >= renewAt) {
                String url = realm + "/protocol/openid-connect/token";
                try {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new DemoFailure(step + ": no token for " + who + ": POST " + url + " answered HTTP "
                                + response.statusCode() + ": " + response.body());
                    }
                    Map<String, Object> token = map(Json.parse(response.body()));
                    value = String.valueOf(token.get("access_token"));
                    renewAt = System.currentTimeMillis() + number(token.get("expires_in")) * 500;
                } catch (IOException e) {
                    throw new DemoFailure(step + ": no token for " + who + ": Keycloak does not answer at " + url
                            + " (" + e + ")");
                }
            }
            return value;
        }

        void expire() {
            renewAt = 0;
        }

        /**
         * At most one request per PACE_MILLIS per user: below the gateway's refill rate (300 a minute per subject), so
         * the demo never empties a demo user's bucket and whoever uses that user next is not refused with 429.
         */
        void pace() throws InterruptedException {
            long now = System.currentTimeMillis();
            if (nextCall > now) {
                Thread.sleep(nextCall - now);
            }
            nextCall = Math.max(now, nextCall) + PACE_MILLIS;
        }

        static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------ JSON (just enough for these answers)

    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw new DemoFailure("not JSON at " + json.at + ": " + text);
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw new DemoFailure("JSON ends early: " + text);
            }
            char c = text.charAt(at);
            switch (c) {
                case '{' -> {
                    Map<String, Object> object = new LinkedHashMap<>();
                    at++;
                    space();
                    if (text.charAt(at) == '}') {
                        at++;
                        return object;
                    }
                    while (true) {
                        space();
                        String key = string();
                        space();
                        at++; // ':'
                        object.put(key, value());
                        space();
                        if (text.charAt(at++) == '}') {
                            return object;
                        }
                    }
                }
                case '[' -> {
                    List<Object> array = new ArrayList<>();
                    at++;
                    space();
                    if (text.charAt(at) == ']') {
                        at++;
                        return array;
                    }
                    while (true) {
                        array.add(value());
                        space();
                        if (text.charAt(at++) == ']') {
                            return array;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    int start = at;
                    while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
                        at++;
                    }
                    String literal = text.substring(start, at);
                    return switch (literal) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> new BigDecimal(literal);
                    };
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++; // opening quote
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        static String write(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof String s) {
                StringBuilder out = new StringBuilder("\"");
                for (char c : s.toCharArray()) {
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        default -> {
                            if (c < 0x20) {
                                out.append(String.format("\\u%04x", (int) c));
                            } else {
                                out.append(c);
                            }
                        }
                    }
                }
                return out.append('"').toString();
            }
            if (value instanceof Map<?, ?> m) {
                List<String> fields = new ArrayList<>();
                m.forEach((k, v) -> fields.add(write(String.valueOf(k)) + ":" + write(v)));
                return "{" + String.join(",", fields) + "}";
            }
            if (value instanceof List<?> l) {
                return "[" + String.join(",", l.stream().map(Json::write).toList()) + "]";
            }
            return String.valueOf(value); // numbers, booleans
        }
    }

    /** A JSON object from name, value pairs (a null value is written as null). */
    static String json(Object... pairs) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            object.put((String) pairs[i], pairs[i + 1]);
        }
        return Json.write(object);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object json) {
        if (!(json instanceof Map)) {
            throw new DemoFailure("expected a JSON object, got " + json);
        }
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object json) {
        return json instanceof List ? (List<Object>) json : List.of();
    }

    /** The elements of an answer that is a list, or a page holding one under {@code items}, {@code content} or {@code data}. */
    static List<Object> items(Object json) {
        if (json instanceof List) {
            return list(json);
        }
        Map<String, Object> page = map(json);
        for (String key : List.of("items", "content", "data", "records", "entries", "results")) {
            if (page.get(key) instanceof List) {
                return list(page.get(key));
            }
        }
        throw new DemoFailure("expected a list or a page of items, got " + json);
    }

    static String string(Object json, String name) {
        Object value = map(json).get(name);
        if (value == null) {
            throw new DemoFailure("the answer has no '" + name + "': " + json);
        }
        return String.valueOf(value);
    }

    /** A field of an answer for the printed summary: "?" when it has none. */
    static String opt(Answer answer, String name) {
        Object parsed = Json.parse(answer.body());
        return parsed instanceof Map<?, ?> m && m.get(name) != null ? String.valueOf(m.get(name)) : "?";
    }

    static long number(Object value) {
        return value == null ? 0 : ((BigDecimal) value).longValue();
    }

    static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    long elapsedSeconds() {
        return (System.nanoTime() - started) / 1_000_000_000L;
    }

    void say(String format, Object... args) {
        System.out.printf("[demo %4ds] %s%n", elapsedSeconds(), String.format(format, args));
    }
}
