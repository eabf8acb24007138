package org.lookout.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.lookout.contracts.AgencyKind;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CommunityChanged;
import org.lookout.contracts.EventType;
import org.lookout.contracts.ItemChanged;
import org.lookout.testsupport.GoldenEvents;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * complaint-service's reference data as it publishes it, put on {@code lookout.complaint.reference.v1} before the
 * application starts (after {@code RealInfrastructure}: a higher {@link #order()}), so that this service builds its copy
 * from events as in production. The values are complaint-service's seed (its migrations V1 and V8: the 23 items with
 * their resolution target, immediate escalation and confidentiality, all active; the six demo communities of street
 * DCYJD), each at revision 1; an item's first agency kind leads (complaint-service's seed names no lead).
 */
public class ReferenceDataFixture implements QuarkusTestResourceLifecycleManager {

    public static final String COMPLAINT_SERVICE = "/lookout/complaint-service";
    public static final Instant SEEDED_AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final AgencyKind PSB = AgencyKind.PUBLIC_SECURITY;
    private static final AgencyKind MARKET = AgencyKind.MARKET_REGULATION;
    private static final AgencyKind DISCIPLINE = AgencyKind.DISCIPLINE_COMMISSION;

    /** Revisions tests publish as edits at the owner: above the seed's 1, growing. */
    private static final AtomicInteger REVISIONS = new AtomicInteger(1);

    /** code, category, name (zh), name (en), resolution working days, agency kinds at once (none: not at once). */
    private record Item(String code, String category, String nameZh, String nameEn, int days, List<AgencyKind> kinds,
            boolean joint, boolean confidential) {
    }

    public static final String STREET = "DCYJD";
    private static final List<CommunityChanged> COMMUNITIES = List.of(
            community("DCY", "东朝阳路南社区", "Dongchaoyang Road South"),
            community("DCN", "东朝阳路北社区", "Dongchaoyang Road North"),
            community("XHY", "杏花苑社区", "Xinghuayuan"),
            community("JXY", "锦绣园社区", "Jinxiuyuan"),
            community("HPL", "和平里社区", "Hepingli"),
            community("QNJ", "青年街社区", "Qingnian Street"));

    private static final List<Item> ITEMS = List.of(
            item("corridor-lighting", "LIFE", "楼道照明", "Corridor lighting", 3),
            item("water", "LIFE", "供水漏水", "Water supply and leaks", 2),
            item("heating-gas", "LIFE", "供暖燃气", "Heating and gas", 2),
            item("sanitation", "LIFE", "环境卫生", "Sanitation", 3),
            item("noise", "LIFE", "噪音扰民", "Noise", 5),
            item("neighbour-dispute", "LIFE", "邻里纠纷", "Neighbour dispute", 10),
            item("property-management", "LIFE", "物业管理", "Property management", 10),
            item("subsistence-allowance", "SERVICE", "低保救助", "Subsistence allowance", 15),
            item("medical-insurance", "SERVICE", "医疗保险", "Medical insurance", 15),
            item("family-planning-subsidy", "SERVICE", "独生子女费", "Only-child subsidy", 15),
            item("elderly-care", "SERVICE", "养老助老", "Elderly care", 10),
            item("employment-social-security", "SERVICE", "就业社保", "Employment and social security", 15),
            item("convenience-services", "SERVICE", "便民服务", "Convenience services", 5),
            item("roads-facilities", "PUBLIC", "道路设施", "Roads and facilities", 10),
            item("greening-cityscape", "PUBLIC", "绿化市容", "Greening and cityscape", 10),
            item("markets", "PUBLIC", "早晚市集贸", "Morning and evening markets", 5),
            item("public-safety", "PUBLIC", "公共安全隐患", "Public safety hazards", 3),
            item("parking-traffic", "PUBLIC", "停车交通", "Parking and traffic", 5),
            new Item("food-drug-safety", "ENFORCEMENT", "食品药品安全", "Food and drug safety", 5, List.of(MARKET),
                    false, false),
            new Item("hazardous-materials", "ENFORCEMENT", "危险物品", "Hazardous materials", 1, List.of(PSB, MARKET),
                    true, false),
            item("illegal-construction", "ENFORCEMENT", "违章建筑", "Illegal construction", 15),
            item("unlicensed-business", "ENFORCEMENT", "无证经营", "Unlicensed business", 10),
            new Item("cadre-conduct", "ENFORCEMENT", "干部作风", "Conduct of officials", 5, List.of(DISCIPLINE), false,
                    true));

