package io.logrouter.sources.http;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request body read line by line as UTF-8, counting lines (blank ones too) as the client's editor does, so that
 * a response can name a line. Bytes that are not UTF-8 are replaced, never fatal: one bad byte must not cost a
 * client its whole request.
 */
final class NumberedLines implements Closeable {

    private final BufferedReader reader;
    private int number;

    NumberedLines(InputStream body) {
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    /** The next line without its terminator, or null at the end of the body. */
    String next() throws IOException {
        String line = reader.readLine();
        if (line != null) {
            number++;
        }
        return line;
    }

    /** The 1-based number of the line {@link #next()} returned last. */
    int number() {
        return number;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
