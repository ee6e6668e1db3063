package io.logrouter.sinks.s3;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Archives event batches in an S3 bucket as gzip NDJSON objects under Hive-style partition keys, each batch stored
 * before its exchange completes. Producer only.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "s3-archive", title = "S3 archive", syntax = "s3-archive:bucket",
        producerOnly = true, category = { Category.CLOUD, Category.FILE })
public class S3ArchiveEndpoint extends DefaultEndpoint {

    @UriPath(description = "The bucket the objects are stored in")
    @Metadata(required = true)
    private final String bucket;
    @UriParam
    private final S3ArchiveConfiguration configuration;

    public S3ArchiveEndpoint(String uri, S3ArchiveComponent component, String bucket,
            S3ArchiveConfiguration configuration) {
        super(uri, component);
        this.bucket = bucket;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new S3ArchiveProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("s3-archive is a sink; it cannot be consumed from");
    }

    @Override
    public S3ArchiveComponent getComponent() {
        return (S3ArchiveComponent) super.getComponent();
    }

    public String getBucket() {
        return bucket;
    }

    public S3ArchiveConfiguration getConfiguration() {
        return configuration;
    }
}
