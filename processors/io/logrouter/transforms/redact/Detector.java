package io.logrouter.transforms.redact;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of sensitive value: a cheap test that a text can contain one at all (most strings cannot, and a
 * character scan costs far less than a regex search), a regex that finds candidates and a check that confirms them
 * (a Luhn digit for card numbers). When the regex has a group named {@code secret}, only that group is replaced, so
 * {@code Bearer } or {@code aws_secret_access_key=} stays readable and says what was removed.
 */
final class Detector {

    private static final String SECRET_GROUP = "secret";

    private final String name;
    private final Predicate<String> mayContain;
    private final Pattern pattern;
    private final Predicate<String> confirms;
    private final boolean secretGroup;

    Detector(String name, Predicate<String> mayContain, String regex, Predicate<String> confirms) {
        this.name = name;
        this.mayContain = mayContain;
        this.pattern = Pattern.compile(regex);
        this.confirms = confirms;
        this.secretGroup = regex.contains("(?<" + SECRET_GROUP + ">");
    }

    /** A route-defined detector: nothing is known about it, so every text is searched. */
    static Detector of(String name, String regex) {
        return new Detector(name, text -> true, regex, candidate -> true);
    }

    String name() {
        return name;
    }

    boolean mayContain(String text) {
        return mayContain.test(text);
    }

    Pattern pattern() {
        return pattern;
    }

    boolean confirms(String candidate) {
        return confirms.test(candidate);
    }

    int start(Matcher m) {
        return secretGroup ? m.start(SECRET_GROUP) : m.start();
    }

    int end(Matcher m) {
        return secretGroup ? m.end(SECRET_GROUP) : m.end();
    }
}
