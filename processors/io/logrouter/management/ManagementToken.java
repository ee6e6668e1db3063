package io.logrouter.management;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * The bearer token the management port asks for ({@code logrouter.management.token}, from a Kubernetes Secret). It
 * is compared as a SHA-256 digest with {@link MessageDigest#isEqual}, so the time an answer takes does not tell a
 * caller how much of a guess was right. Testable without Quarkus.
 */
public final class ManagementToken {

    private final byte[] digest;

    private ManagementToken(byte[] digest) {
        this.digest = digest;
    }

    /**
     * Refuses to run the management port open by mistake: authentication on and no token configured is a deployment
     * error, as it is for HTTP ingest. Off, every request is admitted (the local run, a port only a sidecar reaches).
     */
    public static ManagementToken of(boolean enabled, Optional<String> token) {
        if (!enabled) {
            return new ManagementToken(null);
        }
        String configured = token.map(String::trim).orElse("");
        if (configured.isEmpty()) {
            throw new IllegalStateException("management port authentication is on (logrouter.management.auth.enabled)"
                    + " but no token is configured: set LOGROUTER_MANAGEMENT_TOKEN, or"
                    + " LOGROUTER_MANAGEMENT_AUTH_ENABLED=false");
        }
        return new ManagementToken(sha256(configured));
    }

    /** Whether a request with this {@code Authorization} header value may see what the management port serves. */
    public boolean admits(String authorization) {
        if (digest == null) {
            return true;
        }
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring("bearer ".length()).trim()));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
