package io.logrouter.sinks.elasticsearch;

import static io.logrouter.sinks.elasticsearch.BulkSinkHarness.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The SigV4 wiring of the REST client, checked by a server that verifies signatures: the local stack's S3Proxy
 * (there is no Amazon OpenSearch Service here). S3 and OpenSearch Service use the same algorithm, with the signing
 * name ({@code s3} here, {@code es} or {@code aoss} in production) as the only difference; a request the proxy
 * accepts was signed over its real method, path, query, headers and body, as they went on the wire.
 */
class AwsSigV4RequestSignerTest {

    private static final String S3 = System.getenv().getOrDefault("S3_ENDPOINT", "http://127.0.0.1:9000");

    private ElasticsearchBulkComponent component;

    private RestClient client(String secret) {
        component = new ElasticsearchBulkComponent();
        component.setHosts(S3);
        component.setAwsSigV4(true);
        component.setAwsRegion("us-east-1");
        component.setAwsService("s3");
        component.setAwsCredentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("logrouter", secret)));
        return component.client();
    }

    @AfterEach
    void close() throws Exception {
        component.stop();
    }

    @Test
    void aServerThatChecksSignaturesAcceptsSignedRequestsWithBodiesAndQueries() throws IOException {
        RestClient client = client("logrouter-secret");
        String bucket = unique("essink-sigv4");
        client.performRequest(new Request("PUT", "/" + bucket));
        Request put = new Request("PUT", "/" + bucket + "/events/1.ndjson");
        put.setJsonEntity("{\"message\":\"signed, with a body\"}\n");
        client.performRequest(put);

        Request list = new Request("GET", "/" + bucket);
        list.addParameter("list-type", "2");
        list.addParameter("prefix", "events/");
        String listing = EntityUtils.toString(client.performRequest(list).getEntity(), StandardCharsets.UTF_8);
        assertTrue(listing.contains("<Key>events/1.ndjson</Key>"), listing);
        String read = EntityUtils.toString(
                client.performRequest(new Request("GET", "/" + bucket + "/events/1.ndjson")).getEntity());
        assertEquals("{\"message\":\"signed, with a body\"}\n", read);
    }

    @Test
    void aWrongSecretIsRefusedSoTheCheckAboveMeansSomething() {
        RestClient client = client("not-the-secret");
        ResponseException refused = assertThrows(ResponseException.class,
                () -> client.performRequest(new Request("PUT", "/" + unique("essink-sigv4"))));
        assertEquals(403, refused.getResponse().getStatusLine().getStatusCode());
    }
}
