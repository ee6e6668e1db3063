package io.logrouter.chaos;

import java.nio.charset.StandardCharsets;

/** The event every case sends: a JSON log line whose {@code seq} the audit counts. */
public final class SeqEvents {

    private SeqEvents() {
    }

    public static String json(long seq) {
        return "{\"seq\":" + seq + ",\"level\":\"" + (seq % 10 == 0 ? "ERROR" : "INFO")
                + "\",\"service\":\"chaos\",\"message\":\"chaos event " + seq + "\"}";
    }

    /** The events {@code from..to-1}, one line each. */
    public static byte[] lines(int from, int to) {
        StringBuilder lines = new StringBuilder();
        for (int seq = from; seq < to; seq++) {
            lines.append(json(seq)).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }
}
