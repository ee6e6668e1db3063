package io.logrouter.sinks.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.event.LogEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class PartitionKeyTest {

    private static final PartitionKey HIVE = new PartitionKey("service={service.name}/dt={yyyy-MM-dd}/hour={HH}");

    private static LogEvent event(String service, String timestamp) {
        LogEvent event = LogEvent.ofMessage("1", "hello");
        if (service != null) {
            event.put("service.name", service);
        }
        if (timestamp != null) {
            event.put("@timestamp", timestamp);
        }
        return event;
    }

    @Test
    void serviceDayAndHourComeFromTheEventInUtc() {
        assertEquals("service=checkout/dt=2026-03-04/hour=23",
                HIVE.of(event("checkout", "2026-03-04T23:59:59.999Z")));
        assertEquals("service=checkout/dt=2026-03-05/hour=01",
                HIVE.of(event("checkout", "2026-03-05T03:30:00+02:00")));
    }

    @Test
    void aValueCannotAddPathLevelsOrBreakTheNameValueForm() {
        assertEquals("service=Check_Out_API_v2_x_y/dt=2026-03-04/hour=10",
                HIVE.of(event("Check Out/API v2=x?y", "2026-03-04T10:00:00Z")));
    }

    @Test
    void aMissingFieldHasAPlaceToGo() {
        assertEquals("service=unknown/dt=2026-03-04/hour=10", HIVE.of(event(null, "2026-03-04T10:00:00Z")));
    }

    @Test
    void anUnreadableTimestampFilesTheEventUnderTheCurrentHour() {
        DateTimeFormatter hour = DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hour='HH").withZone(ZoneOffset.UTC);
        String before = hour.format(Instant.now());
        String key = HIVE.of(event("api", "yesterday at noon"));
        String after = hour.format(Instant.now());
        assertTrue(key.equals("service=api/" + before) || key.equals("service=api/" + after), key);
    }

    @Test
    void literalTextAndNestedFieldsCanBeMixed() {
        LogEvent event = event("api", "2026-03-04T10:00:00Z");
        event.put("kubernetes.namespace", "prod");
        assertEquals("env=prod/api-2026.03",
                new PartitionKey("env={kubernetes.namespace}/{service.name}-{yyyy.MM}").of(event));
    }

    @Test
    void aBrokenTemplateIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new PartitionKey("service={service.name"));
        assertThrows(IllegalArgumentException.class, () -> new PartitionKey("service=}x"));
        assertThrows(IllegalArgumentException.class, () -> new PartitionKey("/dt={yyyy-MM-dd}"));
    }
}
