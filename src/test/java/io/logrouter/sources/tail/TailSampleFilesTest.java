package io.logrouter.sources.tail;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-made container logs in shared/data/samples, tailed in place (read only) through a real route. */
class TailSampleFilesTest {

    private static final Path SAMPLES = Path.of("../shared/data/samples").toAbsolutePath().normalize();
    /** Stack frames, "Caused by:" and the exception line under the log line belong to the log line's event. */
    private static final String JAVA_CONTINUATION = "RAW(^(\\s|Caused by:|[\\w.$]+(Exception|Error)\\b))";

    @TempDir
    Path dir;

    private String uri(String include, String extra) {
        return "tail:samples?include=" + SAMPLES + "/" + include + "&registry=" + dir + "/registry.json&" + TailHarness.FAST
                + "&" + extra;
    }

    @Test
    void criCheckoutLogGivesJoinedEventsWithKubernetesFields() throws Exception {
        String uri = uri("checkout-*_shop_checkout-*.log", "format=cri&multilineFlushMs=100&multilinePattern=" + JAVA_CONTINUATION);
        try (TailHarness tail = TailHarness.start(uri)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.events().size() == 5);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> tail.sink.events().size() == 5);
            List<LogEvent> events = inFileOrder(tail.sink.events());

            assertEquals(List.of(
                    "{\"@timestamp\":\"2026-11-24T10:00:00.000Z\",\"level\":\"INFO\",\"logger\":\"com.shop.checkout.Api\",\"message\":\"order placed order_id=A-1001 amount=42.50\"}",
                    "{\"@timestamp\":\"2026-11-24T10:00:00.119Z\",\"level\":\"INFO\",\"logger\":\"com.shop.checkout.Api\",\"message\":\"a very long line split by the runtime into three partial chunks, of which this is the last\"}",
                    "2026-11-24 10:00:01,500 ERROR [http-nio-8080-exec-3] c.s.c.PaymentClient - payment call failed\n"
                            + "java.net.SocketTimeoutException: Read timed out\n"
                            + "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)\n"
                            + "\tat com.shop.checkout.PaymentClient.charge(PaymentClient.java:77)\n"
                            + "Caused by: java.io.IOException: connection reset\n"
                            + "\t... 12 more",
                    "plain text line that is not JSON user=alice@example.com card=4111 1111 1111 1111",
                    "{\"level\":\"WARN\",\"msg\":\"broken json line\",\"unterminated\":"),
                    events.stream().map(e -> e.text("message")).toList());
            assertEquals(List.of("stdout", "stdout", "stderr", "stdout", "stdout"), events.stream().map(e -> e.text("stream")).toList());
            assertEquals(List.of("2026-11-24T10:00:00.000000001Z", "2026-11-24T10:00:00.120000000Z", "2026-11-24T10:00:01.500000000Z",
                    "2026-11-24T10:00:02.000000000Z", "2026-11-24T10:00:02.100000000Z"),
                    events.stream().map(e -> e.text("@timestamp")).toList());
            for (LogEvent event : events) {
                assertEquals("checkout-7d9f8b6c5-x2kqz", event.text("kubernetes.pod.name"));
                assertEquals("shop", event.text("kubernetes.namespace"));
                assertEquals("checkout", event.text("kubernetes.container.name"));
                assertEquals("3f1c9e2a7b6d5c4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e", event.text("container.id"));
                assertFalse(EventMarkers.has(event, EventMarkers.PARSE_FAILURE));
            }
            // each event starts where its first line starts: the second begins right after the 184-byte first line
            assertEquals(0L, events.get(0).get("log.offset").asLong());
            assertEquals(184L, events.get(1).get("log.offset").asLong());
        }
    }

    @Test
    void withoutMultilineEveryCompleteCriLineIsAnEvent() throws Exception {
        try (TailHarness tail = TailHarness.start(uri("checkout-*_shop_checkout-*.log", "format=auto"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.events().size() == 10);
            List<LogEvent> events = inFileOrder(tail.sink.events());
            assertEquals("java.net.SocketTimeoutException: Read timed out", events.get(3).text("message"));
            assertEquals("\t... 12 more", events.get(7).text("message"));
        }
    }

    @Test
    void dockerNginxLogGivesOneEventPerRecord() throws Exception {
        try (TailHarness tail = TailHarness.start(uri("nginx-*_web_nginx-*.log", "format=docker"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.events().size() == 3);
            List<LogEvent> events = inFileOrder(tail.sink.events());
            assertEquals(List.of(
                    "10.1.2.3 - - [24/Nov/2026:10:00:00 +0000] \"GET /api/v1/items/42 HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"",
                    "10.1.2.4 - bob [24/Nov/2026:10:00:01 +0000] \"POST /login HTTP/1.1\" 401 87 \"https://shop.example/\" \"Mozilla/5.0 (X11; Linux x86_64)\"",
                    "2026/11/24 10:00:02 [error] 7#7: *1 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.1.2.5, server: shop, request: \"GET /api/v1/cart HTTP/1.1\", upstream: \"http://10.2.0.9:8080/api/v1/cart\""),
                    events.stream().map(e -> e.text("message")).toList());
            assertEquals(List.of("stdout", "stdout", "stderr"), events.stream().map(e -> e.text("stream")).toList());
            assertEquals("2026-11-24T10:00:02.000123456Z", events.get(2).text("@timestamp"));
            assertEquals("nginx-6b8d9c7f5-abcde", events.get(0).text("kubernetes.pod.name"));
            assertEquals("web", events.get(0).text("kubernetes.namespace"));
            assertEquals("nginx", events.get(0).text("kubernetes.container.name"));
            assertEquals("0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", events.get(0).text("container.id"));
        }
    }

    private static List<LogEvent> inFileOrder(List<LogEvent> events) {
        return events.stream().sorted(Comparator.comparingLong(e -> e.get("log.offset").asLong())).toList();
    }
}
