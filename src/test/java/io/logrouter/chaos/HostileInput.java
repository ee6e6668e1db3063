package io.logrouter.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.logrouter.it.ElasticsearchQueries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The bad input the hostile-input cases feed the router, whatever the source, and how they read its markers back.
 * Each kind carries a word of its own ({@code hostilelongline}, {@code invalidutf8}) that a search finds it by.
 */
final class HostileInput {

    private HostileInput() {
    }

    /** One line of {@code bytes} bytes (newline included): the word, then x's. */
    static byte[] longLine(String word, int bytes) {
        return (word + " " + "x".repeat(bytes - word.length() - 2) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A gzip body of zeros that inflates to {@code inflated} bytes from a few KiB: a decompression bomb. */
    static byte[] gzippedZeros(long inflated) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 1 << 16)) {
            for (long written = 0; written < inflated; written += zeros.length) {
                gzip.write(zeros);
            }
        }
        return compressed.toByteArray();
    }

    /** A JSON object nested {@code levels} deep, as one line. */
    static byte[] nestedJsonLine(int levels) {
        return ("{\"a\":".repeat(levels) + "1" + "}".repeat(levels) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Seq lines whose message holds bytes that are not UTF-8 (FF FE C3 28): they must arrive like any other, the
     * bad bytes replaced.
     */
    static byte[] invalidUtf8Lines(int from, int to) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (int seq = from; seq < to; seq++) {
            lines.writeBytes(("{\"seq\":" + seq + ",\"service\":\"chaos\",\"message\":\"invalidutf8 ")
                    .getBytes(StandardCharsets.US_ASCII));
            lines.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x28});
            lines.writeBytes(" end\"}\n".getBytes(StandardCharsets.US_ASCII));
        }
        return lines.toByteArray();
    }

    /** Documents with the word {@code invalidutf8} in their message, and how many of those have U+FFFD too. */
    record InvalidUtf8Documents(long documents, long replaced) {
    }

    static InvalidUtf8Documents invalidUtf8Documents(ElasticsearchQueries elasticsearch, String index)
            throws IOException, InterruptedException {
        String word = "{\"match_phrase\":{\"message\":\"invalidutf8\"}}";
        String replaced = "{\"wildcard\":{\"message.keyword\":{\"value\":\"*\uFFFD*\"}}}";
        return new InvalidUtf8Documents(count(elasticsearch, index, word),
                count(elasticsearch, index, "{\"bool\":{\"filter\":[" + word + "," + replaced + "]}}"));
    }

    private static long count(ElasticsearchQueries elasticsearch, String index, String query)
            throws IOException, InterruptedException {
        return elasticsearch.send("POST", "/" + index + "/_count", "{\"query\":" + query + "}").path("count")
                .asLong();
    }

    /** The union of the tags of {@code hits}. */
    static List<String> tags(List<JsonNode> hits) {
        return hits.stream().flatMap(hit -> hit.path("_source").path("tags").valueStream())
                .map(JsonNode::asText).distinct().sorted().toList();
    }
}
