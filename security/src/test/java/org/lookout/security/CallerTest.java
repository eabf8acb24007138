package org.lookout.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static Caller caller(Set<String> roles, String community, Set<String> streets, String agency,
            String... attributes) {
        return new Caller("subject-1", roles, Optional.ofNullable(community), streets, Optional.ofNullable(agency),
                Set.of(attributes));
    }

    @Test
    void theActingRoleIsTheMostFarReachingOneHeld() {
        assertThat(caller(Set.of(Roles.RESIDENT, Roles.STAFF), "DCY", Set.of(), null).actingRole()).contains(Roles.STAFF);
        assertThat(caller(Set.of(Roles.RESIDENT, Roles.LOOKOUT), "DCY", Set.of(), null).actingRole())
                .contains(Roles.LOOKOUT);
        assertThat(caller(Set.of(Roles.ADMIN, Roles.INSPECTOR), null, Set.of(), null).actingRole()).contains(Roles.ADMIN);
        assertThat(caller(Set.of("offline_access"), null, Set.of(), null).actingRole()).isEmpty();
    }

    @Test
    void staffAndHeadAreScopedToTheirCommunity() {
        Caller head = caller(Set.of(Roles.STAFF), "DCY", Set.of(), null, Caller.COMMUNITY_HEAD);
        Caller staff = caller(Set.of(Roles.STAFF), "DCY", Set.of(), null);

        assertThat(head.isStaffOf("DCY")).isTrue();
        assertThat(head.isHeadOf("DCY")).isTrue();
        assertThat(head.isHeadOf("OTHER")).isFalse();
        assertThat(staff.isHeadOf("DCY")).isFalse();
        assertThat(staff.isStaffOf("OTHER")).isFalse();
        assertThat(caller(Set.of(Roles.RESIDENT), "DCY", Set.of(), null).isStaffOf("DCY")).isFalse();
    }

    @Test
    void supervisorsAndInspectorsAreScopedToTheirStreets() {
        Caller supervisor = caller(Set.of(Roles.SUPERVISOR), null, Set.of("DCYJD"), null);
        Caller district = caller(Set.of(Roles.INSPECTOR), null, Set.of("DCYJD", "JXJD"), null);

        assertThat(supervisor.isSupervisorOf("DCYJD")).isTrue();
        assertThat(supervisor.isSupervisorOf("JXJD")).isFalse();
        assertThat(supervisor.isInspectorOf("DCYJD")).isFalse();
        assertThat(supervisor.street()).contains("DCYJD");
        assertThat(district.isInspectorOf("JXJD")).isTrue();
        assertThat(district.isInspectorOf(null)).isFalse();
        assertThat(district.street()).isEmpty();
        assertThat(supervisor.worksIn("DCY", "DCYJD")).isTrue();
        assertThat(supervisor.worksIn("DCY", "JXJD")).isFalse();
    }

    @Test
    void anAgencyIsOnlyItself() {
        Caller police = caller(Set.of(Roles.AGENCY), null, Set.of(), "police-dcy");

        assertThat(police.isAgency("police-dcy")).isTrue();
        assertThat(police.isAgency("market-dcy")).isFalse();
        assertThat(caller(Set.of(Roles.STAFF), "DCY", Set.of(), "police-dcy").isAgency("police-dcy")).isFalse();
    }

    @Test
    void anInformationOfficerIsALookoutWithTheAttribute() {
        assertThat(caller(Set.of(Roles.LOOKOUT), "DCY", Set.of(), null, Caller.INFORMATION_OFFICER)
                .isInformationOfficer()).isTrue();
        assertThat(caller(Set.of(Roles.LOOKOUT), "DCY", Set.of(), null).isInformationOfficer()).isFalse();
        assertThat(caller(Set.of(Roles.RESIDENT), "DCY", Set.of(), null, Caller.INFORMATION_OFFICER)
                .isInformationOfficer()).isFalse();
    }

    @Test
    void claimsAreReadAsOneValueOrSeveral() {
        Caller district = CurrentCaller.of(token(Map.of("sub", "i-2", "street", List.of("DCYJD", "JXJD"))),
                Set.of(Roles.INSPECTOR));
        Caller commaSeparated = CurrentCaller.of(token(Map.of("sub", "i-3", "street", "DCYJD, JXJD")),
                Set.of(Roles.INSPECTOR));
        Caller head = CurrentCaller.of(token(Map.of("sub", "h-1", "community", "DCY", "communityHead", "true")),
                Set.of(Roles.STAFF));
        Caller plain = CurrentCaller.of(token(Map.of("sub", "s-1", "community", "DCY", "communityHead", false)),
                Set.of(Roles.STAFF));

        assertThat(district.streets()).containsExactlyInAnyOrder("DCYJD", "JXJD");
        assertThat(commaSeparated.streets()).containsExactlyInAnyOrder("DCYJD", "JXJD");
        assertThat(head.isHeadOf("DCY")).isTrue();
        assertThat(plain.isHeadOf("DCY")).isFalse();
        assertThat(plain.community()).contains("DCY");
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return (String) claims.get("sub");
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
