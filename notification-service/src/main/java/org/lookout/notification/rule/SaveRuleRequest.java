package org.lookout.notification.rule;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.lookout.notification.domain.Audience;
import org.lookout.notification.domain.DeliveryChannel;

/**
 * One rule of the table an administrator writes ({@code PUT /api/notifications/rules} takes them all): the event type
 * that triggers it (one of event-contracts, or this service's own {@code lookout.notification.*} triggers), whom it
 * tells, the kind and template of the message, its channels, an optional condition on the event's data.
 */
public record SaveRuleRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+", message = "must be a rule name such as reporter.resolved")
        @Size(max = 80) String id,
        @NotBlank @Pattern(regexp = "lookout\\.[a-z]+\\.[a-z][a-z-]*(\\.v[0-9]+)?", message = "must be an event type such as lookout.complaint.resolved.v1")
        @Size(max = 100) String eventType,
        @NotNull Audience audience,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z_]*", message = "must be upper case, such as REPORT_RESOLVED") @Size(max = 40) String kind,
        @NotBlank @Pattern(regexp = "[a-z0-9-]+", message = "must be a template name such as report-resolved") @Size(max = 80) String template,
        @NotEmpty List<@NotNull DeliveryChannel> channels,
        @Size(max = 200) @Pattern(regexp = "([A-Za-z]+=[A-Za-z0-9_-]*(&[A-Za-z]+=[A-Za-z0-9_-]*)*)?", message = "must be field=value pairs joined by &")
        String condition,
        Boolean mandatory,
        Boolean enabled) {
}
