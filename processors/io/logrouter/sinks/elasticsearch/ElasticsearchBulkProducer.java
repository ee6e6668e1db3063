package io.logrouter.sinks.elasticsearch;

import io.logrouter.event.DeadLetterEnvelope;
import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.logrouter.event.SinkUnavailableException;
import io.logrouter.sinks.RetryBackoff;
import io.logrouter.sinks.SinkMetrics;
import io.logrouter.sinks.deadletter.DeadLetterHandOff;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultProducer;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the batch in the body as one or more {@code _bulk} requests (split by {@code maxBulkEvents} and
 * {@code maxBulkBytes}, up to {@code maxInFlight} of them awaiting their answer at once), then settles every event:
 * written, retried (429 and 5xx items, and every item of a request that failed whole, with backoff, within the retry
 * budget) or dead-lettered with Elasticsearch's reason. The exchange completes only when each event is written or
 * dead-lettered; otherwise it fails and the source delivers the batch again, which the deterministic ids make
 * harmless. The batch is the unit of acknowledgement: its requests are an internal matter of the sink.
 */
public class ElasticsearchBulkProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchBulkProducer.class);
    static final String STAGE = "elasticsearch";
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson");

    private final ElasticsearchBulkConfiguration configuration;
    private final BulkRequestWriter writer;
    private final boolean createOp;
    private final SinkMetrics metrics;
    private final InFlightRequests inFlight;
    private ProducerTemplate deadLetter;
    private IndexTemplate template;
    private volatile boolean templateInstalled;

    public ElasticsearchBulkProducer(ElasticsearchBulkEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.writer = new BulkRequestWriter(new IndexNameTemplate(configuration.getIndex()), configuration.getOpType(),
                configuration.getMaxBulkEvents(), configuration.getMaxBulkBytes());
        this.createOp = "create".equals(configuration.getOpType());
        this.metrics = new SinkMetrics(STAGE, endpoint.getName());
        this.inFlight = endpoint.inFlight();
    }

    @Override
    public ElasticsearchBulkEndpoint getEndpoint() {
        return (ElasticsearchBulkEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getTemplateFile() != null && !configuration.getTemplateFile().isBlank()) {
            template = IndexTemplate.read(configuration.getTemplateFile(), configuration.getTemplateName());
        }
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
        installTemplate(client, backoff);
        List<LogEvent> pending = batch.events();
        List<LogEvent> rejected = new ArrayList<>();
        while (!pending.isEmpty()) {
            Round round = sendRound(client, pending, rejected, batch, exchange.getFromRouteId());
            pending = round.retry();
            if (!pending.isEmpty() && !backoff.awaitNextAttempt()) {
                throw round.failure() != null
                        ? new SinkUnavailableException("Elasticsearch unavailable after " + backoff.attempts()
                                + " retries: " + round.failure().getMessage(), round.failure())
                        : new SinkUnavailableException(pending.size() + " events still refused after "
                                + backoff.attempts() + " retries", null);
            }
        }
        if (!rejected.isEmpty()) {
            sendToDeadLetter(exchange, batch.part(rejected));
        }
        metrics.acknowledged(batch);
    }

    /** Before the first batch: until the template is in place, documents would be mapped without it. */
    private void installTemplate(RestClient client, RetryBackoff backoff) throws Exception {
        if (template == null || templateInstalled) {
            return;
        }
        synchronized (this) {
            while (!templateInstalled) {
                try {
                    template.install(client);
                    templateInstalled = true;
                    LOG.info("index template {} installed", template.name());
                } catch (IOException e) {
                    if (!retryable(e)) {
                        throw e;
                    }
                    if (!backoff.awaitNextAttempt()) {
                        throw new SinkUnavailableException("index template " + template.name()
                                + " not installed after " + backoff.attempts() + " retries: " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    /** What one pass over the pending events left to retry, and why a whole request failed, if one did. */
    private record Round(List<LogEvent> retry, IOException failure) {
    }

    /**
     * Sends every pending event once, as many requests as the bounds make, then settles each request's items.
     * Requests are written one by one as slots free up, so at most {@code maxInFlight} bodies are waiting for an
     * answer and one more is ready to go.
     */
    private Round sendRound(RestClient client, List<LogEvent> events, List<LogEvent> rejected, EventBatch batch,
            String routeId) throws IOException, InterruptedException {
        List<Sent> sent = new ArrayList<>();
        for (Iterator<BulkRequest> requests = writer.split(events); requests.hasNext();) {
            sent.add(send(client, requests.next()));
        }
        List<LogEvent> retry = new ArrayList<>();
        IOException failure = null;
        IOException fatal = null;
        for (Sent request : sent) {
            try {
                retry.addAll(settle(request.events(), request.results(), rejected, batch, routeId));
            } catch (IOException e) {
                if (retryable(e)) {
                    retry.addAll(request.events());
                    metrics.retried(request.events().size());
                    failure = e;
                } else if (fatal == null) {
                    fatal = e;
                }
            }
        }
        if (fatal != null) {
            throw fatal;
        }
        return new Round(retry, failure);
    }

    /** A request on its way: its events and the answer to come. */
    private record Sent(List<LogEvent> events, CompletableFuture<Response> answer) {

        List<BulkItemResult> results() throws IOException, InterruptedException {
            Response response;
            try {
                response = answer.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
            try (InputStream in = response.getEntity().getContent()) {
                return BulkResultSplitter.split(in, events.size());
            }
        }
    }

    private Sent send(RestClient client, BulkRequest bulk) throws InterruptedException {
        Request request = new Request("POST", "/_bulk");
        request.addParameter("filter_path", BulkResultSplitter.FILTER_PATH);
        request.setEntity(new NByteArrayEntity(bulk.body(), NDJSON));
        int events = bulk.events().size();
        int bytes = bulk.body().length;
        CompletableFuture<Response> answer = new CompletableFuture<>();
        inFlight.acquire();
        long start = System.nanoTime();
        try {
            client.performRequestAsync(request, new ResponseListener() {
                @Override
                public void onSuccess(Response response) {
                    inFlight.release();
                    metrics.request(events, bytes, System.nanoTime() - start);
                    answer.complete(response);
                }

                @Override
                public void onFailure(Exception exception) {
                    inFlight.release();
                    metrics.requestFailed();
                    answer.completeExceptionally(exception);
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
        return new Sent(bulk.events(), answer);
    }

    /**
     * Settles the events written; returns the events to retry; adds the envelopes of the ones refused for good to
     * {@code rejected}, standing in for them until the dead-letter route settles them.
     */
    private List<LogEvent> settle(List<LogEvent> sent, List<BulkItemResult> results, List<LogEvent> rejected,
            EventBatch batch, String routeId) {
        if (results == null) {
            batch.settle(sent);
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
                batch.settlement().settle(sent.get(i));
                written++;
            } else {
                rejected.add(batch.settlement().standIn(sent.get(i),
                        DeadLetterEnvelope.wrap(sent.get(i), STAGE, result.reason(), routeId)));
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

    private void sendToDeadLetter(Exchange exchange, EventBatch rejected) throws Exception {
        DeadLetterHandOff.send(deadLetter, configuration.getDeadLetterUri(), rejected);
        metrics.deadLettered(rejected.size());
        LOG.warn("{} events rejected by Elasticsearch sent to {} (route {})", rejected.size(),
                configuration.getDeadLetterUri(), exchange.getFromRouteId());
    }
}
