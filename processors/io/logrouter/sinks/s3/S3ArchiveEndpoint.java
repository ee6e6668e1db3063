package io.logrouter.sinks.s3;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** An archive in one bucket: key layout, object size and retry policy. Producer only. */
public class S3ArchiveEndpoint extends DefaultEndpoint {

    private final String bucket;
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
