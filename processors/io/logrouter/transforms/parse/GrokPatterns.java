package io.logrouter.transforms.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named grok patterns and their expansion into a {@link FieldPattern} regex. The built-in library is the classpath
 * resource {@code grok-patterns} beside this class (Logstash's format: {@code NAME regex} a line, {@code #}
 * comments), read once per JVM.
 */
final class GrokPatterns {

    private static final Pattern REFERENCE = Pattern.compile("%\\{(\\w+)(?::([^:}]+))?(?::(\\w+))?}");
    private static final Pattern DEFINITION = Pattern.compile("(\\w+)(?:\\s*=\\s*|\\s+)(.+)");
    private static final int MAX_DEPTH = 32;

    private static final class Library {
        static final Map<String, String> BUILT_IN = load();
    }

    private GrokPatterns() {
    }

    static Map<String, String> builtIn() {
        return Library.BUILT_IN;
    }

    /** {@code NAME regex} or {@code NAME=regex} lines into a map; blank lines and {@code #} comments are skipped. */
    static Map<String, String> parseDefinitions(String lines) {
        Map<String, String> definitions = new HashMap<>();
        for (String line : lines.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher m = DEFINITION.matcher(trimmed);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a grok pattern definition: " + line);
            }
            definitions.put(m.group(1), m.group(2));
        }
        return definitions;
    }

    /**
     * Replaces every {@code %{NAME}}, {@code %{NAME:field}} and {@code %{NAME:field:type}} by the definition, the
     * named ones as field groups; {@code custom} definitions shadow built-in ones.
     */
    static String expand(String grok, Map<String, String> custom) {
        return expand(grok, custom, 0);
    }

    private static String expand(String grok, Map<String, String> custom, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("grok patterns nest too deep (a cycle?) in " + grok);
        }
        Matcher m = REFERENCE.matcher(grok);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String definition = custom.getOrDefault(name, builtIn().get(name));
            if (definition == null) {
                throw new IllegalArgumentException("unknown grok pattern %{" + name + "}");
            }
            String expanded = expand(definition, custom, depth + 1);
            String field = m.group(2);
            String replacement = field == null ? "(?:" + expanded + ")"
                    : "(?<" + field + (m.group(3) == null ? "" : ":" + m.group(3)) + ">" + expanded + ")";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> load() {
        try (InputStream in = GrokPatterns.class.getResourceAsStream("grok-patterns")) {
            if (in == null) {
                throw new IllegalStateException("grok-patterns resource missing beside " + GrokPatterns.class);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            StringBuilder text = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) {
                text.append(line).append('\n');
            }
            return Map.copyOf(parseDefinitions(text.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
