package io.logrouter.sinks.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logrouter.event.LogEvent;
import org.junit.jupiter.api.Test;

class IndexNameTemplateTest {

    @Test
    void fieldsAndTheEventDateFillTheTemplate() {
        LogEvent event = LogEvent.ofMessage("1", "hello");
        event.put("service.name", "Check Out/API");
        event.put("@timestamp", "2026-03-04T23:59:59.123Z");
        assertEquals("logs-check_out_api-2026.03.04",
                new IndexNameTemplate("logs-{service.name}-{yyyy.MM.dd}").resolve(event));
    }

    @Test
    void aMissingFieldHasAPlaceToGo() {
        LogEvent event = LogEvent.ofMessage("1", "hello");
        event.put("@timestamp", "2026-03-04T10:00:00Z");
        assertEquals("logs-unknown-2026.03.04-10",
                new IndexNameTemplate("logs-{service.name}-{yyyy.MM.dd-HH}").resolve(event));
    }

    @Test
    void aConstantNameIsUsedAsIs() {
        assertEquals("it-files", new IndexNameTemplate("it-files").resolve(LogEvent.ofMessage("1", "x")));
    }
}
