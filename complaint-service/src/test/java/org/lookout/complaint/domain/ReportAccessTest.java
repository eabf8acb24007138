package org.lookout.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

/**
 * Who may read, handle, work, rate and see the reporter of a report of community DCY (street DCYJD), an ordinary one
 * and a confidential one: every caller × every right, plain JUnit. The README's "Who sees a report" as a table.
 */
class ReportAccessTest {

    private static final String FILER_REF = "rp1_filer";
    private static final String COMMUNITY = "DCY";
    private static final String STREET = "DCYJD";

    /** A caller, its pseudonym, and its rights on an ordinary report then on a confidential one: read, handle, work, rate, identity. */
    enum Who {
        FILER(caller(Roles.RESIDENT, Optional.of(COMMUNITY), Set.of()), FILER_REF,
                "R--r-", "R--r-"),
        FILING_LOOKOUT(caller(Roles.LOOKOUT, Optional.of(COMMUNITY), Set.of()), FILER_REF,
                "R--r-", "R--r-"),
        OTHER_RESIDENT(caller(Roles.RESIDENT, Optional.of(COMMUNITY), Set.of()), "rp1_other",
                "-----", "-----"),
        STAFF(caller(Roles.STAFF, Optional.of(COMMUNITY), Set.of()), "rp1_staff",
                "RHW-I", "-----"),
        STAFF_OF_ANOTHER_COMMUNITY(caller(Roles.STAFF, Optional.of("XHY"), Set.of()), "rp1_staff2",
                "-----", "-----"),
        SUPERVISOR(caller(Roles.SUPERVISOR, Optional.empty(), Set.of(STREET)), "rp1_sup",
                "R-W-I", "-----"),
        SUPERVISOR_OF_ANOTHER_STREET(caller(Roles.SUPERVISOR, Optional.empty(), Set.of("OTHERJD")), "rp1_sup2",
                "-----", "-----"),
        INSPECTOR(caller(Roles.INSPECTOR, Optional.empty(), Set.of(STREET)), "rp1_insp",
                "-----", "R---I"),
        ADMIN(caller(Roles.ADMIN, Optional.empty(), Set.of()), "rp1_admin",
                "RHW--", "RHW--"),
        AGENCY(new Caller("agency", Set.of(Roles.AGENCY), Optional.empty(), Set.of(), Optional.of("police-dcy"),
                Set.of()), "rp1_agency",
                "-----", "-----");

        final Caller caller;
        final String ref;
        final String ordinary;
        final String confidential;

        Who(Caller caller, String ref, String ordinary, String confidential) {
            this.caller = caller;
            this.ref = ref;
            this.ordinary = ordinary;
            this.confidential = confidential;
        }
    }

    static Stream<Arguments> everyCallerAndReport() {
        return Arrays.stream(Who.values()).flatMap(who -> Stream.of(Arguments.of(who, false), Arguments.of(who, true)));
    }

    @ParameterizedTest(name = "{0}, confidential {1}")
    @MethodSource("everyCallerAndReport")
    void eachCallerHasTheRightsTheTableSays(Who who, boolean confidential) {
        Report report = new Report();
        report.communityCode = COMMUNITY;
        report.confidential = confidential;
        report.filedByRef = FILER_REF;
        Caller caller = who.caller;

        boolean read = ReportAccess.mayRead(caller, who.ref, report, STREET);
        String rights = (read ? "R" : "-")
                + (read && ReportAccess.mayHandle(caller, report) ? "H" : "-")
                + (read && ReportAccess.mayWork(caller, report) ? "W" : "-")
                + (ReportAccess.isFiler(caller, who.ref, report) ? "r" : "-")
                + (read && ReportAccess.maySeeIdentity(caller, report, STREET) ? "I" : "-");

        assertThat(rights).isEqualTo(confidential ? who.confidential : who.ordinary);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCallerAndReport")
    void anAnonymousReportHasNoFiler(Who who, boolean confidential) {
        Report report = new Report();
        report.communityCode = COMMUNITY;
        report.confidential = confidential;

        assertThat(ReportAccess.isFiler(who.caller, who.ref, report)).isFalse();
    }

    private static Caller caller(String role, Optional<String> community, Set<String> streets) {
        return new Caller("subject-" + role, Set.of(role), community, streets, Optional.empty(), Set.of());
    }
}
