package io.logrouter.sources.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ContainerLogFileNameTest {

    private static final String ID = "3f1c9e2a7b6d5c4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e";

    @Test
    void readsPodNamespaceContainerAndIdFromTheKubeletsName() {
        assertEquals(Optional.of(new ContainerLogFileName("checkout-7d9f8b6c5-x2kqz", "shop", "checkout", ID)),
                ContainerLogFileName.parse(Path.of("/var/log/containers/checkout-7d9f8b6c5-x2kqz_shop_checkout-" + ID + ".log")));
    }

    @Test
    void aContainerNameMayContainDashes() {
        assertEquals("istio-proxy", ContainerLogFileName.parse(Path.of("/x/web-0_prod_istio-proxy-" + ID + ".log")).orElseThrow().container());
    }

    @Test
    void otherNamesCarryNoMetadata() {
        assertTrue(ContainerLogFileName.parse(Path.of("/var/log/app.log")).isEmpty());
        assertTrue(ContainerLogFileName.parse(Path.of("/x/web-0_prod_nginx-" + ID + ".log.1")).isEmpty());
        assertTrue(ContainerLogFileName.parse(Path.of("/x/web-0_prod_nginx-abc.log")).isEmpty());
    }
}
