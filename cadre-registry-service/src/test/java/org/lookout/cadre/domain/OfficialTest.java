package org.lookout.cadre.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.OfficialStatus;
import org.lookout.contracts.RegistrationSource;
import org.lookout.problem.ProblemException;

class OfficialTest {

    private static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");
    private static final Official.Form FORM = new Official.Form("张伟", "区发展和改革委员会", "副主任", "副处级", "DCY", "3-2",
            "13800000000", LocalDate.parse("2026-02-10"), null);

    @Test
    void staffRegisterPendingInspectorsAndImportsActive() {
        assertThat(Official.register(FORM, RegistrationSource.COMMUNITY_STAFF, AT).status)
                .isEqualTo(OfficialStatus.PENDING);
        assertThat(Official.register(FORM, RegistrationSource.INSPECTOR, AT).status).isEqualTo(OfficialStatus.ACTIVE);
        assertThat(Official.register(FORM, RegistrationSource.IMPORT, AT).status).isEqualTo(OfficialStatus.ACTIVE);
    }

    @Test
    void theNaturalKeyIgnoresWidthCaseAndSpaces() {
        assertThat(Official.naturalKey(" 张伟 ", "区发展和改革委员会", "DCY"))
                .isEqualTo(Official.naturalKey("张伟", "区发展和改革委员会 ", "dcy"))
                .isNotEqualTo(Official.naturalKey("张伟", "区财政局", "DCY"));
        assertThat(Official.naturalKey("Ｗａｎｇ  Li", "X", "DCY")).isEqualTo(Official.naturalKey("wang li", "x", "DCY"));
    }

    @Test
    void anEditAnswersWhatChangedWithBeforeAndAfterAndTheSameFormChangesNothing() {
        Official official = Official.register(FORM, RegistrationSource.INSPECTOR, AT);

        assertThat(official.edit(FORM, AT)).isEmpty();
        var changes = official.edit(new Official.Form("张伟", "区发展和改革委员会", "主任", "正处级", "DCY", "3-2", "13800000000",
                LocalDate.parse("2026-02-10"), null), AT.plusSeconds(1));

        assertThat(changes).containsOnlyKeys("post", "rank");
        assertThat(changes.get("post")).isEqualTo(new Official.Change("副主任", "主任"));
        assertThat(official.updatedAt).isEqualTo(AT.plusSeconds(1));
    }

    @Test
    void aDeceasedOfficialCannotBeRevived() {
        Official official = Official.register(FORM, RegistrationSource.INSPECTOR, AT);
        official.moveTo(OfficialStatus.DECEASED, AT);

        assertThatThrownBy(() -> official.moveTo(OfficialStatus.ACTIVE, AT)).isInstanceOf(ProblemException.class);
    }
}
