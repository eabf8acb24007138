package org.lookout.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class NotificationRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aConditionComparesTheEventsDataAsText() {
        NotificationRule rule = new NotificationRule();
        rule.condition = "satisfied=false&confidential=false";
        ObjectNode data = JSON.createObjectNode().put("satisfied", false).put("confidential", false);

        assertThat(rule.appliesTo(data)).isTrue();
        assertThat(rule.appliesTo(data.put("satisfied", true))).isFalse();
        assertThat(rule.appliesTo(JSON.createObjectNode().put("confidential", false))).as("missing reads as null").isFalse();
    }

    @Test
    void noConditionAppliesAlways() {
        NotificationRule rule = new NotificationRule();
        rule.condition = "";

        assertThat(rule.appliesTo(JSON.createObjectNode())).isTrue();
    }

    @Test
    void channelsReadAndWriteInOneOrder() {
        assertThat(NotificationRule.parseChannels("WEBHOOK, INBOX,EMAIL"))
                .containsExactly(DeliveryChannel.INBOX, DeliveryChannel.EMAIL, DeliveryChannel.WEBHOOK);
        assertThat(NotificationRule.formatChannels(NotificationRule.parseChannels("WEBHOOK,INBOX")))
                .isEqualTo("INBOX,WEBHOOK");
        assertThat(NotificationRule.parseChannels("")).isEmpty();
    }
}
