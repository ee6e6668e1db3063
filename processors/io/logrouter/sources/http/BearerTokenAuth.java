package io.logrouter.sources.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Service;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Lets a request in only with one of the configured tokens: {@code Authorization: Bearer <token>}, or HTTP Basic with
 * the token as the password (any user name), for shippers such as Fluent Bit whose Elasticsearch output only speaks
 * Basic. Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, and against every configured
 * token, so neither the time taken nor an early exit tells a caller how much of a guess was right.
 */
public final class BearerTokenAuth implements Processor, Service {

    static final String CHALLENGE = "Bearer realm=\"log-router\"";

    private boolean enabled = true;
    private List<byte[]> tokenDigests = List.of();

    @Override
    public void process(Exchange exchange) {
        if (!enabled) {
            return;
        }
        String presented = presentedToken(exchange.getMessage().getHeader("Authorization", String.class));
        if (presented == null || !matches(digest(presented))) {
            throw new IngestRejectedException(401, "missing or invalid bearer token");
        }
    }

    private boolean matches(byte[] presented) {
        boolean match = false;
        for (byte[] token : tokenDigests) {
            match |= MessageDigest.isEqual(token, presented);
        }
        return match;
    }

    static String presentedToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = authorization.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = authorization.substring(space + 1).trim();
        if (scheme.equals("bearer")) {
            return credentials;
        }
        if (scheme.equals("basic")) {
            try {
                String userAndPassword = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
                int colon = userAndPassword.indexOf(':');
                return colon < 0 ? null : userAndPassword.substring(colon + 1);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return null;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Comma-separated; several tokens let a client move to a new one before the old one is withdrawn. */
    public void setTokens(String tokens) {
        this.tokenDigests = Arrays.stream(tokens == null ? new String[0] : tokens.split(","))
                .map(String::trim)
                .filter(token -> !token.isEmpty())
                .map(BearerTokenAuth::digest)
                .toList();
    }

    /**
     * Refuses to start open by mistake: authentication on and no token configured is a deployment error. Checked when
     * the route starts, not when the bean is made, so the route checker can read the file without the secret.
     */
    @Override
    public void start() {
        if (tokenDigests.isEmpty()) {
            // not through a routes file's placeholder: routes files may not read credentials
            setTokens(ConfigProvider.getConfig().getOptionalValue("logrouter.http.auth.tokens", String.class)
                    .orElse(null));
        }
        if (enabled && tokenDigests.isEmpty()) {
            throw new IllegalStateException("HTTP ingest authentication is on (logrouter.http.auth.enabled) but no"
                    + " token is configured: set LOGROUTER_HTTP_TOKENS, or LOGROUTER_HTTP_AUTH_ENABLED=false");
        }
    }

    @Override
    public void stop() {
        // nothing held
    }
}
