package io.logrouter.sources.http;

import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates a {@code gzip} or {@code deflate} request body piece by piece as it arrives, so that the caller can count
 * each inflated piece against its limits and stop a bomb long before it is all inflated. The router inflates bodies
 * itself rather than letting Vert.x do it: Vert.x's inflation is skipped for a request that upgrades to HTTP/2
 * (h2c), whose {@code Content-Encoding} header it drops all the same, so a compressed body would be taken as text.
 * Concatenated gzip members are read one after the other, as {@link java.util.zip.GZIPInputStream} does.
 */
final class BodyInflation {

    /** Takes an inflated piece; false to stop inflating. */
    interface Sink {
        boolean accept(byte[] piece, int length);
    }

    private static final int PIECE = 64 * 1024;
    /** Longer headers (a file name in the header, say) are refused rather than collected. */
    private static final int MAX_GZIP_HEADER = 4096;
    private static final int GZIP_TRAILER = 8;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private enum State { HEADER, BODY, TRAILER }

    private final boolean gzip;
    private final Inflater inflater;
    private final CRC32 crc = new CRC32();
    private final byte[] piece = new byte[PIECE];
    /** A gzip header or trailer as far as it has arrived. */
    private final byte[] frame = new byte[MAX_GZIP_HEADER];
    private int frameLength;
    private State state;
    private int members;

    private BodyInflation(boolean gzip) {
        this.gzip = gzip;
        this.inflater = new Inflater(gzip);
        this.state = gzip ? State.HEADER : State.BODY;
    }

    /** For a {@code Content-Encoding} value: null when the body is not encoded. */
    static BodyInflation of(String encoding) {
        String name = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "", "identity" -> null;
            case "gzip", "x-gzip" -> new BodyInflation(true);
            case "deflate" -> new BodyInflation(false);
            default -> throw new IngestRejectedException(415, "unsupported Content-Encoding: send gzip or none");
        };
    }

    /** Inflates this piece of the body into {@code sink}; false when the sink stopped it. */
    boolean inflate(byte[] input, Sink sink) {
        int offset = 0;
        while (offset < input.length) {
            switch (state) {
                case HEADER -> {
                    frame(input[offset++]);
                    if (headerLength(frame, frameLength) > 0) {
                        frameLength = 0;
                        state = State.BODY;
                    }
                }
                case TRAILER -> {
                    frame(input[offset++]);
                    if (frameLength == GZIP_TRAILER) {
                        checkTrailer();
                        frameLength = 0;
                        inflater.reset();
                        crc.reset();
                        members++;
                        state = State.HEADER;
                    }
                }
                case BODY -> {
                    if (inflater.finished()) {
                        return true; // a zlib stream ends the body: what follows is ignored, as zlib does
                    }
                    inflater.setInput(input, offset, input.length - offset);
                    if (!drain(sink)) {
                        return false;
                    }
                    offset = input.length - inflater.getRemaining();
                    if (inflater.finished() && gzip) {
                        state = State.TRAILER;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return true;
    }

    /** Checks that the body ended where its encoding says it does, and frees the inflater. */
    void finish() {
        boolean complete = gzip ? state == State.HEADER && frameLength == 0 && members > 0 : inflater.finished();
        inflater.end();
        if (!complete) {
            throw invalid();
        }
    }

    private boolean drain(Sink sink) {
        try {
            while (!inflater.finished()) {
                int length = inflater.inflate(piece);
                if (length == 0) {
                    if (inflater.needsDictionary()) {
                        throw invalid();
                    }
                    return true; // needs more input
                }
                crc.update(piece, 0, length);
                if (!sink.accept(piece, length)) {
                    return false;
                }
            }
            return true;
        } catch (DataFormatException e) {
            throw invalid();
        }
    }

    private void frame(byte next) {
        if (frameLength == frame.length) {
            throw invalid();
        }
        frame[frameLength++] = next;
    }

    private void checkTrailer() {
        if (littleEndian(frame, 0, 4) != crc.getValue()
                || littleEndian(frame, 4, 4) != (inflater.getBytesWritten() & 0xFFFFFFFFL)) {
            throw invalid();
        }
    }

    /** The length of the gzip header at the start of {@code bytes}, 0 while it is incomplete. */
    private static int headerLength(byte[] bytes, int length) {
        if (length >= 1 && (bytes[0] & 0xFF) != 0x1F || length >= 2 && (bytes[1] & 0xFF) != 0x8B
                || length >= 3 && bytes[2] != 8) {
            throw invalid();
        }
        if (length < 10) {
            return 0;
        }
        int flags = bytes[3] & 0xFF;
        int position = 10;
        if ((flags & FEXTRA) != 0) {
            if (length < position + 2) {
                return 0;
            }
            position += 2 + (int) littleEndian(bytes, position, 2);
        }
        for (int flag : new int[] {FNAME, FCOMMENT}) {
            if ((flags & flag) != 0) {
                while (position < length && bytes[position] != 0) {
                    position++;
                }
                if (position >= length) {
                    return 0;
                }
                position++;
            }
        }
        if ((flags & FHCRC) != 0) {
            position += 2;
        }
        return length >= position ? position : 0;
    }

    private static long littleEndian(byte[] bytes, int offset, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    private static IngestRejectedException invalid() {
        return new IngestRejectedException(400, "the body does not inflate as its Content-Encoding says");
    }
}
