package io.logrouter.sources.http;

import io.quarkus.runtime.configuration.MemorySizeConverter;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Inflates a {@code Content-Encoding: gzip} body. The HTTP layer limits the compressed size only, and a few kilobytes
 * of gzip can inflate to gigabytes, so inflating is capped too: past {@code maxDecompressedSize} the request ends with
 * 413 before more is held in memory. The body is inflated here, whole, rather than as the decoder reads it, because
 * Camel's stream caching would read a stream body at the next step anyway, outside this cap's error handling.
 */
public final class RequestBodyDecompression implements Processor {

    private static final String CONTENT_ENCODING = "Content-Encoding";

    private long maxDecompressedBytes = 50L * 1024 * 1024;

    @Override
    public void process(Exchange exchange) {
        String encoding = exchange.getMessage().getHeader(CONTENT_ENCODING, String.class);
        if (encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity")) {
            return;
        }
        String name = encoding.trim().toLowerCase(Locale.ROOT);
        if (!name.equals("gzip") && !name.equals("x-gzip")) {
            throw new IngestRejectedException(415, "unsupported Content-Encoding " + encoding + ": send gzip or none");
        }
        byte[] compressed = exchange.getMessage().getBody(byte[].class);
        try (InputStream inflated = new Capped(new GZIPInputStream(
                new ByteArrayInputStream(compressed == null ? new byte[0] : compressed)), maxDecompressedBytes)) {
            exchange.getMessage().setBody(inflated.readAllBytes());
        } catch (IOException e) {
            throw new IngestRejectedException(400, "invalid gzip body: " + e.getMessage());
        }
        exchange.getMessage().removeHeader(CONTENT_ENCODING);
    }

    public void setMaxDecompressedSize(String size) {
        this.maxDecompressedBytes = new MemorySizeConverter().convert(size).asLongValue();
    }

    /** Fails the request once more than the cap was inflated; a corrupt stream is the client's error, a 400. */
    static final class Capped extends FilterInputStream {

        private final long cap;
        private long read;

        Capped(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (IOException e) {
                throw new IngestRejectedException(400, "invalid gzip body: " + e.getMessage());
            }
            if (n > 0) {
                read += n;
                if (read > cap) {
                    throw new IngestRejectedException(413, "body inflates to more than " + cap + " bytes");
                }
            }
            return n;
        }
    }
}
