package org.lookout.notification.preference;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.lookout.notification.domain.DeliveryChannel;

/**
 * What a person chooses: their language ({@code zh-CN} or {@code en}, null for the account's) and, per notification kind,
 * the channels it comes on (INBOX always; EMAIL, SMS); a kind left out follows its rule.
 */
public record SavePreferencesRequest(
        @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String language,
        Map<@NotNull @Pattern(regexp = "[A-Z][A-Z_]*", message = "must be a notification kind") String,
                @NotNull List<@NotNull DeliveryChannel>> channels) {
}
