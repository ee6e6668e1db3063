package io.logrouter.sources.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Camel finds the component by its scheme and binds every option from the URI. */
class TailEndpointTest {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void bindsTheOptionsOfAContainerLogUri() {
        TailEndpoint endpoint = context.getEndpoint("tail:containers?include=/var/log/containers/*.log,/var/log/pods/**/*.log"
                + "&exclude=/var/log/containers/*_kube-system_*.log&registry=/var/lib/logrouter/tail-registry.json&format=cri"
                + "&batchSize=500&batchMaxBytes=1048576&batchLinger=250&scanInterval=2000&pollInterval=50&maxEventBytes=131072&readFromHead=false"
                + "&rotateWait=3000&multilineStart=RAW(^\\d{4}-\\d{2}-\\d{2} )&multilineFlushMs=1500", TailEndpoint.class);
        TailConfiguration config = endpoint.getConfiguration();

        assertEquals("containers", endpoint.getName());
        assertEquals(List.of("/var/log/containers/*.log", "/var/log/pods/**/*.log"), config.getInclude());
        assertEquals(List.of("/var/log/containers/*_kube-system_*.log"), config.getExclude());
        assertEquals("/var/lib/logrouter/tail-registry.json", config.getRegistry());
        assertEquals(LogFormat.CRI, config.getFormat());
        assertEquals(500, config.getBatchSize());
        assertEquals(1048576, config.getBatchMaxBytes());
        assertEquals(250, config.getBatchLinger());
        assertEquals(2000, config.getScanInterval());
        assertEquals(50, config.getPollInterval());
        assertEquals(131072, config.getMaxEventBytes());
        assertEquals(false, config.isReadFromHead());
        assertEquals(3000, config.getRotateWait());
        assertEquals("^\\d{4}-\\d{2}-\\d{2} ", config.getMultilinePattern().pattern());
        assertEquals(MultilineMatch.START, config.getMultilineMatch());
        assertEquals(1500, config.getMultilineFlushMs());
    }

    @Test
    void multilineMatchIsBoundByName() {
        TailConfiguration config = context.getEndpoint("tail:x?include=/a/*.log&registry=/r&multilinePattern=RAW(^\\d)"
                + "&multilineMatch=start", TailEndpoint.class).getConfiguration();
        assertEquals("^\\d", config.getMultilinePattern().pattern());
        assertEquals(MultilineMatch.START, config.getMultilineMatch());
    }

    @Test
    void defaultsSuitANodeAgent() {
        TailConfiguration config = context.getEndpoint("tail:x?include=/var/log/*.log&registry=/tmp/r.json", TailEndpoint.class)
                .getConfiguration();
        assertEquals(LogFormat.AUTO, config.getFormat());
        assertEquals(1000, config.getBatchSize());
        assertEquals(8 * 1024 * 1024, config.getBatchMaxBytes());
        assertEquals(200, config.getBatchLinger());
        assertEquals(1000, config.getScanInterval());
        assertEquals(100, config.getPollInterval());
        assertEquals(256 * 1024, config.getMaxEventBytes());
        assertEquals(true, config.isReadFromHead());
        assertEquals(MultilineMatch.CONTINUATION, config.getMultilineMatch());
        assertEquals(1000, config.getMultilineFlushMs());
    }

    @Test
    void anUnknownOptionOrFormatFailsInsteadOfBeingIgnored() {
        assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("tail:x?include=/a/*.log&registry=/r&bacthSize=5"));
        assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("tail:x?include=/a/*.log&registry=/r&format=syslog"));
    }

    @Test
    void settingsTheConsumerCannotWorkWithFailEndpointCreation() {
        for (String uri : List.of("tail:x?registry=/r", "tail:x?include=/a/*.log", "tail:x?include=logs/*.log&registry=/r",
                "tail:x?include=/a/*.log&registry=/r&pollInterval=0", "tail:x?include=/a/*.log&registry=/r&batchSize=0",
                "tail:x?include=/a/*.log&registry=/r&multilinePattern=RAW(()")) {
            assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(uri), uri);
        }
    }

    @Test
    void nothingCanBeSentToATailEndpoint() {
        TailEndpoint endpoint = context.getEndpoint("tail:x?include=/a/*.log&registry=/r", TailEndpoint.class);
        assertThrows(UnsupportedOperationException.class, endpoint::createProducer);
    }
}
