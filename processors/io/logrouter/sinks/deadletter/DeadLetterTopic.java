package io.logrouter.sinks.deadletter;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the dead-letter topic take the records the dead-letter producer sends: a topic's {@code max.message.bytes}
 * defaults to the broker's (1 MiB), so an event the router accepted, refused by a sink, would fail to dead-letter
 * forever. At start, and every half minute until it succeeds, the router creates the topic with
 * {@code max.message.bytes} = {@code logrouter.dead-letter.max-record-bytes}, or raises a smaller limit on an
 * existing topic. When it may not (no rights to alter the topic), readiness says so ({@link DeadLetterTopicCheck}).
 */
@ApplicationScoped
public class DeadLetterTopic {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterTopic.class);
    private static final long RETRY_SECONDS = 30;
    private static final long ADMIN_TIMEOUT_MILLIS = 10_000;

    /** What the router knows of the topic's limit. */
    public record Status(State state, String detail) {
    }

    public enum State {
        /** not checked yet, or the broker did not answer: the producer's own errors tell the rest */
        UNCHECKED,
        /** the topic takes records of {@code max-record-bytes} */
        READY,
        /** the topic's limit is smaller and the router could not raise it */
        TOO_SMALL
    }

    private final CamelContext camel;
    private final String topic;
    private final int maxRecordBytes;
    private final ScheduledExecutorService attempts = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dead-letter-topic");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Status status = new Status(State.UNCHECKED, "not checked yet");

    public DeadLetterTopic(CamelContext camel, @ConfigProperty(name = "logrouter.dead-letter.topic") String topic,
            @ConfigProperty(name = "logrouter.dead-letter.max-record-bytes") int maxRecordBytes) {
        this.camel = camel;
        this.topic = topic;
        this.maxRecordBytes = maxRecordBytes;
    }

    void start(@Observes StartupEvent started) {
        ensureInBackground();
    }

    /** Checks now, and again every half minute until the topic takes records of {@code max-record-bytes}. */
    public void ensureInBackground() {
        attempts.execute(this::attempt);
    }

    void stop(@Observes ShutdownEvent stopping) {
        attempts.shutdownNow();
    }

    public Status status() {
        return status;
    }

    public String topic() {
        return topic;
    }

    private void attempt() {
        Status next;
        try (Admin admin = Admin.create(adminProperties())) {
            next = ensure(admin);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            next = new Status(State.UNCHECKED, "not checked, Kafka did not answer: " + rootCause(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!next.equals(status)) {
            if (next.state() == State.READY) {
                LOG.info("Dead-letter topic {}: {}", topic, next.detail());
            } else {
                LOG.warn("Dead-letter topic {}: {}", topic, next.detail());
            }
        }
        status = next;
        if (next.state() != State.READY && !attempts.isShutdown()) {
            attempts.schedule(this::attempt, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private Status ensure(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config;
        try {
            config = admin.describeConfigs(List.of(resource)).all().get(ADMIN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    .get(resource);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
            return create(admin);
        }
        long limit = Long.parseLong(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
        if (limit >= maxRecordBytes) {
            return new Status(State.READY, "takes records of up to " + limit + " bytes");
        }
        AlterConfigOp raise = new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                String.valueOf(maxRecordBytes)), AlterConfigOp.OpType.SET);
        try {
            admin.incrementalAlterConfigs(Map.of(resource, List.of(raise))).all()
                    .get(ADMIN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return new Status(State.TOO_SMALL, "max.message.bytes is " + limit + ", records may be up to "
                    + maxRecordBytes + " bytes (logrouter.dead-letter.max-record-bytes), and raising it failed: "
                    + e.getCause().getMessage());
        }
        return new Status(State.READY, "max.message.bytes raised from " + limit + " to " + maxRecordBytes);
    }

    private Status create(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        NewTopic created = new NewTopic(topic, Optional.empty(), Optional.empty())
                .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxRecordBytes)));
        try {
            admin.createTopics(List.of(created)).all().get(ADMIN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return ensure(admin); // created meanwhile (another replica): check its limit
            }
            throw e;
        }
        return new Status(State.READY, "created with max.message.bytes " + maxRecordBytes);
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }

    /** The Kafka component's brokers and connection settings (TLS, SASL, MSK IAM): the dead-letter route's. */
    private Properties adminProperties() {
        KafkaConfiguration configuration = camel.getComponent("kafka", KafkaComponent.class).getConfiguration();
        Properties producer = configuration.createProducerProperties();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, configuration.getBrokers());
        for (String name : AdminClientConfig.configNames()) {
            if (producer.containsKey(name) && !admin.containsKey(name)) {
                admin.put(name, producer.get(name));
            }
        }
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT_MILLIS);
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT_MILLIS / 2);
        return admin;
    }
}
