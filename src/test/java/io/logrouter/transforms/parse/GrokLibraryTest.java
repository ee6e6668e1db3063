package io.logrouter.transforms.parse;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The grok library as imported from opensearch-grok: every pattern compiles on the project's engine, and each
 * pattern file parses samples of the logs it is for. The samples are in the test resource
 * {@code grok-samples/<file>}, one a pattern file, written from each format's documentation (named there):
 * <pre>
 * pattern: %{S3_ACCESS_LOG}    (a grok expression)
 * line: the sample line (tabs and line breaks written as \t and \n)
 * expect: field=value           (as text; repeated)
 * </pre>
 */
class GrokLibraryTest {

    private record Sample(String file, String pattern, String line, Map<String, String> expected) {
    }

    @Test
    void everyBuiltInPatternCompiles() {
        List<String> broken = new ArrayList<>();
        for (String name : GrokPatterns.builtIn().keySet()) {
            try {
                FieldPattern.compile(GrokPatterns.expand("%{" + name + "}", Map.of()));
            } catch (RuntimeException e) {
                broken.add(name + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyLibraryFileHasSamples() {
        for (String file : GrokPatterns.LIBRARY_FILES) {
            assertFalse(samples(file).isEmpty(), "no samples for " + file);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachPatternFileParsesItsSamples() {
        return GrokPatterns.LIBRARY_FILES.stream().flatMap(file -> samples(file).stream())
                .map(sample -> DynamicTest.dynamicTest(sample.file() + " " + sample.pattern(), () -> {
                    GrokParser parser = new GrokParser();
                    parser.setPattern(sample.pattern());
                    LogEvent event = Samples.event(sample.line());
                    parser.apply(event);
                    assertFalse(EventMarkers.has(event, EventMarkers.PARSE_FAILURE), sample + " -> " + event);
                    sample.expected().forEach((field, value) -> {
                        JsonNode actual = event.get(field);
                        assertTrue(actual != null, field + " missing in " + event);
                        assertEquals(value, actual.asText(), field + " in " + event);
                    });
                }));
    }

    @Test
    void libraryDefinitionsAreJavaRegexes() {
        assertEquals("[0-9A-Fa-f]{32}", GrokPatterns.javaSyntax("\\h{32}"));
        assertEquals("Parameters: \\{%{DATA:params}}", GrokPatterns.javaSyntax("Parameters: {%{DATA:params}}"));
        assertEquals("a{2,}[{]\\{", GrokPatterns.javaSyntax("a{2,}[{]\\{"));
        assertEquals("LEN=(x).*TOS=(?:y)*", GrokPatterns.javaSyntax("LEN=(x).?*TOS=(?:y)?*"));
        assertEquals("(?s)Started", GrokPatterns.javaSyntax("(?m)Started"));
        assertDoesNotThrow(() -> FieldPattern.compile(GrokPatterns.expand("%{RAILS3}", Map.of())));
    }

    private static List<Sample> samples(String file) {
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = GrokLibraryTest.class.getResourceAsStream("grok-samples/" + file)) {
            if (in == null) {
                return samples;
            }
            String pattern = null;
            String line = null;
            Map<String, String> expected = new LinkedHashMap<>();
            for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (text.startsWith("pattern: ")) {
                    if (pattern != null) {
                        samples.add(new Sample(file, pattern, line, expected));
                    }
                    pattern = text.substring(9).strip();
                    expected = new LinkedHashMap<>();
                } else if (text.startsWith("line: ")) {
                    line = text.substring(6).replace("\\t", "\t").replace("\\n", "\n");
                } else if (text.startsWith("expect: ")) {
                    int eq = text.indexOf('=');
                    expected.put(text.substring(8, eq), text.substring(eq + 1));
                }
            }
            if (pattern != null) {
                samples.add(new Sample(file, pattern, line, expected));
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
