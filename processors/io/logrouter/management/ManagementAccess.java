package io.logrouter.management;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gate in front of everything the management port serves ({@code /q/metrics}, {@code /q/health*},
 * {@code /admin/*}): the first handler of the management router. With the token a request goes on to what it asked
 * for. Without it, a health probe gets its status and nothing else ({@link HealthStatusOnly}: the kubelet needs no
 * secret, and problem texts and host names stay hidden), and anything else gets 401.
 */
@ApplicationScoped
public class ManagementAccess {

    static final String CHALLENGE = "Bearer realm=\"log-router-management\"";

    private final boolean enabled;
    private final Optional<String> token;
    private final HealthStatusOnly health;

    public ManagementAccess(@ConfigProperty(name = "logrouter.management.auth.enabled") boolean enabled,
            @ConfigProperty(name = "logrouter.management.token") Optional<String> token, HealthStatusOnly health) {
        this.enabled = enabled;
        this.token = token;
        this.health = health;
    }

    void register(@Observes ManagementInterface management) {
        // throws (and so stops the start) when the port would be open by mistake
        ManagementToken admitted = ManagementToken.of(enabled, token);
        management.router().route().order(Integer.MIN_VALUE).handler(request -> {
            if (admitted.admits(request.request().getHeader(HttpHeaders.AUTHORIZATION))) {
                request.next();
            } else if (!health.answer(request)) {
                refuse(request);
            }
        });
    }

    private static void refuse(RoutingContext request) {
        request.response().setStatusCode(401).putHeader("WWW-Authenticate", CHALLENGE)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end("{\"error\":\"missing or invalid bearer token\"}");
    }
}
