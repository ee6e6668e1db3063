package io.logrouter.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the routes folder when the router starts, then looks at it every poll interval and reloads what changed.
 * Polling by content hash rather than file events: a ConfigMap update swaps the {@code ..data} link under the
 * files, which file watchers do not reliably report, and a hash tells an edit from a mere new timestamp.
 */
@ApplicationScoped
public class RouteFolderWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFolderWatcher.class);

    private final CamelContext context;
    private final MeterRegistry meters;
    private final RouteFolder folder;
    private final Duration pollInterval;
    private final RouteAllowList allowList;
    private final RouteReloader reloader;
    private volatile boolean reconciling;
    private ScheduledExecutorService executor;
    private boolean missingReported;

    public RouteFolderWatcher(CamelContext context, MeterRegistry meters, Config config,
            @ConfigProperty(name = "logrouter.routes.dir") Path dir,
            @ConfigProperty(name = "logrouter.routes.poll-interval") Duration pollInterval,
            @ConfigProperty(name = "logrouter.routes.stop-timeout") Duration stopTimeout) {
        this.context = context;
        this.meters = meters;
        this.folder = new RouteFolder(dir);
        this.pollInterval = pollInterval;
        this.allowList = RouteAllowList.from(config);
        this.reloader = new RouteReloader(context, allowList, stopTimeout);
    }

    /**
     * Camel is started by now: the route guard is installed, then the files' routes are added to the running
     * context, like every later reload.
     */
    void start(@Observes StartupEvent event) {
        // before the first file is read; a guard that cannot be installed stops the router rather than run it open
        RouteGuard.install(context, allowList, meters);
        poll();
        executor = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "route-folder-watch");
        executor.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            context.getExecutorServiceManager().shutdownNow(executor);
        }
    }

    public List<RouteFileStatus> statuses() {
        return reloader.statuses();
    }

    /**
     * Whether the routes are being compared with the folder and swapped right now: a route missing at this moment may
     * be between its old and its new version.
     */
    public boolean reconciling() {
        return reconciling;
    }

    public Path dir() {
        return folder.dir();
    }

    private void poll() {
        if (!Files.isDirectory(folder.dir())) {
            // a missing mount is not an empty folder: keep what runs rather than remove every route
            if (!missingReported) {
                LOG.warn("Routes folder {} does not exist; the loaded routes keep running", folder.dir());
                missingReported = true;
            }
            return;
        }
        missingReported = false;
        reconciling = true;
        try {
            for (RouteFileStatus change : reloader.reconcile(folder.read())) {
                Counter.builder("logrouter.route.reloads")
                        .description("Routes files loaded, rejected (previous version kept) or removed")
                        .tag("file", Path.of(change.file()).getFileName().toString())
                        .tag("result", change.lastResult().label())
                        .register(meters).increment();
            }
        } catch (IOException e) {
            LOG.warn("Routes folder {} could not be read; looking again in {}", folder.dir(), pollInterval, e);
        } catch (RuntimeException e) {
            LOG.error("Routes folder {}: reload failed; looking again in {}", folder.dir(), pollInterval, e);
        } finally {
            reconciling = false;
        }
    }
}
