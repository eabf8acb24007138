package org.lookout.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Only the gateway is the way in (issue 17, "what a probe from outside found"): a service reachable on its own port
 * walks around the gateway's limits. Locally every service listens on 127.0.0.1 only; in docker-compose.yml a service
 * publishes no port, and what is published on every interface is the gateway, Keycloak (logins) and Kafka's
 * authenticated agency listener; the rest (PostgreSQL, Prometheus) only on the host's loopback.
 */
class ListeningInterfacesTest {

    private static final Path ROOT = Path.of(System.getProperty("lookout.root", ".."));

    /** Published on every interface on purpose: the way in, the login, the agencies' SASL listener. */
    private static final Set<String> PUBLIC = Set.of("gateway", "keycloak", "kafka");

    @Test
    void locallyEveryServiceListensOnLoopbackOnly() throws IOException {
        String script = Files.readString(ROOT.resolve("deploy/local/services.sh"));
        Matcher environment = Pattern.compile("(?s)local -a environment=\\((.*?)\\n\\s*\\)").matcher(script);

        assertThat(environment.find()).as("the environment every service starts with in deploy/local/services.sh")
                .isTrue();
        assertThat(environment.group(1)).containsPattern("(?m)^\\s*QUARKUS_HTTP_HOST=\"?127\\.0\\.0\\.1\"?\\s*$");
        assertThat(script).doesNotContainPattern("QUARKUS_HTTP_HOST=\"?0\\.0\\.0\\.0");
    }

    @Test
    void inComposeOnlyTheGatewayKeycloakAndKafkaArePublishedAndTheRestOnlyOnLoopback() throws IOException {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile())
                .path("services");
        List<String> published = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : services.properties()) {
            for (JsonNode port : service.getValue().path("ports")) {
                String mapping = port.asText();
                if (!mapping.startsWith("127.0.0.1:")) {
                    published.add(service.getKey());
                }
            }
        }
        for (ServicesTable row : ServicesTable.rows()) {
            if (!row.module().equals("gateway")) {
                assertThat(services.path(row.module()).path("ports")).as(row.module() + " publishes no port").isEmpty();
            }
        }
        assertThat(published).as("services published on every interface").containsOnlyElementsOf(PUBLIC)
                .contains("gateway");
    }
}
