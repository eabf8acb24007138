package org.lookout.cadre.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.lookout.cadre.Cadre;
import org.lookout.cadre.CadreTestResources;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A body sent in chunks has no Content-Length for {@link RequestBodyLimits} to judge before reading: it is counted as it
 * is read against the limit of its route, 64 KB for a form, 10 MB for an import file (java.net.http sends a body of
 * unknown length in chunks). Before, a chunked form was read whole up to the 11 MB ceiling.
 */
@QuarkusTest
@CadreTestResources
class ChunkedBodyTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aChunkedFormPastSixtyFourKilobytesIsA413Problem() throws Exception {
        String form = Cadre.form("DCY", "x".repeat(100_000));

        HttpResponse<String> answer = chunked("/api/cadres", "application/json", form.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(Cadre.PROBLEM);
        assertThat(answer.body()).contains("the request body must be at most 65536 bytes");
    }

    @Test
    void aChunkedImportFileIsHeldToItsOwnLimitNotTheFormsOne() throws Exception {
        byte[] file = ("name,post\n" + "某某,科员\n".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
        assertThat(file.length).isGreaterThan(65_536);

        HttpResponse<String> answer = chunked("/api/cadres/imports", "text/csv", file);

        assertThat(answer.statusCode()).isIn(202, 400);
        assertThat(answer.body()).doesNotContain("must be at most");
    }

    private static HttpResponse<String> chunked(String path, String type, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + Cadre.inspector()).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
