package io.logrouter.sinks.s3;

import com.fasterxml.jackson.core.JsonGenerator;
import io.logrouter.event.LogEvent;
import io.logrouter.sinks.NdjsonLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes events as gzip-compressed NDJSON, one JSON object per line, starting a new object once the compressed size
 * reaches {@code maxObjectBytes}. The limit is checked after each event and the deflater holds back some output, so
 * an object may exceed it by about one deflate block (tens of KiB); an event is never split across objects.
 *
 * <p>Each line carries the event id under {@code idField} (unless empty, see {@link NdjsonLine}), for Athena
 * queries to de-duplicate by. The output is a pure function of the events:
 * the gzip header has no time stamp, and object names hash the event ids. Names are hex: Athena skips files whose
 * names begin with {@code _} or {@code .}, which a base64 name could.
 */
public final class NdjsonGzipWriter {

    private final String idField;
    private final long maxObjectBytes;

    public NdjsonGzipWriter(String idField, long maxObjectBytes) {
        if (maxObjectBytes <= 0) {
            throw new IllegalArgumentException("maxObjectBytes must be positive, not " + maxObjectBytes);
        }
        this.idField = idField == null || idField.isBlank() ? null : idField;
        this.maxObjectBytes = maxObjectBytes;
    }

    public List<ArchiveObject> write(List<LogEvent> events) {
        List<ArchiveObject> objects = new ArrayList<>();
        try {
            OpenObject open = null;
            for (LogEvent event : events) {
                if (open == null) {
                    open = new OpenObject();
                }
                open.append(event);
                if (open.compressedSize() >= maxObjectBytes) {
                    objects.add(open.close());
                    open = null;
                }
            }
            if (open != null) {
                objects.add(open.close());
            }
        } catch (IOException e) {
            // only memory streams are involved: this is a serialization bug, not an I/O condition
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    private final class OpenObject {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        private final JsonGenerator json;
        private final MessageDigest ids = sha256();
        private int count;

        OpenObject() throws IOException {
            json = NdjsonLine.generator(new GZIPOutputStream(bytes, 64 * 1024));
        }

        void append(LogEvent event) throws IOException {
            NdjsonLine.write(json, event, idField);
            json.flush();
            // an event without an id is named by its content, so two such batches never share an object name
            String identity = event.id() != null ? event.id() : event.fields().toString();
            ids.update((identity + '\n').getBytes(StandardCharsets.UTF_8));
            count++;
        }

        long compressedSize() {
            return bytes.size();
        }

        ArchiveObject close() throws IOException {
            json.close();
            // 128 bits, as for event ids: collisions stay out of reach at any volume
            String name = HexFormat.of().formatHex(ids.digest(), 0, 16);
            return new ArchiveObject(name, bytes.toByteArray(), count);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
