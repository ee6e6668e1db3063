package io.logrouter.reload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings a text's {@code {{placeholders}}} read, found the way Camel's properties parser finds them (innermost
 * first, so a placeholder in another's default counts too): {@code {{?name:default}}} reads {@code name}, and a
 * function such as {@code {{env:NAME}}} reads {@code env}, which is no setting. Used before a routes file is read and
 * again whenever Camel resolves placeholders, so what a file may read is decided by name, never by value.
 */
final class Placeholders {

    private static final Pattern INNERMOST = Pattern.compile("\\{\\{([^{}]*)}}");

    private Placeholders() {
    }

    /** The names the text's placeholders look up, in order. */
    static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        String rest = text;
        Matcher matcher = INNERMOST.matcher(rest);
        while (matcher.find()) {
            String key = matcher.group(1).trim();
            if (key.startsWith("?")) {
                key = key.substring(1);
            }
            int colon = key.indexOf(':');
            names.add(colon < 0 ? key : key.substring(0, colon));
            rest = rest.substring(0, matcher.start()) + rest.substring(matcher.end());
            matcher = INNERMOST.matcher(rest);
        }
        return names;
    }

    /**
     * Why the text may not be resolved, naming the first setting it may not read, or empty.
     *
     * @param local names that resolve to a route template's parameters rather than to settings
     */
    static Optional<String> refusal(String text, RouteAllowList allowList, Predicate<String> local) {
        if (text == null || !text.contains("{{")) {
            return Optional.empty();
        }
        return names(text).stream().filter(name -> !local.test(name) && !allowList.allowsSetting(name)).findFirst()
                .map(name -> "placeholder {{" + name + "}}: '" + name + "' is not a setting routes files may read"
                        + " (logrouter.routes.allowed-settings; credentials and placeholder functions never are)");
    }
}
