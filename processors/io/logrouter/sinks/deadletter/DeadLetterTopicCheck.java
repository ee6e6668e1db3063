package io.logrouter.sinks.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the dead-letter topic's {@code max.message.bytes} is known to be smaller than the records the router may
 * send it and could not be raised: every large event a sink refuses would then fail its batch again and again.
 * A broker that does not answer is not this check's business (the producer's errors fail the batch, which the source
 * delivers again); the detail says what the router knows.
 */
@Readiness
@ApplicationScoped
public class DeadLetterTopicCheck implements HealthCheck {

    private final DeadLetterTopic topic;

    public DeadLetterTopicCheck(DeadLetterTopic topic) {
        this.topic = topic;
    }

    @Override
    public HealthCheckResponse call() {
        DeadLetterTopic.Status status = topic.status();
        return HealthCheckResponse.named("dead-letter-topic").status(status.state() != DeadLetterTopic.State.TOO_SMALL)
                .withData("topic", topic.topic()).withData("state", status.state().name())
                .withData("detail", status.detail()).build();
    }
}
