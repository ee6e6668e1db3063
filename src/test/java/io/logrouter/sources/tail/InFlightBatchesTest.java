package io.logrouter.sources.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InFlightBatchesTest {

    @Test
    void checkpointsFollowTheReadingOrderWhateverOrderDeliveriesFinishIn() {
        InFlightBatches<String> batches = new InFlightBatches<>(4);
        List<InFlightBatches.Sent<String>> sent = List.of(batches.add("1"), batches.add("2"), batches.add("3"));

        batches.completed(sent.get(2), true);
        batches.completed(sent.get(1), true);
        assertEquals(List.of(), batches.takeDelivered(), "nothing passes the first batch while it is in flight");

        batches.completed(sent.get(0), true);
        assertEquals(List.of("1", "2", "3"), batches.takeDelivered());
        assertTrue(batches.isEmpty());
        assertFalse(batches.hasFailed());
    }

    @Test
    void aFailureStopsTheCheckpointsAtTheBatchBeforeIt() throws InterruptedException {
        InFlightBatches<String> batches = new InFlightBatches<>(4);
        List<InFlightBatches.Sent<String>> sent = List.of(batches.add("1"), batches.add("2"), batches.add("3"));

        batches.completed(sent.get(1), false);
        batches.completed(sent.get(2), true);
        assertTrue(batches.hasFailed());
        assertThrows(IllegalStateException.class, batches::forgetAll, "the first batch is still in flight");

        batches.completed(sent.get(0), true);
        batches.awaitNoneInFlight();
        assertEquals(List.of("1"), batches.takeDelivered(), "the third batch succeeded, but after the failed one");
        batches.forgetAll();
        assertTrue(batches.isEmpty());
        assertFalse(batches.hasFailed());

        batches.completed(batches.add("2 again"), true);
        assertEquals(List.of("2 again"), batches.takeDelivered());
    }

    @Test
    void roomForAsManyNotYetCheckpointedAsTheCapacity() {
        InFlightBatches<String> batches = new InFlightBatches<>(2);
        InFlightBatches.Sent<String> first = batches.add("1");
        assertTrue(batches.hasRoom());
        InFlightBatches.Sent<String> second = batches.add("2");
        assertFalse(batches.hasRoom());

        batches.completed(second, true);
        assertFalse(batches.hasRoom(), "a delivered batch behind one in flight still holds its slot");
        batches.completed(first, true);
        assertFalse(batches.hasRoom(), "until it is checkpointed");
        batches.takeDelivered();
        assertTrue(batches.hasRoom());
        assertThrows(IllegalStateException.class, () -> batches.completed(first, true));
    }

    @Test
    void aWaitEndsWhenADeliveryFinishesOnAnotherThread() throws InterruptedException {
        InFlightBatches<String> batches = new InFlightBatches<>(1);
        InFlightBatches.Sent<String> only = batches.add("1");
        Thread delivery = new Thread(() -> batches.completed(only, true));
        delivery.start();
        batches.awaitNoneInFlight();
        delivery.join();
        assertEquals(List.of("1"), batches.takeDelivered());
    }
}
