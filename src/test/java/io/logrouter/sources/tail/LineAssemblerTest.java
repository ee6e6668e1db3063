package io.logrouter.sources.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class LineAssemblerTest {

    @Test
    void linesSplitAcrossReadsKeepTheirStartOffsets() {
        LineAssembler lines = new LineAssembler(1024, 100);
        assertNull(lines.next(bytes("ab")));
        assertEquals(100, lines.lineStart());
        ByteBuffer rest = bytes("c\r\nd\n");
        assertEquals(new RawLine(100, "abc", false), lines.next(rest));
        assertEquals(new RawLine(105, "d", false), lines.next(rest));
        assertEquals(107, lines.position());
        assertEquals(107, lines.lineStart());
    }

    @Test
    void anUnfinishedLineIsOnlyGivenUpWhenAskedFor() {
        LineAssembler lines = new LineAssembler(1024, 0);
        assertNull(lines.next(bytes("tail")));
        assertEquals(new RawLine(0, "tail", false), lines.takePartial());
        assertNull(lines.takePartial());
    }

    @Test
    void anEightMebibyteLineStreamsThroughKeepingOnlyTheMaximum() {
        LineAssembler lines = new LineAssembler(4096, 0);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'z');
        List<RawLine> out = new ArrayList<>();
        for (int i = 0; i < 128; i++) {
            RawLine line = lines.next(ByteBuffer.wrap(chunk));
            if (line != null) {
                out.add(line);
            }
        }
        RawLine line = lines.next(bytes("\n"));
        assertTrue(out.isEmpty());
        assertEquals(4096, line.text().length());
        assertTrue(line.truncated());
        assertEquals(8L * 1024 * 1024 + 1, lines.position());
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
