package org.lookout.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void chineseUnlessEnglishIsPreferred() {
        assertThat(Language.preferred(List.of())).isEqualTo(Language.ZH_CN);
        assertThat(Language.preferred(List.of(Locale.forLanguageTag("zh-CN")))).isEqualTo(Language.ZH_CN);
        assertThat(Language.preferred(List.of(Locale.forLanguageTag("zh-TW")))).isEqualTo(Language.ZH_CN);
        assertThat(Language.preferred(List.of(Locale.forLanguageTag("en-GB")))).isEqualTo(Language.EN);
    }

    @Test
    void skipsLanguagesNotOffered() {
        assertThat(Language.preferred(List.of(Locale.FRENCH, Locale.ENGLISH))).isEqualTo(Language.EN);
        assertThat(Language.preferred(List.of(Locale.FRENCH))).isEqualTo(Language.ZH_CN);
    }
}
