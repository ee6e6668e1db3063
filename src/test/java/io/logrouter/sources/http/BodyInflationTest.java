package io.logrouter.sources.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BodyInflationTest {

    private static final byte[] LINES = "{\"a\":1}\n{\"b\":2}\nplain\n".repeat(5_000).getBytes(StandardCharsets.UTF_8);

    /** Inflates {@code body} arriving in pieces of random sizes, as the network hands it over. */
    private static byte[] inflate(String encoding, byte[] body, long seed) {
        BodyInflation inflation = BodyInflation.of(encoding);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random random = new Random(seed);
        for (int offset = 0; offset < body.length; ) {
            int length = Math.min(body.length - offset, 1 + random.nextInt(3_000));
            assertTrue(inflation.inflate(Arrays.copyOfRange(body, offset, offset + length), (piece, n) -> {
                out.write(piece, 0, n);
                return true;
            }));
            offset += length;
        }
        inflation.finish();
        return out.toByteArray();
    }

    @Test
    void gzipAndDeflateInflateWhateverTheirPiecesAndGzipMembersFollowOneAnother() throws Exception {
        for (long seed = 0; seed < 20; seed++) {
            assertArrayEquals(LINES, inflate("gzip", gzip(LINES), seed));
            assertArrayEquals(LINES, inflate("deflate", deflate(LINES), seed));
        }
        byte[] twoMembers = concat(gzip("first\n".getBytes(StandardCharsets.UTF_8)),
                gzip("second\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("first\nsecond\n", new String(inflate("x-gzip", twoMembers, 1), StandardCharsets.UTF_8));
        assertNull(BodyInflation.of(null));
        assertNull(BodyInflation.of(" Identity "));
    }

    @Test
    void aSinkStopsTheInflationOfABomb() throws Exception {
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
        BodyInflation inflation = BodyInflation.of("gzip");
        long[] inflated = {0};
        assertFalse(inflation.inflate(bomb, (piece, n) -> (inflated[0] += n) < 1024 * 1024));
        assertTrue(inflated[0] < 2 * 1024 * 1024, inflated[0] + " bytes inflated");
    }

    @Test
    void aBodyThatIsNotWhatItsEncodingSaysIs400AndAnUnknownEncoding415() throws Exception {
        byte[] zipped = gzip(LINES);
        byte[] truncated = Arrays.copyOf(zipped, zipped.length - 3);
        assertEquals(400, assertThrows(IngestRejectedException.class, () -> inflate("gzip", truncated, 1)).getStatus());
        byte[] badCrc = zipped.clone();
        badCrc[badCrc.length - 6] ^= 1;
        assertEquals(400, assertThrows(IngestRejectedException.class, () -> inflate("gzip", badCrc, 1)).getStatus());
        byte[] plain = "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(400, assertThrows(IngestRejectedException.class, () -> inflate("gzip", plain, 1)).getStatus());
        assertEquals(400, assertThrows(IngestRejectedException.class, () -> inflate("deflate", plain, 1)).getStatus());
        assertEquals(400, assertThrows(IngestRejectedException.class, () -> inflate("gzip", new byte[0], 1))
                .getStatus());
        IngestRejectedException unknown = assertThrows(IngestRejectedException.class,
                () -> BodyInflation.of("x-secret-value"));
        assertEquals(415, unknown.getStatus());
        assertFalse(unknown.getMessage().contains("secret"), unknown.getMessage());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream zip = new DeflaterOutputStream(out)) {
            zip.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
