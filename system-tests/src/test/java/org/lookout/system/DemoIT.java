package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * {@code ./lookout demo} (docs/demo.md) against the running stack: its loader, deploy/local/demo/DemoLoad.java, run with
 * this JDK's source launcher as {@code ./lookout demo again} runs it, must finish with exit 0; afterwards the month's
 * statistics of community DCY, read here on their own, grew by exactly the seed's table per category, and every grouping
 * adds up to the total. A second run without {@code again} finds the first and adds nothing.
 */
class DemoIT {

    private static final Map<String, Integer> SEED_TABLE = new LinkedHashMap<>(
            Map.of("LIFE", 21, "SERVICE", 25, "PUBLIC", 62, "ENFORCEMENT", 3));
    private static final long RUN_MINUTES = 15;

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Stack.GATEWAY;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theDemoLoadsTheSeedsCasesAndAMonthWhoseStatisticsAddUpAndASecondRunAddsNothing() throws Exception {
        String staff = Stack.token("staff1");
        Map<String, Long> before = countsPerCategory(statistics(staff, "category"));

        Run first = demo("again");

        assertThat(first.exit()).as("exit of the demo; its output:%n%s", first.output()).isZero();
        assertThat(first.output()).contains("the statistics add up", "case 9/9", "this run's 111 reports read back");
        JsonPath byCategory = statistics(staff, "category");
        Map<String, Long> after = countsPerCategory(byCategory);
        SEED_TABLE.forEach((category, count) -> assertThat(after.getOrDefault(category, 0L)
                - before.getOrDefault(category, 0L)).as("reports the demo added in %s", category).isEqualTo(count.longValue()));
        assertAddsUp(byCategory);
        JsonPath byStatus = statistics(staff, "status");
        assertAddsUp(byStatus);
        assertThat(byStatus.getLong("total.count")).isEqualTo(byCategory.getLong("total.count"));

        Run second = demo(null);

        assertThat(second.exit()).as("exit of the second run; its output:%n%s", second.output()).isZero();
        assertThat(second.output()).contains("loaded already", "the statistics add up").doesNotContain("case 1/9");
        assertThat(countsPerCategory(statistics(staff, "category"))).isEqualTo(after);
    }

    private static void assertAddsUp(JsonPath statistics) {
        List<Map<String, Object>> groups = statistics.getList("groups");
        assertThat(groups.stream().mapToLong(group -> ((Number) group.get("count")).longValue()).sum())
                .as("the groups' counts against the total").isEqualTo(statistics.getLong("total.count"));
        for (String rate : List.of("response", "firstContact", "resolution", "satisfaction")) {
            for (String part : List.of("numerator", "denominator")) {
                long sum = 0;
                for (int i = 0; i < groups.size(); i++) {
                    sum += statistics.getLong("groups[" + i + "]." + rate + "." + part);
                }
                assertThat(sum).as("%s %s of the groups against the total", rate, part)
                        .isEqualTo(statistics.getLong("total." + rate + "." + part));
            }
        }
    }

    private static JsonPath statistics(String token, String groupBy) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return given().auth().oauth2(token).queryParam("scope", "DCY").queryParam("from", today.withDayOfMonth(1).toString())
                .queryParam("to", today.toString()).queryParam("groupBy", groupBy)
                .get("/api/statistics").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Long> countsPerCategory(JsonPath statistics) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Map<String, Object>> groups = statistics.getList("groups");
        groups.forEach(group -> counts.put((String) group.get("key"), ((Number) group.get("count")).longValue()));
        return counts;
    }

    private record Run(int exit, String output) {
    }

    /** The loader as ./lookout demo starts it, bounded; its output (both streams) kept for the assertion messages. */
    private static Run demo(String mode) throws IOException, InterruptedException {
        Path root = Path.of(System.getenv().getOrDefault("LOOKOUT_ROOT", System.getProperty("lookout.root", "..")));
        Path loader = root.resolve("deploy/local/demo/DemoLoad.java");
        assertThat(loader).exists();
        Path log = Files.createTempFile("lookout-demo", ".log");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:+UseSerialGC",
                loader.toString(), Stack.GATEWAY, Stack.KEYCLOAK + "/realms/lookout"));
        if (mode != null) {
            command.add(mode);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(RUN_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Run(-1, "not finished within " + RUN_MINUTES + " minutes:\n" + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
