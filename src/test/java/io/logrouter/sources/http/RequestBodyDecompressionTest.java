package io.logrouter.sources.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class RequestBodyDecompressionTest {

    private static Exchange request(String encoding, byte[] body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader("Content-Encoding", encoding);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    private static RequestBodyDecompression capped(String size) {
        RequestBodyDecompression decompression = new RequestBodyDecompression();
        decompression.setMaxDecompressedSize(size);
        return decompression;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void gzipIsInflatedAndOtherBodiesLeftAlone() throws Exception {
        byte[] lines = "{\"a\":1}\n{\"b\":2}\n".getBytes(StandardCharsets.UTF_8);
        Exchange zipped = request("GZIP", gzip(lines));
        capped("1K").process(zipped);
        assertArrayEquals(lines, zipped.getMessage().getBody(byte[].class));
        assertNull(zipped.getMessage().getHeader("Content-Encoding"));

        Exchange plain = request(null, lines);
        capped("1K").process(plain);
        assertArrayEquals(lines, plain.getMessage().getBody(byte[].class));
    }

    @Test
    void aBombIs413ACorruptStream400AndAnUnknownEncoding415() throws Exception {
        byte[] bomb = new byte[1024 * 1024 + 1];
        Arrays.fill(bomb, (byte) '\n');
        assertEquals(413, assertThrows(IngestRejectedException.class,
                () -> capped("1M").process(request("gzip", gzip(bomb)))).getStatus());

        byte[] truncated = Arrays.copyOf(gzip(bomb), 100);
        assertEquals(400, assertThrows(IngestRejectedException.class,
                () -> capped("2M").process(request("gzip", truncated))).getStatus());
        assertEquals(400, assertThrows(IngestRejectedException.class,
                () -> capped("2M").process(request("gzip", "plain".getBytes(StandardCharsets.UTF_8)))).getStatus());
        assertEquals(415, assertThrows(IngestRejectedException.class,
                () -> capped("2M").process(request("br", new byte[1]))).getStatus());
    }
}
