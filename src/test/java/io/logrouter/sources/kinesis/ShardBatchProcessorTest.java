package io.logrouter.sources.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logrouter.event.EventBatch;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * The acknowledgement rule on one shard, without KCL's scheduler: a batch is checkpointed only after the route
 * delivered it, a failed batch is delivered again, and a stop in the middle checkpoints nothing more.
 */
class ShardBatchProcessorTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final List<String> checkpoints = new ArrayList<>();
    private final List<Integer> deliveredSizes = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    /** Deliveries that complete without an exception and settle nothing, as when a route handled its sink's failure. */
    private final AtomicInteger unsettledLeft = new AtomicInteger();
    private KinesisKclConsumer consumer;
    private ShardBatchProcessor processor;

    @AfterEach
    void closeCamel() throws Exception {
        camel.close();
    }

    @Test
    void checkpointsTheLastRecordOfEachDeliveredBatch() throws Exception {
        start();
        processor.processRecords(input(record("a", "1"), record("b", "2")));
        processor.processRecords(input(record("c", "3")));

        assertEquals(List.of(2, 1), deliveredSizes);
        assertEquals(List.of("2/0", "3/0"), checkpoints);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void redeliversABatchThatFailedOrThatNoSinkSettledBeforeCheckpointingIt(boolean failing) throws Exception {
        start();
        (failing ? failuresLeft : unsettledLeft).set(2);

        processor.processRecords(input(record("a", "1"), record("b", "2")));

        assertEquals(List.of(2, 2, 2), deliveredSizes);
        assertEquals(List.of("2/0"), checkpoints);
    }

    @Test
    void aStopDuringRedeliveryLeavesTheCheckpointWhereDeliveryStopped() throws Exception {
        start();
        processor.processRecords(input(record("a", "1")));
        failuresLeft.set(Integer.MAX_VALUE);
        Thread stopper = new Thread(() -> {
            sleep(300);
            consumer.requestStop();
        });
        stopper.start();

        processor.processRecords(input(record("b", "2")));
        stopper.join();
        failuresLeft.set(0);
        processor.processRecords(input(record("c", "3")));
        processor.shardEnded(ShardEndedInput.builder().checkpointer(checkpointer()).build());

        // neither the later batch nor the end of the shard may move the checkpoint past the undelivered one
        assertEquals(List.of("1/0"), checkpoints);
    }

    @Test
    void controlMessagesAloneAreCheckpointedWithoutAnExchange() throws Exception {
        start();
        byte[] control = Files.readAllBytes(
                CloudWatchLogsDecoderTest.SAMPLES.resolve("cloudwatch-control.json.gz"));

        processor.processRecords(input(KinesisClientRecord.builder().data(ByteBuffer.wrap(control))
                .sequenceNumber("9").build()));

        assertEquals(List.of(), deliveredSizes);
        assertEquals(List.of("9/0"), checkpoints);
    }

    private void start() throws Exception {
        camel.addComponent("kinesis-kcl", new KinesisKclComponent());
        KinesisKclEndpoint endpoint = camel.getEndpoint("kinesis-kcl:logs?retryDelay=10&retryMaxDelay=50", KinesisKclEndpoint.class);
        camel.start();
        consumer = (KinesisKclConsumer) endpoint.createConsumer(exchange -> {
            EventBatch batch = exchange.getMessage().getBody(EventBatch.class);
            deliveredSizes.add(batch.size());
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("sink unavailable");
            }
            if (unsettledLeft.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
                batch.settle(batch); // as a sink does once it has written them
            }
        });
        processor = new ShardBatchProcessor(consumer,
                new KinesisRecordDecoder("logs", new CloudWatchLogsDecoder(1 << 20)), endpoint.getConfiguration());
        processor.initialize(InitializationInput.builder().shardId("shardId-000000000000").build());
    }

    private ProcessRecordsInput input(KinesisClientRecord... records) {
        return ProcessRecordsInput.builder().records(List.of(records)).checkpointer(checkpointer()).build();
    }

    private RecordProcessorCheckpointer checkpointer() {
        return (RecordProcessorCheckpointer) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RecordProcessorCheckpointer.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("checkpoint")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    checkpoints.add(args == null ? "SHARD_END" : args[0] + "/" + args[1]);
                    return null;
                });
    }

    private static KinesisClientRecord record(String text, String sequenceNumber) {
        return KinesisClientRecord.builder().data(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)))
                .sequenceNumber(sequenceNumber).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
