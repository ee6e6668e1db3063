package io.logrouter.reload;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows each routes file's state in the readiness details, and stays UP whatever it shows: a rejected file leaves its
 * previous version running, so the router still serves, and taking it out of service (or restarting it) for a bad
 * edit would turn a typo into an outage.
 */
@Readiness
@ApplicationScoped
public class RouteFilesHealthCheck implements HealthCheck {

    private final RouteFolderWatcher watcher;

    public RouteFilesHealthCheck(RouteFolderWatcher watcher) {
        this.watcher = watcher;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("route-files").up()
                .withData("dir", watcher.dir().toString());
        long rejected = 0;
        for (RouteFileStatus status : watcher.statuses()) {
            if (status.lastResult() == RouteFileStatus.Result.REJECTED) {
                rejected++;
                response.withData(status.file(), "rejected version " + status.lastVersion() + ": "
                        + status.problems().get(0) + (status.version() == null ? "" : "; running version "
                        + status.version()));
            } else {
                response.withData(status.file(), "loaded version " + status.version());
            }
        }
        return response.withData("rejected", rejected).build();
    }
}
