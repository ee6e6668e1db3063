package io.logrouter.sinks.elasticsearch;

import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.logrouter.sinks.RetryBackoff;
import io.logrouter.sinks.SinkMetrics;
import io.logrouter.sinks.SinkUnavailableException;
import io.logrouter.sinks.deadletter.DeadLetterEnvelope;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultProducer;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the batch in the body with one {@code _bulk} request, then settles every event: written, retried (429 and
 * 5xx items, with backoff, within the retry budget) or dead-lettered with Elasticsearch's reason. The exchange
 * completes only when each event is written or dead-lettered; otherwise it fails and the source delivers the batch
 * again, which the deterministic ids make harmless.
 */
public class ElasticsearchBulkProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchBulkProducer.class);
    static final String STAGE = "elasticsearch";
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson");

    private final ElasticsearchBulkConfiguration configuration;
    private final BulkRequestWriter writer;
    private final boolean createOp;
    private final SinkMetrics metrics;
    private ProducerTemplate deadLetter;

    public ElasticsearchBulkProducer(ElasticsearchBulkEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.writer = new BulkRequestWriter(new IndexNameTemplate(configuration.getIndex()), configuration.getOpType());
        this.createOp = "create".equals(configuration.getOpType());
        this.metrics = new SinkMetrics(STAGE, endpoint.getName());
    }

    @Override
    public ElasticsearchBulkEndpoint getEndpoint() {
        return (ElasticsearchBulkEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        deadLetter = getEndpoint().getCamelContext().createProducerTemplate();
    }

    @Override
    protected void doStop() throws Exception {
        if (deadLetter != null) {
            deadLetter.stop();
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        EventBatch batch = exchange.getMessage().getMandatoryBody(EventBatch.class);
        RestClient client = getEndpoint().getComponent().client();
        RetryBackoff backoff = new RetryBackoff(configuration.getRetryInitialMillis(),
                configuration.getRetryMaxMillis(), configuration.getRetryBudgetMillis());
        List<LogEvent> pending = batch.events();
        List<LogEvent> rejected = new ArrayList<>();
        while (!pending.isEmpty()) {
            try {
                pending = settle(pending, send(client, pending), rejected, exchange.getFromRouteId());
            } catch (IOException e) {
                metrics.requestFailed();
                if (!retryable(e)) {
                    throw e;
                }
                if (!backoff.awaitNextAttempt()) {
                    throw new SinkUnavailableException("Elasticsearch unavailable after " + backoff.attempts()
                            + " retries: " + e.getMessage(), e);
                }
                continue;
            }
            if (!pending.isEmpty() && !backoff.awaitNextAttempt()) {
                throw new SinkUnavailableException(pending.size() + " events still refused after "
                        + backoff.attempts() + " retries", null);
            }
        }
        if (!rejected.isEmpty()) {
            sendToDeadLetter(exchange, rejected);
        }
    }

    private List<BulkItemResult> send(RestClient client, List<LogEvent> events) throws IOException {
        byte[] body = writer.write(events);
        Request request = new Request("POST", "/_bulk");
        request.addParameter("filter_path", BulkResultSplitter.FILTER_PATH);
        request.setEntity(new NByteArrayEntity(body, NDJSON));
        long start = System.nanoTime();
        Response response = client.performRequest(request);
        try (InputStream in = response.getEntity().getContent()) {
            List<BulkItemResult> results = BulkResultSplitter.split(in, events.size());
            metrics.request(events.size(), body.length, System.nanoTime() - start);
            return results;
        }
    }

    /** Returns the events to retry; adds the ones refused for good to {@code rejected}. */
    private List<LogEvent> settle(List<LogEvent> sent, List<BulkItemResult> results, List<LogEvent> rejected,
            String routeId) {
        if (results == null) {
            metrics.written(sent.size());
            return List.of();
        }
        List<LogEvent> retry = new ArrayList<>();
        int written = 0;
        for (int i = 0; i < sent.size(); i++) {
            BulkItemResult result = results.get(i);
            if (result.retryable()) {
                retry.add(sent.get(i));
            } else if (result.written(createOp)) {
                written++;
            } else {
                rejected.add(DeadLetterEnvelope.wrap(sent.get(i), STAGE, result.reason(), routeId));
            }
        }
        metrics.written(written);
        metrics.retried(retry.size());
        return retry;
    }

    private static boolean retryable(IOException e) {
        if (e instanceof ResponseException response) {
            int status = response.getResponse().getStatusLine().getStatusCode();
            return status == 429 || status >= 500;
        }
        return true;
    }

    private void sendToDeadLetter(Exchange exchange, List<LogEvent> rejected) throws Exception {
        Exchange result = deadLetter.send(configuration.getDeadLetterUri(),
                dead -> dead.getMessage().setBody(new EventBatch(rejected)));
        if (result.getException() != null) {
            throw result.getException();
        }
        metrics.deadLettered(rejected.size());
        LOG.warn("{} events rejected by Elasticsearch sent to {} (route {})", rejected.size(),
                configuration.getDeadLetterUri(), exchange.getFromRouteId());
    }
}
