package org.lookout.notification.contact;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.Contact;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, String> {
}
