package io.logrouter.reload;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A started Camel context with a reloader over it, for the reload tests that need no server. */
abstract class RunningReloader {

    static final RouteAllowList ALLOW = new RouteAllowList(Set.of("direct", "log"),
            Set.of("constant", "simple"), List.of("io.logrouter."));

    final MeterRegistry meters = new SimpleMeterRegistry();
    CamelContext context;
    ProducerTemplate producer;
    RouteReloader reloader;

    @BeforeEach
    void startCamel() {
        context = new DefaultCamelContext();
        RouteGuard.install(context, ALLOW, meters);
        context.start();
        producer = context.createProducerTemplate();
        reloader = new RouteReloader(context, ALLOW, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }
}
