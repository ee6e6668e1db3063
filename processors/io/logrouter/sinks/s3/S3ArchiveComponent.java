package io.logrouter.sinks.s3;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.component.aws2.s3.AWS2S3Configuration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code s3-archive} sink: where S3 is and how to sign in, shared by every archive endpoint. Static keys are
 * for S3-compatible stores (S3Proxy, MinIO); without them the AWS SDK's default credential chain applies, which on
 * EKS picks up the pod's IAM role through IRSA (the web identity token) or EKS Pod Identity. Each endpoint's options
 * are {@link S3ArchiveConfiguration}'s.
 */
@Component("s3-archive")
public class S3ArchiveComponent extends DefaultComponent {

    @Metadata(defaultValue = "us-east-1", description = "The bucket's AWS region")
    private String region = "us-east-1";
    @Metadata(description = "The URL of an S3-compatible store, such as http://127.0.0.1:9000; empty for AWS S3 itself")
    private String uriEndpointOverride;
    @Metadata(description = "http://host/bucket/key instead of http://bucket.host/key, which most S3-compatible stores need; unset, it is on exactly when uriEndpointOverride is set")
    private Boolean forcePathStyle;
    @Metadata(label = "security", secret = true, description = "Access key, for S3-compatible stores; the AWS SDK's default credentials chain (IRSA, Pod Identity) when empty")
    private String accessKey;
    @Metadata(label = "security", secret = true, description = "Secret key, with accessKey")
    private String secretKey;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining.isBlank()) {
            throw new IllegalArgumentException("s3-archive needs a bucket: s3-archive:my-bucket");
        }
        S3ArchiveConfiguration configuration = new S3ArchiveConfiguration();
        setProperties(configuration, parameters);
        return new S3ArchiveEndpoint(uri, this, remaining, configuration);
    }

    /** The settings of the Camel {@code aws2-s3} endpoint that stores the objects of one archive endpoint. */
    AWS2S3Configuration s3Configuration(S3ArchiveConfiguration archive) {
        AWS2S3Configuration s3 = new AWS2S3Configuration();
        s3.setRegion(region);
        if (uriEndpointOverride != null && !uriEndpointOverride.isBlank()) {
            s3.setOverrideEndpoint(true);
            s3.setUriEndpointOverride(uriEndpointOverride);
        }
        s3.setForcePathStyle(forcePathStyle != null ? forcePathStyle : s3.isOverrideEndpoint());
        if (accessKey != null && !accessKey.isBlank()) {
            s3.setAccessKey(accessKey);
            s3.setSecretKey(secretKey);
        } else {
            s3.setUseDefaultCredentialsProvider(true);
        }
        s3.setAutoCreateBucket(archive.isAutoCreateBucket());
        s3.setMultiPartUpload(true);
        s3.setPartSize(archive.getPartSize());
        return s3;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getUriEndpointOverride() {
        return uriEndpointOverride;
    }

    public void setUriEndpointOverride(String uriEndpointOverride) {
        this.uriEndpointOverride = uriEndpointOverride;
    }

    public Boolean getForcePathStyle() {
        return forcePathStyle;
    }

    public void setForcePathStyle(Boolean forcePathStyle) {
        this.forcePathStyle = forcePathStyle;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }
}