    private static Item item(String code, String category, String nameZh, String nameEn, int days) {
        return new Item(code, category, nameZh, nameEn, days, List.of(), false, false);
    }

    private static CommunityChanged community(String code, String nameZh, String nameEn) {
        return new CommunityChanged(code, STREET, nameZh, nameEn, true, 1, SEEDED_AT);
    }

    @Override
    public Map<String, String> start() {
        ITEMS.forEach(item -> publish(seeded(item.code())));
        COMMUNITIES.forEach(ReferenceDataFixture::publish);
        return Map.of();
    }

    @Override
    public void stop() {
        // the records stay on the topic, as complaint-service's would
    }

    /** After RealInfrastructure, whose broker it writes to. */
    @Override
    public int order() {
        return 10;
    }

    /** How many items the seed holds. */
    public static int items() {
        return ITEMS.size();
    }

    /** The item as complaint-service seeded it (revision 1). */
    public static ItemChanged seeded(String code) {
        Item item = ITEMS.stream().filter(one -> one.code().equals(code)).findFirst().orElseThrow();
        return new ItemChanged(item.code(), item.category(), item.nameZh(), item.nameEn(), item.days(),
                !item.kinds().isEmpty(), item.kinds(), item.joint(), item.kinds().isEmpty() ? null : item.kinds().getFirst(),
                item.confidential(), true, 1, SEEDED_AT);
    }

    /** The seeded item as an administrator edited it at complaint-service: another target, the next revision. */
    public static ItemChanged edited(String code, int resolutionWorkingDays) {
        ItemChanged item = seeded(code);
        return new ItemChanged(item.itemCode(), item.categoryCode(), item.nameZh(), item.nameEn(), resolutionWorkingDays,
                item.escalatesImmediately(), item.escalationAgencyKinds(), item.jointEscalation(),
                item.leadAgencyKind(), item.confidential(), item.active(), REVISIONS.incrementAndGet(), Instant.now());
    }

    /** An item nothing else uses, as complaint-service would publish its creation. */
    public static ItemChanged newItem(String code, int resolutionWorkingDays, int revision) {
        return newItem(code, resolutionWorkingDays, revision, null);
    }

    /** The same, its resolution breach escalating to {@code breachKind} (null: to the street). */
    public static ItemChanged newItem(String code, int resolutionWorkingDays, int revision, AgencyKind breachKind) {
        return new ItemChanged(code, "LIFE", "测试", "Test item", resolutionWorkingDays, false, List.of(), false, null,
                false, true, revision, Instant.now(), breachKind);
    }

    /** Sends the change as complaint-service's outbox relay would: keyed {@code item/<code>}. */
    public static CloudEvent publish(ItemChanged item) {
        return send(CloudEvent.of(COMPLAINT_SERVICE, EventType.COMPLAINT_ITEM_CHANGED, ItemChanged.key(item.itemCode()),
                item.changedAt(), item));
    }

    /** Sends the change as complaint-service's outbox relay would: keyed {@code community/<code>}. */
    public static CloudEvent publish(CommunityChanged community) {
        return send(CloudEvent.of(COMPLAINT_SERVICE, EventType.COMPLAINT_COMMUNITY_CHANGED,
                CommunityChanged.key(community.communityCode()), community.changedAt(), community));
    }

    private static CloudEvent send(CloudEvent event) {
        GoldenEvents.send(event);
        return event;
    }
}
