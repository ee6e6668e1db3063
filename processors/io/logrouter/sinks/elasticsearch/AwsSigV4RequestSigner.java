package io.logrouter.sinks.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpException;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.protocol.HttpContext;
import org.apache.http.protocol.HttpCoreContext;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * Signs every request of the REST client with AWS Signature Version 4, as Amazon OpenSearch Service ({@code es})
 * and OpenSearch Serverless ({@code aoss}) require. Runs last among the HTTP client's interceptors, when the Host,
 * Content-Length and every other header are final, and signs them all with the body's SHA-256, which it also sends
 * as {@code x-amz-content-sha256} (Serverless refuses requests without it). Credentials come from the provider on
 * each request, so the SDK's default chain refreshes IRSA web-identity credentials on its own.
 */
final class AwsSigV4RequestSigner implements HttpRequestInterceptor {

    private static final String CONTENT_SHA256 = "x-amz-content-sha256";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final String service;

    AwsSigV4RequestSigner(AwsCredentialsProvider credentials, String region, String service) {
        this.credentials = credentials;
        this.region = region;
        this.service = service;
    }

    @Override
    public void process(HttpRequest request, HttpContext context) throws HttpException, IOException {
        HttpHost target = HttpCoreContext.adapt(context).getTargetHost();
        byte[] body = body(request);
        SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(request.getRequestLine().getMethod()))
                .uri(URI.create(target.toURI() + request.getRequestLine().getUri()));
        for (Header header : request.getAllHeaders()) {
            unsigned.appendHeader(header.getName(), header.getValue());
        }
        unsigned.putHeader(CONTENT_SHA256, sha256(body));
        SdkHttpRequest signed = signer.sign(sign -> sign
                .identity(credentials.resolveCredentials())
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region))
                .request();
        signed.forEachHeader((name, values) -> {
            if (name.equalsIgnoreCase("Authorization") || name.regionMatches(true, 0, "x-amz-", 0, 6)) {
                request.setHeader(name, values.get(0));
            }
        });
    }

    private static byte[] body(HttpRequest request) throws IOException {
        if (!(request instanceof HttpEntityEnclosingRequest enclosing) || enclosing.getEntity() == null) {
            return new byte[0];
        }
        HttpEntity entity = enclosing.getEntity();
        if (!entity.isRepeatable()) {
            throw new IOException("cannot sign a request whose body can be read only once");
        }
        try (InputStream in = entity.getContent()) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
