package org.lookout.complaint.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrackingCredentialsTest {

    @Test
    void codesAreTwelveUnambiguousCharactersAndSecretsCarryMoreThan128Bits() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            TrackingCredentials.Issued issued = TrackingCredentials.issue();
            assertThat(issued.code()).matches("[0-9A-HJKMNP-TV-Z]{12}");
            assertThat(issued.secret()).hasSize(32);
            codes.add(issued.code());
        }
        assertThat(codes).as("random, not sequential").hasSize(1000);
    }

    @Test
    void codesAreReadAsPeopleTypeThem() {
        assertThat(TrackingCredentials.normalise("abco-il12 3456")).isEqualTo("ABC011123456");
    }

    @Test
    void onlyTheRightSecretMatchesItsHash() {
        TrackingCredentials.Issued issued = TrackingCredentials.issue();
        byte[] stored = TrackingCredentials.hash(issued.secret());

        assertThat(TrackingCredentials.matches(issued.secret(), stored)).isTrue();
        assertThat(TrackingCredentials.matches(issued.secret() + "x", stored)).isFalse();
        assertThat(TrackingCredentials.matches(null, stored)).isFalse();
    }
}
