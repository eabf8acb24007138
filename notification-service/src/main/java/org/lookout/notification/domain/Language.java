package org.lookout.notification.domain;

import java.util.List;
import java.util.Locale;

/** The languages notifications are written in; zh-CN unless the caller prefers English. */
public enum Language {

    ZH_CN("zh-CN"),
    EN("en");

    public static final Language DEFAULT = ZH_CN;

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag, as in {@code Content-Language}. */
    public String tag() {
        return tag;
    }

    /** The language of a tag such as {@code en-GB} or {@code zh-CN}; the default for anything else. */
    public static Language of(String tag) {
        if (tag == null || tag.isBlank()) {
            return DEFAULT;
        }
        return tag.toLowerCase(Locale.ROOT).startsWith("en") ? EN : DEFAULT;
    }

    /** Whether {@code tag} names one of the languages offered. */
    public static boolean offered(String tag) {
        return tag != null && (tag.equals(ZH_CN.tag) || tag.equals(EN.tag));
    }

    /** The first supported language of an {@code Accept-Language} list, ordered by preference. */
    public static Language preferred(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            switch (locale.getLanguage()) {
                case "zh":
                    return ZH_CN;
                case "en":
                    return EN;
                case "*":
                    return DEFAULT;
                default:
                    // not offered: try the caller's next preference
            }
        }
        return DEFAULT;
    }
}
