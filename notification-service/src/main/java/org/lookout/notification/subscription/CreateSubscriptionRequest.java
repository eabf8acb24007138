package org.lookout.notification.subscription;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A webhook endpoint: its https URL, the notification kinds it wants (none: every kind its owner receives) and, for
 * admin only, the agency it is for (an agency or the app backend subscribes for itself).
 */
public record CreateSubscriptionRequest(
        @NotBlank @Size(max = 500) String url,
        @Size(max = 40) List<@NotNull @Pattern(regexp = "[A-Z][A-Z_]*", message = "must be a notification kind") String> kinds,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "must be an agency code") String agency) {
}
