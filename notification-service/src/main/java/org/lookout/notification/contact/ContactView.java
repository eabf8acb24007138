package org.lookout.notification.contact;

import org.lookout.notification.domain.Contact;

/** The contact details a person gave this service, and whether each is verified (only a verified one is used). */
public record ContactView(String email, boolean emailVerified, String phone, boolean phoneVerified) {

    static ContactView of(Contact contact) {
        return contact == null ? new ContactView(null, false, null, false)
                : new ContactView(contact.email, contact.emailVerified, contact.phone, contact.phoneVerified);
    }
}
