package org.lookout.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks can fail: the base with one deliberate mistake of each kind (src/test/resources/broken) is caught. */
class BrokenManifestsTest {

    @Test
    void everyDeliberateMistakeIsNamed() {
        List<HasMetadata> objects = Kustomize.render(Repository.ROOT.resolve("deploy-tests/src/test/resources/broken"));
        List<String> violations = new ArrayList<>(ApiSchema.violations(objects));
        violations.addAll(Manifests.violations(objects));

        assertThat(violations).anySatisfy(v -> assertThat(v)
                .contains("Deployment/complaint-service").contains("readiness probe on port http"));
        assertThat(violations).anySatisfy(v -> assertThat(v)
                .contains("Deployment/escalation-service").contains("reads DB_PASSWORD"));
        assertThat(violations).anySatisfy(v -> assertThat(v)
                .contains("Deployment/notification-service").contains("unknown field(s) [contianerPort]"));
        assertThat(violations).anySatisfy(v -> assertThat(v)
                .contains("Service/cadre-registry-service: selects 0 Deployments"));
        assertThat(violations).anySatisfy(v -> assertThat(v)
                .contains("image lookout/gatewy:latest is not [registry/]lookout/gateway:<tag>"));
        assertThat(violations).anySatisfy(v -> assertThat(v)
                .contains("Secret/lookout-keys: a Secret with values is committed"));
        assertThat(violations).anySatisfy(v -> assertThat(v)
                .contains("NetworkPolicy/services-from-gateway: a peer's podSelector selects no Deployment's pods"));
        assertThat(violations).anySatisfy(v -> assertThat(v)
                .contains("Deploymnet").contains("is not a Kubernetes API kind"));
    }
}
