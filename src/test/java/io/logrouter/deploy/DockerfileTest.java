package io.logrouter.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JVM image, checked by reading it: there is no Docker here to build it. */
class DockerfileTest {

    private static final Pattern JRE_17_OR_21 = Pattern.compile(
            "registry\\.access\\.redhat\\.com/ubi9/openjdk-(17|21)-runtime:[0-9.]+|eclipse-temurin:(17|21)-jre.*");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|API_KEY|ACCESS_KEY).*");

    private final Dockerfile dockerfile = Dockerfile.read();
    private final ApplicationDefaults application = new ApplicationDefaults();

    @Test
    void runsTheQuarkusFastJarOnAJre() {
        assertTrue(JRE_17_OR_21.matcher(dockerfile.all("FROM").get(0)).matches(), dockerfile.all("FROM").toString());
        List<String> copies = dockerfile.all("COPY");
        for (String layout : List.of("target/quarkus-app/lib/ /deployments/lib/", "target/quarkus-app/*.jar /deployments/",
                "target/quarkus-app/app/ /deployments/app/", "target/quarkus-app/quarkus/ /deployments/quarkus/")) {
            assertTrue(copies.contains("--chown=185 " + layout), "COPY " + layout);
        }
        assertEquals("/deployments/quarkus-run.jar", dockerfile.environment().get("JAVA_APP_JAR"));
        assertEquals(List.of(String.valueOf(application.httpPort()), String.valueOf(application.managementPort())),
                dockerfile.all("EXPOSE"));
    }

    @Test
    void runsAsNonRootWithOnlyVolumesWritable() {
        assertNotEquals(0, dockerfile.user());
        assertEquals(185, dockerfile.user(), "the uid of Quarkus' images, which the manifests run as");
        String volumes = dockerfile.all("VOLUME").get(0);
        String registryDir = Path.of(application.defaultOf("logrouter.tail.registry")).getParent().toString();
        assertTrue(volumes.contains("\"/tmp\"") && volumes.contains("\"" + registryDir + "\""), volumes);
        assertTrue(dockerfile.environment().get("JAVA_OPTS_APPEND").contains("-Djava.io.tmpdir=/tmp"));
    }

    @Test
    void bakesInTheRoutesButNoCredentials() {
        Map<String, String> environment = dockerfile.environment();
        assertTrue(dockerfile.all("COPY").contains("--chown=185 routes/ " + environment.get("LOGROUTER_ROUTES_DIR") + "/"));
        assertTrue(application.environmentVariables().contains("LOGROUTER_ROUTES_DIR"));
        for (String keyword : List.of("ENV", "ARG")) {
            for (String instruction : dockerfile.all(keyword)) {
                assertFalse(SECRET_NAME.matcher(instruction.split("[=\\s]", 2)[0]).matches(), keyword + " " + instruction);
            }
        }
    }
}
