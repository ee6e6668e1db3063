package io.logrouter.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Shippers posting NDJSON chunks of events numbered {@code 0..events-1} to the router, each chunk retried as a
 * well-behaved shipper does (after a connection error, a 429 or a 503) until it is answered 2xx, under the same
 * {@code Idempotency-Key}: a retry of a chunk the router wrote but could not answer overwrites it (exactly once). The
 * answers are counted by status, so a case can say how many 429s a flood drew.
 */
public final class HttpTraffic implements AutoCloseable {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    private final URI endpoint;
    private final int events;
    private final int chunk;
    private final Duration pause;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger nextChunk = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final Set<Integer> acknowledgedChunks = ConcurrentHashMap.newKeySet();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder connectionErrors = new LongAdder();
    private final LongAdder withoutRetryAfter = new LongAdder();
    private final ExecutorService clients;
    private final String run = UUID.randomUUID().toString();

    /**
     * Starts {@code clients} shippers, each pausing {@code pause} between its chunks (zero: as fast as answers come).
     */
    public HttpTraffic(URI endpoint, int events, int chunk, int clients, Duration pause) {
        this.endpoint = endpoint;
        this.events = events;
        this.chunk = chunk;
        this.pause = pause;
        this.clients = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            this.clients.submit(this::ship);
        }
        this.clients.shutdown();
    }

    private Void ship() throws InterruptedException {
        for (int from = nextChunk.getAndIncrement() * chunk; from < events;
                from = nextChunk.getAndIncrement() * chunk) {
            int to = Math.min(events, from + chunk);
            StringBuilder body = new StringBuilder();
            for (int seq = from; seq < to; seq++) {
                body.append(SeqEvents.json(seq)).append('\n');
            }
            while (!post(body.toString(), run + "-" + from / chunk)) {
                Thread.sleep(RETRY_PAUSE.toMillis());
            }
            acknowledged.addAndGet(to - from);
            acknowledgedChunks.add(from / chunk);
            Thread.sleep(pause.toMillis());
        }
        return null;
    }

    private boolean post(String body, String idempotencyKey) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-ndjson").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            if ((status == 429 || status == 503) && response.headers().firstValue("Retry-After").isEmpty()) {
                withoutRetryAfter.increment();
            }
            return status / 100 == 2;
        } catch (IOException e) {
            connectionErrors.increment();
            return false;
        }
    }

    /** Events answered 2xx: the router has them in the sink. */
    public int acknowledged() {
        return acknowledged.get();
    }

    /** Whether the router answered 2xx for the chunk that holds {@code seq}: it promised to have it. */
    public boolean acknowledged(long seq) {
        return acknowledgedChunks.contains((int) (seq / chunk));
    }

    public boolean done() {
        return clients.isTerminated();
    }

    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return clients.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many answers of each status the shippers got, retries included. */
    public Map<Integer, Long> statuses() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }

    /** 429 and 503 answers that did not say when to retry. */
    public long withoutRetryAfter() {
        return withoutRetryAfter.sum();
    }

    public long connectionErrors() {
        return connectionErrors.sum();
    }

    @Override
    public void close() throws InterruptedException {
        clients.shutdownNow();
        clients.awaitTermination(10, TimeUnit.SECONDS);
    }
}
