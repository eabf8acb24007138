package org.lookout.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every native query of every module names an entity, {@code Object} or {@code Object[]} as its result type: with a
 * basic type ({@code String}, {@code Long}, …) Hibernate never finds the statement's plan in its plan cache and stores a
 * copy per execution (docs/conventions.md, native queries). Read from the sources, so a new call is caught in the build.
 */
class NativeQueryResultTypesTest {

    private static final Path ROOT = Path.of(System.getProperty("lookout.root", ".."));
    private static final Pattern CALL = Pattern.compile("createNativeQuery\\(");
    private static final Pattern RESULT_TYPE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*(?:\\[])?)\\.class");
    private static final Pattern ENTITY = Pattern.compile("(?m)^@Entity\\b[\\s\\S]*?\\bclass\\s+(\\w+)");

    @Test
    void nativeQueriesReadEntitiesOrPlainObjects() throws IOException {
        List<Path> sources = mainSources();
        Set<String> entities = sources.stream().map(NativeQueryResultTypesTest::read).map(ENTITY::matcher)
                .filter(Matcher::find).map(matcher -> matcher.group(1)).collect(Collectors.toSet());
        assertThat(entities).as("entities found in the sources").contains("Report", "OutboxEvent");

        List<String> calls = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path source : sources) {
            String text = read(source);
            Matcher call = CALL.matcher(text);
            while (call.find()) {
                List<String> arguments = arguments(text, call.end());
                String where = ROOT.relativize(source) + ": " + String.join(", ", arguments).replaceAll("\\s+", " ");
                calls.add(where);
                Matcher type = RESULT_TYPE.matcher(arguments.size() < 2 ? "" : arguments.getLast());
                if (type.matches() && !type.group(1).equals("Object") && !type.group(1).equals("Object[]")
                        && !entities.contains(type.group(1))) {
                    refused.add(where);
                }
            }
        }
        assertThat(calls).as("native queries found").hasSizeGreaterThan(20);
        assertThat(refused).as("native queries with a basic result type (read it as Object and cast)").isEmpty();
    }

    /** The main sources of every module (folders beside the root pom with a src/main/java). */
    private static List<Path> mainSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path folder : modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        }
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The call's arguments at its top level, from {@code start} (just after the opening parenthesis) to the closing one,
     * skipping parentheses and commas inside string literals and text blocks.
     */
    static List<String> arguments(String text, int start) {
        List<String> arguments = new ArrayList<>();
        int depth = 1;
        int from = start;
        int at = start;
        while (at < text.length()) {
            if (text.startsWith("\"\"\"", at)) {
                at = text.indexOf("\"\"\"", at + 3) + 3;
                continue;
            }
            char c = text.charAt(at);
            if (c == '"') {
                at++;
                while (text.charAt(at) != '"') {
                    at += text.charAt(at) == '\\' ? 2 : 1;
                }
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ',' && depth == 1) {
                arguments.add(text.substring(from, at).strip());
                from = at + 1;
            } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
                arguments.add(text.substring(from, at).strip());
                return arguments;
            }
            at++;
        }
        throw new IllegalStateException("no closing parenthesis after offset " + start);
    }
}
