package org.lookout.notification.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An email address and a mobile number (E.164 or 11 digits of a mainland number); null removes one. */
public record SaveContactRequest(
        @Email(message = "must be an email address") @Size(max = 254) String email,
        @Pattern(regexp = "\\+?[0-9]{6,15}", message = "must be a phone number such as 13800138000 or +8613800138000")
        String phone) {
}
