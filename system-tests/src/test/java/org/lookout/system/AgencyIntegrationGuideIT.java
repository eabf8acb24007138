package org.lookout.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docs/agency-integration.md, run as written: every {@code sh} block of the guide, in order, in one bash with
 * {@code set -euo pipefail}, against the running stack — a token, the REST list, the catalogue, a consumer of the
 * agency's own topic, an escalation to practise on, its events on the topic, the case file, acknowledge, progress and
 * resolve, and those events on the topic again. Only the addresses (moved ports) and the console consumer's class
 * path come from here.
 */
class AgencyIntegrationGuideIT {

    private static final Pattern SH_BLOCK = Pattern.compile("(?ms)^```sh\\n(.*?)^```");
    private static final Path ROOT = Path.of(System.getenv().getOrDefault("LOOKOUT_ROOT", ".."));

    @Test
    void theGuidesCommandsTakeAnAgencyFromItsSecretToAResolvedEscalation() throws Exception {
        List<String> blocks = new ArrayList<>();
        Matcher block = SH_BLOCK.matcher(Files.readString(ROOT.resolve("docs/agency-integration.md")));
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks).as("sh blocks of the guide").hasSizeGreaterThanOrEqualTo(8);
        Path work = Files.createTempDirectory("agency-guide");
        String consumer = Path.of(System.getProperty("java.home"), "bin", "java")
                + " -Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=" + Stack.TOKEN_URL + " -cp "
                + Files.readString(ROOT.resolve(".lookout/kafka/classpath.txt")).strip()
                + " org.apache.kafka.tools.consumer.ConsoleConsumer";

        ProcessBuilder bash = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + String.join("\n", blocks))
                .directory(work.toFile()).redirectErrorStream(true);
        bash.environment().put("GATEWAY", Stack.GATEWAY);
        bash.environment().put("KEYCLOAK", Stack.KEYCLOAK);
        bash.environment().put("KAFKA", Stack.KAFKA);
        bash.environment().put("KAFKA_CONSUMER", consumer);
        Process process = bash.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }

        assertThat(ended).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("escalation [0-9a-f-]{36}")
                .contains("ce_type:lookout.escalation.opened.v1", "ce_type:lookout.escalation.acknowledged.v1",
                        "ce_type:lookout.escalation.progressed.v1", "ce_type:lookout.escalation.resolved.v1",
                        "\"itemCode\": \"public-safety\"", "\"building\": \"3-5\"", "RESOLVED");
        cleanUp(work);
    }

    private static void cleanUp(Path work) throws IOException {
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
