package io.logrouter.transforms.parse;

import java.util.HashMap;
import java.util.Map;

/**
 * Parses a field with a grok expression such as {@code %{COMBINEDAPACHELOG}} or
 * {@code ^%{TIMESTAMP_ISO8601:@timestamp} %{LOGLEVEL:log.level} %{GREEDYDATA:message}}. {@code %{NAME:field:int}}
 * converts the value ({@code int}, {@code float}); several line formats in one stream are one alternation:
 * {@code ^(?:%{COMBINEDAPACHELOG}|%{NGINXERROR})}.
 *
 * <p>The built-in library (resource {@code grok-patterns}) names its fields after ECS, e.g. COMBINEDAPACHELOG gives
 * {@code source.address}, {@code user.name}, {@code http.request.method}, {@code url.original},
 * {@code http.version}, {@code http.response.status_code}, {@code http.response.body.bytes},
 * {@code http.request.referrer}, {@code user_agent.original} and {@code @timestamp} as written, for a
 * {@code TimestampParser} to resolve. Routes add or override named patterns with {@code patterns} (a map) or
 * {@code patternDefinitions} ({@code NAME=regex} or {@code NAME regex} lines).
 */
public class GrokParser extends PatternParser {

    private String pattern;
    private final Map<String, String> customPatterns = new HashMap<>();

    @Override
    protected FieldPattern compile() {
        if (pattern == null) {
            throw new IllegalStateException("GrokParser needs a pattern");
        }
        // anchored at the start of the text: a line that does not match fails at its first character instead of
        // being searched from every position, which is most of the cost of a miss in a mixed stream
        return FieldPattern.compile("\\A(?:" + GrokPatterns.expand(pattern, customPatterns) + ")");
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
        optionsChanged();
    }

    /** The live map: Camel binds a YAML map option entry by entry through it. */
    public Map<String, String> getPatterns() {
        return customPatterns;
    }

    public void setPatterns(Map<String, String> patterns) {
        customPatterns.putAll(patterns);
        optionsChanged();
    }

    /** The same as {@code patterns}, written as text: one {@code NAME=regex} (or {@code NAME regex}) a line. */
    public void setPatternDefinitions(String definitions) {
        setPatterns(GrokPatterns.parseDefinitions(definitions));
    }
}
