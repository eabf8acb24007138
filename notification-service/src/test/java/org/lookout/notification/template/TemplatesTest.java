package org.lookout.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.notification.NotificationTestResources;
import org.lookout.notification.domain.CommunityCopy;
import org.lookout.notification.domain.ItemCopy;
import org.lookout.notification.domain.Language;
import org.lookout.notification.domain.Message;
import org.lookout.notification.domain.NotificationRule;
import org.lookout.notification.rule.RuleRepository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Every rule the migration seeds renders in zh-CN and en from the golden sample of its event (or, for a type the
 * contract does not have yet, the fields the cadre registry's events are to carry): a missing template, a missing
 * language or an empty title, body or value fails here.
 */
@QuarkusTest
@NotificationTestResources
class TemplatesTest {

    /** What shows a value rendered empty: brackets or punctuation with nothing between. */
    private static final List<String> EMPTY_FIELD = List.of("（）", "()", "（，", "，）", " ,", "  ", "编号 。", "：。", ": .",
            "null");

    @Inject
    NotificationTemplates templates;

    @Inject
    RuleRepository rules;

    @Test
    void everyRuleRendersInBothLanguagesWithNoEmptyField() throws Throwable {
        List<NotificationRule> all = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> rules.all()));
        assertThat(all).hasSizeGreaterThanOrEqualTo(24);
        for (NotificationRule rule : all) {
            Message message = templates.render(rule.template, TemplateValues.of(sample(rule.eventType), null, item(),
                    community(), "police-dcy", "https://app.example/reports/{reportId}",
                    "https://app.example/reports/{reportId}/rate", ZoneId.of("Asia/Shanghai")));
            for (Language language : Language.values()) {
                String title = message.title(language);
                String body = message.body(language);
                assertThat(title).as("%s title %s", rule.id, language).isNotBlank().doesNotContain("{").doesNotContain("\n");
                assertThat(body).as("%s body %s", rule.id, language).isNotBlank().doesNotContain("{");
                for (String empty : EMPTY_FIELD) {
                    assertThat(body).as("%s body %s: an empty field (%s)", rule.id, language, empty).doesNotContain(empty);
                }
            }
            assertThat(message.bodyZh()).as(rule.id).isNotEqualTo(message.bodyEn());
        }
    }

    @Test
    void theAcknowledgementNamesTheTrackingNumberInBothLanguages() {
        Message message = templates.render("report-received", TemplateValues.of(
                sample("lookout.complaint.submitted.v1"), null, item(), community(), null, "l/{reportId}",
                "r/{reportId}", ZoneId.of("Asia/Shanghai")));

        assertThat(message.bodyZh()).startsWith("您的反映已受理，编号 DCY-2026-000123（楼道照明）");
        assertThat(message.bodyEn()).startsWith("Your report DCY-2026-000123 has been received (corridor lighting)");
    }

    @Test
    void aMissingTemplateOrLanguageIsAnError() {
        assertThat(templates.exists("report-resolved")).isTrue();
        assertThat(templates.exists("no-such-template")).isFalse();
        Map<Language, Map<String, Object>> values = TemplateValues.of(sample("lookout.complaint.submitted.v1"), null, null,
                null, null, "l", "r", ZoneId.of("Asia/Shanghai"));
        assertThatThrownBy(() -> templates.render("no-such-template", values)).isInstanceOf(MissingTemplateException.class)
                .hasMessageContaining("notifications/no-such-template.zh-CN.txt");
        assertThatThrownBy(() -> templates.render("../email/notification", values))
                .isInstanceOf(MissingTemplateException.class);
    }

    /** The golden sample's data of {@code type}; for the cadre registry's coming types, the references they carry. */
    static JsonNode sample(String type) {
        return EventType.of(type).map(known -> EventJson.readResource(known.sampleResource()).get("data"))
                .orElseGet(() -> {
                    ObjectNode data = JsonNodeFactory.instance.objectNode().put("communityCode", "DCY")
                            .put("officialId", "5b0c1f3a-9d1e-4b2a-8c3d-1e2f3a4b5c6d");
                    if (type.endsWith("due-soon")) {
                        data.put("reportId", "0f8e7d6c-5b4a-4938-8271-605f4e3d2c1b").put("agencyCode", "police-dcy")
                                .put("dueAt", "2026-02-16T16:00:00Z").put("trackingNumber", "DCY-2026-000123");
                    }
                    return Stream.of(data).findFirst().orElseThrow();
                });
    }

    private static ItemCopy item() {
        ItemCopy item = new ItemCopy();
        item.itemCode = "corridor-lighting";
        item.nameZh = "楼道照明";
        item.nameEn = "corridor lighting";
        return item;
    }

    private static CommunityCopy community() {
        CommunityCopy community = new CommunityCopy();
        community.communityCode = "DCY";
        community.nameZh = "东朝阳路南社区";
        community.nameEn = "Dongchaoyang Road South";
        return community;
    }
}
