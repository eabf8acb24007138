package org.lookout.notification.contact;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.lookout.notification.domain.DeliveryChannel;

/** The code sent to the new address ({@code EMAIL}) or number ({@code SMS}). */
public record VerifyContactRequest(@NotNull DeliveryChannel channel,
        @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits that were sent") String code) {
}
