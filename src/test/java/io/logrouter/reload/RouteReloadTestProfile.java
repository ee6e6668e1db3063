package io.logrouter.reload;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** The router with a routes folder of its own, empty at start, looked at often. */
public class RouteReloadTestProfile implements QuarkusTestProfile {

    static final Path ROOT = Path.of("target/it/reload-" + UUID.randomUUID()).toAbsolutePath();
    static final Path ROUTES = ROOT.resolve("routes");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("logrouter.routes.dir", ROUTES.toString(), "logrouter.routes.poll-interval", "300ms");
    }
}
