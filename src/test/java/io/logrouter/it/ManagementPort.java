package io.logrouter.it;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests to the router's management port ({@code /q/health*}, {@code /q/metrics}, {@code /admin/*}), which a test
 * router opens on a random port ({@code %test.quarkus.management.test-port=0}); Quarkus publishes the port it got in
 * the same setting.
 */
public final class ManagementPort {

    private ManagementPort() {
    }

    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** As Prometheus or an operator asks: with the management token. */
    public static RequestSpecification withToken() {
        return withoutToken().header("Authorization", "Bearer "
                + ConfigProvider.getConfig().getValue("logrouter.management.token", String.class));
    }

    /** As the kubelet asks, or anyone who reaches the port without the token. */
    public static RequestSpecification withoutToken() {
        return given().port(port());
    }
}
