package io.logrouter.sinks.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A bucket of its own on the shared S3Proxy of the local stack, read back with the plain AWS SDK. */
public final class ArchiveBucket implements AutoCloseable {

    static final String ENDPOINT = "http://127.0.0.1:9000";
    static final String ACCESS_KEY = "logrouter";
    static final String SECRET_KEY = "logrouter-secret";

    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    private final S3Client s3 = S3Client.builder()
            .endpointOverride(URI.create(ENDPOINT))
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .build();

    ArchiveBucket() {
        this("it-archive-" + UUID.randomUUID());
    }

    /** A bucket that a router under test creates itself. */
    public ArchiveBucket(String name) {
        this.name = name;
    }

    List<S3Object> objects() {
        List<S3Object> objects = new ArrayList<>();
        s3.listObjectsV2Paginator(list -> list.bucket(name)).contents().forEach(objects::add);
        return objects;
    }

    public List<String> keys() {
        return objects().stream().map(S3Object::key).sorted().toList();
    }

    HeadObjectResponse head(String key) {
        return s3.headObject(head -> head.bucket(name).key(key));
    }

    /** Every line of every object, by key. */
    public Map<String, List<JsonNode>> lines() throws IOException {
        Map<String, List<JsonNode>> lines = new TreeMap<>();
        for (String key : keys()) {
            byte[] gzip = s3.getObjectAsBytes(GetObjectRequest.builder().bucket(name).key(key).build()).asByteArray();
            List<JsonNode> parsed = new ArrayList<>();
            for (String line : NdjsonGzipWriterTest.gunzipLines(gzip)) {
                parsed.add(JSON.readTree(line));
            }
            lines.put(key, parsed);
        }
        return lines;
    }

    @Override
    public void close() {
        try (s3) {
            List<ObjectIdentifier> keys = keys().stream().map(key -> ObjectIdentifier.builder().key(key).build())
                    .toList();
            if (!keys.isEmpty()) {
                s3.deleteObjects(delete -> delete.bucket(name).delete(Delete.builder().objects(keys).build()));
            }
            s3.deleteBucket(delete -> delete.bucket(name));
        } catch (NoSuchBucketException e) {
            // the test failed before anything was stored
        }
    }
}
