package io.logrouter.transforms.redact;

import java.util.List;

/**
 * The detectors a Redactor applies unless the route lists others. Each regex starts only where a token can start
 * (a lookbehind on the character class), so a long run of letters or digits costs linear time, not a rescan per
 * position.
 */
final class BuiltInDetectors {

    // RFC 5321 bounds: local part 64, labels 63
    static final Detector EMAIL = new Detector("email", text -> text.indexOf('@') >= 0,
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])",
            candidate -> true);
    // 13 to 19 digits, spaces or dashes between them, starting with a card network's first digit (2-6): epoch
    // nanoseconds and most ids start with 1 and would otherwise pass the Luhn check one time in ten
    static final Detector CARD = new Detector("card", BuiltInDetectors::hasThirteenDigits,
            "(?<![0-9])[2-6](?:[ -]?[0-9]){12,18}(?![0-9])", BuiltInDetectors::luhn);
    static final Detector BEARER = new Detector("bearer", text -> containsIgnoreCase(text, "bearer"),
            "(?i)\\bbearer\\s+(?<secret>[A-Za-z0-9._~+/-]{8,}=*)", candidate -> true);
    // whatever scheme: Basic, Token, Digest or none; a value already masked by BEARER starts with '[', and the
    // possessive scheme group keeps the scheme word itself from being taken for the secret
    static final Detector AUTHORIZATION = new Detector("authorization",
            text -> containsIgnoreCase(text, "authorization"),
            "(?i)\\bauthorization[\"']?\\s*[:=]\\s*[\"']?(?:(?:bearer|basic|token|digest)\\s+)?+"
                    + "(?<secret>[^\\s\"',;\\[][^\\s\"',;]*)",
            candidate -> true);
    static final Detector AWS_ACCESS_KEY_ID = new Detector("aws_access_key_id",
            text -> text.contains("AKIA") || text.contains("ASIA"),
            "(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])", candidate -> true);
    static final Detector AWS_SECRET_ACCESS_KEY = new Detector("aws_secret_access_key",
            text -> containsIgnoreCase(text, "aws_secret_access_key"),
            "(?i)aws_secret_access_key[\"']?\\s*[:=]\\s*[\"']?(?<secret>[A-Za-z0-9/+=]{16,})", candidate -> true);

    static final List<Detector> ALL =
            List.of(EMAIL, CARD, BEARER, AUTHORIZATION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY);

    private BuiltInDetectors() {
    }

    private static boolean hasThirteenDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && ++digits == 13) {
                return true;
            }
        }
        return false;
    }

    /** For ASCII needles; avoids lower-casing (copying) every scanned text. */
    private static boolean containsIgnoreCase(String text, String needle) {
        char first = needle.charAt(0);
        for (int i = 0, last = text.length() - needle.length(); i <= last; i++) {
            if ((text.charAt(i) | 0x20) == first && text.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    static boolean luhn(String candidate) {
        int sum = 0;
        boolean doubled = false;
        for (int i = candidate.length() - 1; i >= 0; i--) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int digit = c - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
