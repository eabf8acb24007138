package org.lookout.complaint.open311;

import java.util.List;
import java.util.Locale;

/** The languages Lookout's names and texts exist in; an Open311 answer is in one, chosen by {@code Accept-Language}. */
public enum Language {
    ZH, EN;

    private static final List<Locale> OFFERED = List.of(Locale.forLanguageTag("zh"), Locale.forLanguageTag("en"));

    /** The caller's preferred one of ours by {@code Accept-Language} (RFC 4647 lookup), else {@code fallback}. */
    public static Language of(String acceptLanguage, Language fallback) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return fallback;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), OFFERED);
            return chosen == null ? fallback : valueOf(chosen.getLanguage().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException malformed) {
            return fallback;
        }
    }

    public static Language named(String tag) {
        return valueOf(tag.strip().toUpperCase(Locale.ROOT));
    }

    /** The Chinese or the English one of two texts. */
    public String pick(String zh, String en) {
        return this == ZH ? zh : en;
    }
}
