package io.logrouter.sinks.elasticsearch;

import static io.logrouter.sinks.elasticsearch.BulkSinkHarness.deleteIndices;
import static io.logrouter.sinks.elasticsearch.BulkSinkHarness.unique;
import static io.logrouter.sinks.elasticsearch.BulkSinkHarness.versionsById;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.logrouter.event.LogEvent;
import io.logrouter.event.SinkUnavailableException;
import io.logrouter.it.TcpProxy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caCertificate}: a cluster whose certificate a private CA signed. A self-signed certificate made here with
 * keytool stands for that CA; a {@link TcpProxy} serves TLS with it in front of the local plain-HTTP Elasticsearch.
 */
class CustomCaTlsTest {

    private static final String PASSWORD = "essink-tls";
    private static final String SERVER = BulkSinkHarness.servers().findFirst().orElseThrow();

    @TempDir
    static Path dir;
    private static SSLContext serverTls;
    private static Path caPem;

    @BeforeAll
    static void makeCertificate() throws Exception {
        Path keystore = dir.resolve("server.p12");
        caPem = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "es", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "es", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", caPem.toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }

    @Test
    void theClusterSignedByTheGivenCaIsTrusted() throws Exception {
        String index = unique("essink-tls");
        try {
            try (TcpProxy tls = TcpProxy.tlsTo(SERVER, serverTls);
                    BulkSinkHarness sink = new BulkSinkHarness(tls.url("https"), "index=" + index,
                            component -> component.setCaCertificate(caPem.toString()))) {
                assertNull(sink.send(List.of(LogEvent.ofMessage("tls-1", "over TLS"))).getException());
                assertEquals(Set.of("tls-1"), versionsById(SERVER, index).keySet());
            }
        } finally {
            deleteIndices(SERVER, index);
        }
    }

    @Test
    void withoutTheCaTheSameClusterIsNotTrusted() throws Exception {
        try (TcpProxy tls = TcpProxy.tlsTo(SERVER, serverTls);
                BulkSinkHarness sink = new BulkSinkHarness(tls.url("https"),
                        "index=" + unique("essink-tls") + "&retryBudgetMillis=300")) {
            Exception failure = sink.send(List.of(LogEvent.ofMessage("tls-2", "refused"))).getException();
            assertInstanceOf(SinkUnavailableException.class, failure);
            assertInstanceOf(SSLException.class, failure.getCause(), "refused by the TLS handshake");
        }
    }
}
