package io.logrouter.sinks.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * How the sink cuts records into PutRecords calls and reads a partial failure. kinesis-mock never throttles, so the
 * answer Kinesis gives a throttled shard is built here as the SDK would parse it.
 */
class PutRecordsSettlementTest {

    @Test
    void onlyTheEntriesKinesisRefusedAreRetriedInTheirOrder() {
        List<PutRecordsRequestEntry> call = records(4, 10);
        PutRecordsResponse partial = PutRecordsResponse.builder().failedRecordCount(2).records(
                PutRecordsResultEntry.builder().errorCode("ProvisionedThroughputExceededException")
                        .errorMessage("Rate exceeded for shard shardId-000000000000").build(),
                PutRecordsResultEntry.builder().shardId("shardId-000000000001").sequenceNumber("1").build(),
                PutRecordsResultEntry.builder().errorCode("InternalFailure").errorMessage("Internal service failure.")
                        .build(),
                PutRecordsResultEntry.builder().shardId("shardId-000000000001").sequenceNumber("2").build()).build();
        List<PutRecordsRequestEntry> retry = new ArrayList<>();

        String refusal = KinesisQueueProducer.refused(call, partial, retry);

        assertEquals(List.of(call.get(0), call.get(2)), retry);
        assertTrue(refusal.startsWith("InternalFailure"), refusal);
    }

    @Test
    void aCallKinesisTookWholeLeavesNothingToRetry() {
        List<PutRecordsRequestEntry> call = records(2, 10);
        PutRecordsResponse accepted = PutRecordsResponse.builder().failedRecordCount(0).records(
                PutRecordsResultEntry.builder().shardId("shardId-000000000000").sequenceNumber("1").build(),
                PutRecordsResultEntry.builder().shardId("shardId-000000000000").sequenceNumber("2").build()).build();
        List<PutRecordsRequestEntry> retry = new ArrayList<>();

        assertNull(KinesisQueueProducer.refused(call, accepted, retry));
        assertTrue(retry.isEmpty());
    }

    @Test
    void callsStayWithin500RecordsAnd5MiBInOrder() {
        List<PutRecordsRequestEntry> small = records(1_001, 10);
        assertEquals(List.of(500, 500, 1), sizes(KinesisQueueProducer.calls(small)));
        assertEquals(small, KinesisQueueProducer.calls(small).stream().flatMap(List::stream).toList());

        // 1,000,000 bytes of data and a 1-byte key each: five fit in 5 MiB (5,242,880 bytes), six do not
        assertEquals(List.of(5, 5, 2), sizes(KinesisQueueProducer.calls(records(12, 1_000_000))));
    }

    private static List<Integer> sizes(List<List<PutRecordsRequestEntry>> calls) {
        return calls.stream().map(List::size).toList();
    }

    private static List<PutRecordsRequestEntry> records(int count, int bytes) {
        return IntStream.range(0, count).mapToObj(i -> PutRecordsRequestEntry.builder()
                .partitionKey(String.valueOf(i % 10)).data(SdkBytes.fromByteArray(new byte[bytes])).build()).toList();
    }
}
