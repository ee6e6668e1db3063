package io.logrouter.routes;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.camel.spi.CamelEvent;
import org.eclipse.microprofile.config.Config;

/** Installs the route guard in the router's context as it initializes, before anything resolves simple. */
@ApplicationScoped
public class RouteGuardInstaller {

    void install(@Observes CamelEvent.CamelContextInitializingEvent event, Config config, MeterRegistry meters) {
        RouteGuard.install(event.getContext(), RouteAllowList.from(config), meters);
    }
}
