package org.lookout.notification.recipient;

/** What the account directory tells of one account: its subject, and contact details with whether they are verified. */
public record Account(String subject, String email, boolean emailVerified, String phone, boolean phoneVerified,
        String locale) {
}
