package io.logrouter.chaos;

/** The event every case sends: a JSON log line whose {@code seq} the audit counts. */
public final class SeqEvents {

    private SeqEvents() {
    }

    public static String json(long seq) {
        return "{\"seq\":" + seq + ",\"level\":\"" + (seq % 10 == 0 ? "ERROR" : "INFO")
                + "\",\"service\":\"chaos\",\"message\":\"chaos event " + seq + "\"}";
    }
}
