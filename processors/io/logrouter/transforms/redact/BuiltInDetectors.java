package io.logrouter.transforms.redact;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The detectors a Redactor applies unless the route lists others. Each regex starts only where a token can start
 * (a lookbehind on the character class), so a long run of letters or digits costs linear time, not a rescan per
 * position.
 */
final class BuiltInDetectors {

    // RFC 5321 bounds: local part 64, labels 63
    static final Detector EMAIL = Detector.of("email",
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])");
    // 13 to 19 digits, spaces or dashes between them, starting with a card network's first digit (2-6): epoch
    // nanoseconds and most ids start with 1 and would otherwise pass the Luhn check one time in ten
    static final Detector CARD = new Detector("card",
            Pattern.compile("(?<![0-9])[2-6](?:[ -]?[0-9]){12,18}(?![0-9])"), BuiltInDetectors::luhn);
    static final Detector BEARER = Detector.of("bearer",
            "(?i)\\bbearer\\s+(?<secret>[A-Za-z0-9._~+/-]{8,}=*)");
    // whatever scheme: Basic, Token, Digest or none; a value already masked by BEARER starts with '[', and the
    // possessive scheme group keeps the scheme word itself from being taken for the secret
    static final Detector AUTHORIZATION = Detector.of("authorization",
            "(?i)\\bauthorization[\"']?\\s*[:=]\\s*[\"']?(?:(?:bearer|basic|token|digest)\\s+)?+"
                    + "(?<secret>[^\\s\"',;\\[][^\\s\"',;]*)");
    static final Detector AWS_ACCESS_KEY_ID = Detector.of("aws_access_key_id",
            "(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])");
    static final Detector AWS_SECRET_ACCESS_KEY = Detector.of("aws_secret_access_key",
            "(?i)aws_secret_access_key[\"']?\\s*[:=]\\s*[\"']?(?<secret>[A-Za-z0-9/+=]{16,})");

    static final List<Detector> ALL =
            List.of(EMAIL, CARD, BEARER, AUTHORIZATION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY);

    private BuiltInDetectors() {
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
