package io.logrouter.sources.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class LineJoinersTest {

    private final List<LogRecord> out = new ArrayList<>();

    @Test
    void dockerRecordsSplitAt16KiBAreJoinedPerStream() {
        PartialLineJoiner joiner = new PartialLineJoiner(1 << 20, out::add);
        joiner.accept(0, DockerJsonLineParser.parse("{\"log\":\"part one, \",\"stream\":\"stdout\",\"time\":\"t1\"}"), false);
        joiner.accept(50, DockerJsonLineParser.parse("{\"log\":\"an error\\n\",\"stream\":\"stderr\",\"time\":\"t2\"}"), false);
        assertEquals(0, joiner.pending().earliestOffset());
        joiner.accept(90, DockerJsonLineParser.parse("{\"log\":\"part two\\n\",\"stream\":\"stdout\",\"time\":\"t3\"}"), false);

        assertEquals(List.of("an error", "part one, part two"), messages());
        assertEquals(List.of(50L, 0L), out.stream().map(LogRecord::offset).toList());
        assertEquals("t1", out.get(1).time());
        assertEquals(Long.MAX_VALUE, joiner.pending().earliestOffset());
    }

    @Test
    void continuationLinesJoinThePreviousEventOfTheirStream() {
        MultilineJoiner joiner = new MultilineJoiner(Pattern.compile("^(\\s|Caused by:)"), MultilineMatch.CONTINUATION, 1000, out::add);
        joiner.accept(record(0, "stderr", "Exception in thread main"));
        joiner.accept(record(10, "stdout", "unrelated"));
        joiner.accept(record(20, "stderr", "\tat Main.main"));
        joiner.accept(record(30, "stderr", "Caused by: boom"));
        assertEquals(List.of(), messages());
        assertEquals(0, joiner.pending().earliestOffset());

        joiner.accept(record(40, "stderr", "next event"));
        assertEquals(List.of("Exception in thread main\n\tat Main.main\nCaused by: boom"), messages());
        assertEquals(10, joiner.pending().earliestOffset());
    }

    @Test
    void withMatchStartTheOtherLinesAreContinuations() {
        MultilineJoiner joiner = new MultilineJoiner(Pattern.compile("^\\d{4}-"), MultilineMatch.START, 1000, out::add);
        joiner.accept(record(0, null, "2026-11-24 ConsumerConfig values:"));
        joiner.accept(record(10, null, "auto.offset.reset = earliest"));
        joiner.accept(record(20, null, "2026-11-24 next"));
        assertEquals(List.of("2026-11-24 ConsumerConfig values:\nauto.offset.reset = earliest"), messages());
    }

    @Test
    void aPendingEventIsFlushedOnceItsContinuationsStopComing() {
        MultilineJoiner joiner = new MultilineJoiner(Pattern.compile("^\\s"), MultilineMatch.CONTINUATION, 50, out::add);
        LogRecord record = record(0, null, "alone");
        joiner.accept(record);
        joiner.flushExpired(record.lastAppendNanos() + 49_000_000, 10);
        assertEquals(List.of(), messages());
        joiner.flushExpired(record.lastAppendNanos() + 50_000_000, 10);
        assertEquals(List.of("alone"), messages());
    }

    private List<String> messages() {
        return out.stream().map(r -> r.message().toString()).toList();
    }

    private static LogRecord record(long offset, String stream, String text) {
        LogRecord record = new LogRecord(offset, new ContainerLine(null, stream, false, text, null), 1 << 20);
        record.appendChunk(text, false);
        return record;
    }
}
