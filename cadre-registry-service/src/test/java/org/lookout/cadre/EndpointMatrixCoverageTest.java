package org.lookout.cadre;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.Test;
import org.lookout.cadre.official.OfficialResource;

/**
 * Every JAX-RS endpoint of the service has a row in {@link RoleEndpointMatrixTest}, and every row is an endpoint: an
 * endpoint added without saying who may call it fails here. Plain JUnit: it reads the compiled resource classes.
 */
class EndpointMatrixCoverageTest {

    @Test
    void everyEndpointHasARowAndEveryRowAnEndpoint() throws Exception {
        Set<String> rows = new TreeSet<>();
        RoleEndpointMatrixTest.ENDPOINTS.forEach(row -> rows.add(row.method() + " " + row.template()));

        assertThat(rows).as("rows of the role × endpoint matrix").isEqualTo(endpoints());
    }

    /** {@code METHOD /path/{template}} of every resource method under the service's base package. */
    private static Set<String> endpoints() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(OfficialResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> endpoints = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, EndpointMatrixCoverageTest.class.getClassLoader());
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null || type.isAnnotationPresent(RegisterRestClient.class)) {
                    continue; // not a resource, or a client of another service's endpoint (the working calendar)
                }
                for (Method method : type.getDeclaredMethods()) {
                    httpMethod(method).ifPresent(verb -> endpoints.add(verb + " " + join(root.value(),
                            method.getAnnotation(jakarta.ws.rs.Path.class))));
                }
            }
        }
        assertThat(endpoints).as("resource methods found").isNotEmpty();
        return endpoints;
    }

    private static Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                .filter(Objects::nonNull).map(HttpMethod::value).findFirst();
    }

    private static String join(String root, jakarta.ws.rs.Path sub) {
        String path = sub == null ? root : root.replaceAll("/$", "") + "/" + sub.value().replaceAll("^/", "");
        return path.replaceAll("/$", "");
    }
}
