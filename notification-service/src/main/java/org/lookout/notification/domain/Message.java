package org.lookout.notification.domain;

/** A notification's text in every language it is offered in. */
public record Message(String titleZh, String bodyZh, String titleEn, String bodyEn) {

    public String title(Language language) {
        return language == Language.EN ? titleEn : titleZh;
    }

    public String body(Language language) {
        return language == Language.EN ? bodyEn : bodyZh;
    }
}
