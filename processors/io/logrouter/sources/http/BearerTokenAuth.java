package io.logrouter.sources.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets a request on the ingest port in only with one of the configured tokens ({@code logrouter.http.auth.tokens}):
 * {@code Authorization: Bearer <token>}, or HTTP Basic with the token as the password (any user name), for shippers
 * such as Fluent Bit whose Elasticsearch output only speaks Basic. It runs when a request's headers have arrived,
 * ahead of {@link RequestBodyAdmission}: a request without a valid token is answered 401 before any of its body is
 * held or any of the memory budget taken, so clients without a token cannot crowd out real shippers. Quarkus's own
 * endpoints (health, metrics, under the non-application root) are left to their own port and settings.
 *
 * <p>Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, and against every configured token,
 * so neither the time taken nor an early exit tells a caller how much of a guess was right. They are read here from
 * the configuration, never through a route file.
 */
@ApplicationScoped
public class BearerTokenAuth {

    static final String CHALLENGE = "Bearer realm=\"log-router\"";

    /** Before {@link RequestBodyAdmission}, so that a request without a token never takes any of the budget. */
    private static final int PRIORITY = 1100;

    private final boolean enabled;
    private final List<byte[]> tokenDigests;
    private final String nonApplicationRoot;

    /**
     * Refuses to start open by mistake: authentication on and no token configured is a deployment error, and the
     * router does not start.
     */
    BearerTokenAuth(@ConfigProperty(name = "logrouter.http.auth.enabled") boolean enabled,
            @ConfigProperty(name = "logrouter.http.auth.tokens") Optional<String> tokens,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q")
            String nonApplicationRoot) {
        this.enabled = enabled;
        this.tokenDigests = digests(tokens.orElse(""));
        this.nonApplicationRoot = "/" + nonApplicationRoot.replaceAll("^/+|/+$", "") + "/";
        if (enabled && tokenDigests.isEmpty()) {
            throw new IllegalStateException("HTTP ingest authentication is on (logrouter.http.auth.enabled) but no"
                    + " token is configured: set LOGROUTER_HTTP_TOKENS, or LOGROUTER_HTTP_AUTH_ENABLED=false");
        }
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        if (!enabled || context.normalizedPath().startsWith(nonApplicationRoot)
                || admits(context.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            context.next();
            return;
        }
        context.response().putHeader("WWW-Authenticate", CHALLENGE);
        ElasticsearchError.respond(context, 401, 0, "missing or invalid bearer token");
    }

    /** Whether this {@code Authorization} header value carries one of the tokens. */
    boolean admits(String authorization) {
        String presented = presentedToken(authorization);
        if (presented == null) {
            return false;
        }
        byte[] digest = digest(presented);
        boolean match = false;
        for (byte[] token : tokenDigests) {
            match |= MessageDigest.isEqual(token, digest);
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

    /** Comma-separated; several tokens let a client move to a new one before the old one is withdrawn. */
    private static List<byte[]> digests(String tokens) {
        return Arrays.stream(tokens.split(","))
                .map(String::trim)
                .filter(token -> !token.isEmpty())
                .map(BearerTokenAuth::digest)
                .toList();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
