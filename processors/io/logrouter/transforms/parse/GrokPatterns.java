package io.logrouter.transforms.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named grok patterns and their expansion into a {@link FieldPattern} regex.
 *
 * <p>The built-in library is Logstash's pattern set as the {@code opensearch-grok} jar carries it (the classpath
 * resources {@code patterns/<file>}, read once per JVM, in {@link #LIBRARY_FILES}' order, a later definition of a name
 * replacing an earlier one), with the project's own definitions (resource {@code grok-patterns} beside this class)
 * laid over it. The library names its fields as Logstash did before ECS ({@code clientip}, {@code verb}); where ECS
 * has the field, a capture inside a library definition is renamed ({@code source.address},
 * {@code http.request.method}; the table is the resource {@code grok-ecs-fields}). Names a route author writes in
 * the expression or in custom patterns are kept as written.
 */
final class GrokPatterns {

    /** The pattern files of opensearch-grok 2.19, Logstash's legacy set. */
    static final List<String> LIBRARY_FILES = List.of("grok-patterns", "aws", "bacula", "bind", "bro", "exim",
            "firewalls", "haproxy", "java", "junos", "linux-syslog", "maven", "mcollective-patterns", "mongodb",
            "nagios", "postgresql", "rails", "redis", "ruby", "squid");

    private static final Pattern REFERENCE = Pattern.compile("%\\{(\\w+)(?::([^:}]+))?(?::(\\w+))?}");
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([A-Za-z][A-Za-z0-9_]*)>");
    private static final Pattern DEFINITION = Pattern.compile("(\\w+)(?:\\s*=\\s*|\\s+)(.+)");
    private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d+(?:,\\d*)?}");
    private static final int MAX_DEPTH = 32;

    /** A definition, and whether its field names are the library's (to be renamed after ECS). */
    private record Definition(String regex, boolean library) {
    }

    private static final class Library {
        static final Map<String, List<String>> FILES = loadFiles();
        static final Map<String, Definition> BUILT_IN = loadBuiltIn();
        static final Map<String, String> ECS_FIELDS = parseDefinitions(resource(GrokPatterns.class, "grok-ecs-fields"));
    }

    private GrokPatterns() {
    }

    /** Every built-in name and its definition, the project's replacing the library's. */
    static Map<String, String> builtIn() {
        Map<String, String> definitions = new HashMap<>();
        Library.BUILT_IN.forEach((name, definition) -> definitions.put(name, definition.regex()));
        return definitions;
    }

    /** The names each library file defines, by file. */
    static Map<String, List<String>> libraryFiles() {
        return Library.FILES;
    }

    /** {@code NAME regex} or {@code NAME=regex} lines into a map; blank lines and {@code #} comments are skipped. */
    static Map<String, String> parseDefinitions(String lines) {
        Map<String, String> definitions = new LinkedHashMap<>();
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
        return expand(grok, false, custom, 0);
    }

    private static String expand(String grok, boolean library, Map<String, String> custom, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("grok patterns nest too deep (a cycle?) in " + grok);
        }
        Matcher m = REFERENCE.matcher(library ? renameGroups(grok) : grok);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Definition definition = custom.containsKey(name) ? new Definition(custom.get(name), false)
                    : Library.BUILT_IN.get(name);
            if (definition == null) {
                throw new IllegalArgumentException("unknown grok pattern %{" + name + "}");
            }
            String expanded = expand(definition.regex(), definition.library(), custom, depth + 1);
            String field = m.group(2) == null || !library ? m.group(2) : ecsName(m.group(2));
            String replacement = field == null ? "(?:" + expanded + ")"
                    : "(?<" + field + (m.group(3) == null ? "" : ":" + m.group(3)) + ">" + expanded + ")";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A library definition's own {@code (?<name>...)} groups, renamed after ECS like its {@code %{X:name}}. */
    private static String renameGroups(String regex) {
        return NAMED_GROUP.matcher(regex).replaceAll(g -> Matcher.quoteReplacement("(?<" + ecsName(g.group(1)) + ">"));
    }

    private static String ecsName(String field) {
        return Library.ECS_FIELDS.getOrDefault(field, field);
    }

    /**
     * The library is written for Oniguruma (joni), which differs from java.util.regex in two ways its patterns use:
     * {@code \h} is a hex digit there (horizontal space here), and a {@code {} that does not start a quantifier is a
     * literal there (an error here).
     */
    static String javaSyntax(String oniguruma) {
        StringBuilder java = new StringBuilder(oniguruma.length());
        boolean inClass = false;
        for (int i = 0; i < oniguruma.length(); i++) {
            char c = oniguruma.charAt(i);
            if (c == '\\' && i + 1 < oniguruma.length()) {
                char next = oniguruma.charAt(++i);
                if (next == 'h' || next == 'H') {
                    java.append(inClass ? "" : "[").append(next == 'H' ? "^" : "").append("0-9A-Fa-f")
                            .append(inClass ? "" : "]");
                } else {
                    java.append(c).append(next);
                }
                continue;
            }
            if (c == '%' && oniguruma.startsWith("{", i + 1) && oniguruma.indexOf('}', i) > 0) {
                int end = oniguruma.indexOf('}', i);
                java.append(oniguruma, i, end + 1); // a %{NAME:field} reference, expanded later
                i = end;
                continue;
            }
            if (c == '(' && !inClass && oniguruma.startsWith("(?m)", i)) {
                java.append("(?s)");
                i += 3;
                continue;
            }
            if (c == '?' && !inClass && oniguruma.startsWith("*", i + 1) && i > 0 && oniguruma.charAt(i - 1) != '(') {
                continue; // the '*' follows
            }
            if (c == '[' && !inClass) {
                inClass = true;
            } else if (c == ']' && inClass) {
                inClass = false;
            } else if (c == '{' && !inClass && !QUANTIFIER.matcher(oniguruma).region(i, oniguruma.length()).lookingAt()) {
                java.append('\\');
            }
            java.append(c);
        }
        return java.toString();
    }

    private static Map<String, List<String>> loadFiles() {
        Map<String, List<String>> files = new LinkedHashMap<>();
        for (String file : LIBRARY_FILES) {
            files.put(file, List.copyOf(parseDefinitions(resource(GrokPatterns.class, "/patterns/" + file)).keySet()));
        }
        return Map.copyOf(files);
    }

    private static Map<String, Definition> loadBuiltIn() {
        Map<String, Definition> definitions = new HashMap<>();
        for (String file : LIBRARY_FILES) {
            parseDefinitions(resource(GrokPatterns.class, "/patterns/" + file))
                    .forEach((name, regex) -> definitions.put(name, new Definition(javaSyntax(regex), true)));
        }
        parseDefinitions(resource(GrokPatterns.class, "grok-patterns"))
                .forEach((name, regex) -> definitions.put(name, new Definition(regex, false)));
        return Map.copyOf(definitions);
    }

    private static String resource(Class<?> base, String name) {
        try (InputStream in = base.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("grok pattern resource " + name + " missing (beside " + base + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
