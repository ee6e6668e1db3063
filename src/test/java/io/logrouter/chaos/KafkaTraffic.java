package io.logrouter.chaos;

import io.logrouter.sources.kafka.KafkaTestClient;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A shipper producing JSON lines numbered {@code 0..events-1} to a topic at a steady rate, whatever happens to the
 * router or the broker meanwhile. The producer is idempotent and retries for minutes, so a broker restart neither
 * loses nor duplicates a record: every seq is in the topic exactly once, and what the router makes of it is all the
 * audit sees.
 */
public final class KafkaTraffic implements AutoCloseable {

    private static final int TICKS_PER_SECOND = 10;

    private final String topic;
    private final int events;
    private final KafkaProducer<String, String> producer;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final LongAdder failed = new LongAdder();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();

    public KafkaTraffic(String topic, int events, int perSecond) {
        this.topic = topic;
        this.events = events;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestClient.BROKERS,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000,
                ProducerConfig.LINGER_MS_CONFIG, 20),
                new StringSerializer(), new StringSerializer());
        int perTick = Math.max(1, perSecond / TICKS_PER_SECOND);
        writer.scheduleAtFixedRate(() -> send(perTick), 0, 1000 / TICKS_PER_SECOND, TimeUnit.MILLISECONDS);
    }

    private void send(int count) {
        int from = sent.get();
        int to = Math.min(events, from + count);
        for (int seq = from; seq < to; seq++) {
            // keys spread the records over every partition
            producer.send(new ProducerRecord<>(topic, "key-" + seq, SeqEvents.json(seq)), (metadata, error) -> {
                if (error == null) {
                    acknowledged.incrementAndGet();
                } else {
                    failed.increment();
                }
            });
        }
        sent.set(to);
        if (to == events) {
            producer.flush();
            writer.shutdown();
        }
    }

    /** Records the broker acknowledged. */
    public int acknowledged() {
        return acknowledged.get();
    }

    /** Records the producer gave up on (none, unless the broker stayed away for ten minutes). */
    public long failed() {
        return failed.sum();
    }

    public boolean done() {
        return acknowledged.get() + failed.sum() == events;
    }

    @Override
    public void close() throws InterruptedException {
        writer.shutdownNow();
        writer.awaitTermination(10, TimeUnit.SECONDS);
        producer.close();
    }
}
