package io.logrouter.transforms.parse;

/**
 * Parses a field with a Java regex whose named groups become fields. Group names may be ECS paths with a type, e.g.
 * {@code ^(?<client.ip>\S+) (?<http.response.status_code:int>\d{3})} (see {@link FieldPattern}). The regex is
 * searched for, not matched whole: anchor it with {@code ^}/{@code $} where that matters.
 */
public class RegexParser extends PatternParser {

    private String pattern;
    private FieldPattern fieldPattern;

    @Override
    protected FieldPattern compile() {
        if (fieldPattern == null) {
            throw new IllegalStateException("RegexParser needs a pattern");
        }
        return fieldPattern;
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.fieldPattern = FieldPattern.compile(pattern); // a bad regex fails at route start-up
        this.pattern = pattern;
        optionsChanged();
    }
}
