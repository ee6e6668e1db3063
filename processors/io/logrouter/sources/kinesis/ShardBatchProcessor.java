package io.logrouter.sources.kinesis;

import io.logrouter.event.EventBatch;
import io.logrouter.sources.SourceLag;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.KinesisClientLibDependencyException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * KCL's processor of one shard lease: each GetRecords result becomes one event batch, and the shard's checkpoint
 * moves past it only once the route delivered it.
 *
 * <p>KCL hands every record to {@code processRecords} once and then fetches on, whatever the method did with it; a
 * batch the route fails is therefore delivered again here, with backoff, until it succeeds. When the route stops in
 * the middle, the processor gives up the batch and checkpoints nothing more: whoever reads the shard next starts
 * again from the last checkpoint, and the deterministic event ids turn the second delivery into an overwrite.
 */
final class ShardBatchProcessor implements ShardRecordProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ShardBatchProcessor.class);

    private final KinesisKclConsumer consumer;
    private final KinesisRecordDecoder decoder;
    private final KinesisKclConfiguration configuration;
    private String shardId;
    private boolean abandoned;

    ShardBatchProcessor(KinesisKclConsumer consumer, KinesisRecordDecoder decoder,
            KinesisKclConfiguration configuration) {
        this.consumer = consumer;
        this.decoder = decoder;
        this.configuration = configuration;
    }

    @Override
    public void initialize(InitializationInput input) {
        shardId = input.shardId();
        LOG.info("Reading shard {} after checkpoint {}", shardId, input.extendedSequenceNumber());
    }

    @Override
    public void processRecords(ProcessRecordsInput input) {
        List<KinesisClientRecord> records = input.records();
        if (abandoned || records.isEmpty()) {
            return;
        }
        if (!deliverUntilDone(records)) {
            abandoned = true;
            LOG.info("Shard {}: stopping with a batch of {} records undelivered; it will be read again", shardId,
                    records.size());
            return;
        }
        KinesisClientRecord last = records.get(records.size() - 1);
        checkpoint(input.checkpointer(), last.sequenceNumber(), last.subSequenceNumber());
        if (input.millisBehindLatest() != null) {
            SourceLag.millis("kinesis", consumer.getRouteId(), shardId, input.millisBehindLatest());
        }
    }

    /**
     * False when the consumer stopped before the batch could be delivered. Each attempt decodes the records afresh:
     * the route changed the events of the last one, and its settlement must not count for the next.
     */
    private boolean deliverUntilDone(List<KinesisClientRecord> records) {
        long delay = configuration.getRetryDelay();
        while (true) {
            EventBatch batch = decoder.decode(shardId, records);
            if (batch.isEmpty() || consumer.deliver(batch)) {
                return true;
            }
            if (consumer.awaitStop(delay)) {
                return false;
            }
            delay = Math.min(delay * 2, configuration.getRetryMaxDelay());
        }
    }

    private void checkpoint(RecordProcessorCheckpointer checkpointer, String sequenceNumber, long subSequenceNumber) {
        try {
            checkpointer.checkpoint(sequenceNumber, subSequenceNumber);
        } catch (ShutdownException e) {
            // another replica holds the shard now and reads on from the previous checkpoint
            LOG.info("Shard {}: lease lost before checkpointing {}; the new owner delivers that batch again", shardId,
                    sequenceNumber);
        } catch (ThrottlingException | KinesisClientLibDependencyException e) {
            // checkpoints are cumulative: the next batch's checkpoint covers this one
            LOG.warn("Shard {}: checkpoint {} not saved, the next one will cover it: {}", shardId, sequenceNumber,
                    e.toString());
        } catch (InvalidStateException e) {
            LOG.error("Shard {}: the lease table refused checkpoint {}", shardId, sequenceNumber, e);
        }
    }

    @Override
    public void leaseLost(LeaseLostInput input) {
        // KCL also drops its leases this way when it shuts down
        LOG.info("Shard {}: lease given up or taken by another replica", shardId);
    }

    @Override
    public void shardEnded(ShardEndedInput input) {
        if (abandoned) {
            // the end checkpoint would release the child shards past the undelivered batch
            return;
        }
        try {
            // required by KCL before it reads the child shards of a split or merge
            input.checkpointer().checkpoint();
            LOG.info("Shard {}: read to its end after a reshard", shardId);
        } catch (ShutdownException | InvalidStateException e) {
            LOG.warn("Shard {}: end of shard not checkpointed; it will be finished again: {}", shardId, e.toString());
        }
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
        // every delivered batch is already checkpointed; nothing else may be
    }
}
