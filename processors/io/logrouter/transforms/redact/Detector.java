package io.logrouter.transforms.redact;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of sensitive value: a regex that finds candidates and a check that confirms them (a Luhn digit for card
 * numbers). When the regex has a group named {@code secret}, only that group is replaced, so {@code Bearer } or
 * {@code aws_secret_access_key=} stays readable and says what was removed.
 */
final class Detector {

    private static final String SECRET_GROUP = "secret";

    private final String name;
    private final Pattern pattern;
    private final Predicate<String> confirms;
    private final boolean secretGroup;

    Detector(String name, Pattern pattern, Predicate<String> confirms) {
        this.name = name;
        this.pattern = pattern;
        this.confirms = confirms;
        this.secretGroup = pattern.pattern().contains("(?<" + SECRET_GROUP + ">");
    }

    static Detector of(String name, String regex) {
        return new Detector(name, Pattern.compile(regex), candidate -> true);
    }

    String name() {
        return name;
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
