package io.logrouter.sinks.s3;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.component.aws2.s3.AWS2S3Component;
import org.apache.camel.component.aws2.s3.AWS2S3Configuration;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.component.aws2.s3.client.AWS2S3ClientFactory;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Stores objects through a private Camel {@code aws2-s3} endpoint, which does the signing, the single PUT below the
 * part size and the multipart upload (with abort on failure) above it.
 *
 * <p>The endpoint is started on the first write rather than with the route: starting it asks S3 for the bucket, and
 * an S3 outage at boot must only hold back the archive (its batches fail and are delivered again), not stop the
 * whole router from starting. A failed start is retried on the next write.
 */
final class S3ObjectStore {

    /** A gzip file, not NDJSON sent with Content-Encoding: clients must not unpack it on download. */
    static final String CONTENT_TYPE = "application/gzip";

    private final CamelContext context;
    private final String bucket;
    private final AWS2S3Configuration configuration;
    private S3Client client;
    private Endpoint endpoint;
    private Producer producer;

    S3ObjectStore(CamelContext context, String bucket, AWS2S3Configuration configuration) {
        this.context = context;
        this.bucket = bucket;
        this.configuration = configuration;
    }

    /** Returns once S3 has the object; throws what the AWS SDK threw otherwise. */
    void put(String key, byte[] content) throws Exception {
        Exchange put = new DefaultExchange(context);
        put.getMessage().setHeader(AWS2S3Constants.KEY, key);
        put.getMessage().setHeader(AWS2S3Constants.CONTENT_LENGTH, (long) content.length);
        put.getMessage().setHeader(AWS2S3Constants.CONTENT_TYPE, CONTENT_TYPE);
        put.getMessage().setBody(content);
        started().process(put);
        if (put.getException() != null) {
            throw put.getException();
        }
    }

    private synchronized Producer started() throws Exception {
        if (producer == null) {
            if (client == null) {
                // one client for every start attempt: endpoints that fail to start are discarded, the client is not
                client = AWS2S3ClientFactory.getS3Client(configuration);
                configuration.setAmazonS3Client(client);
            }
            AWS2S3Component component = new AWS2S3Component(context);
            component.setConfiguration(configuration);
            Endpoint created = component.createEndpoint("aws2-s3://" + bucket);
            try {
                ServiceHelper.startService(created);
                Producer createdProducer = created.createProducer();
                ServiceHelper.startService(createdProducer);
                endpoint = created;
                producer = createdProducer;
            } catch (Exception e) {
                ServiceHelper.stopService(created);
                throw e;
            }
        }
        return producer;
    }

    synchronized void stop() {
        ServiceHelper.stopService(producer, endpoint);
        producer = null;
        endpoint = null;
        if (client != null) {
            client.close();
            client = null;
            configuration.setAmazonS3Client(null);
        }
    }
}
