package io.logrouter.transforms.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.event.DeadLetterEnvelope;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import org.junit.jupiter.api.Test;

class EnvelopeParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EnvelopeParser unwrapper = new EnvelopeParser();

    @Test
    void restoresTheOriginalEventAndItsId() throws Exception {
        ObjectNode fields = (ObjectNode) JSON.readTree("{\"message\":\"boom\",\"n\":\"x\",\"kafka\":{\"offset\":3}}");
        LogEvent original = new LogEvent("original-id", fields.deepCopy());
        String record = DeadLetterEnvelope.wrap(original, "elasticsearch", "mapping conflict", "r").fields().toString();
        LogEvent read = LogEvent.ofMessage("position-of-the-dead-letter-record", record);

        unwrapper.apply(read);

        assertEquals("original-id", read.id());
        assertEquals(fields, read.fields());
    }

    @Test
    void keepsWhatIsNotAnEnvelopeWithTheParseFailureMarker() {
        for (String record : new String[] {"plain text", "{\"event\":{\"a\":1}}", "{\"id\":\"x\",\"event\":\"s\"}"}) {
            LogEvent read = LogEvent.ofMessage("id", record);

            unwrapper.apply(read);

            assertEquals("id", read.id());
            assertEquals(record, read.text("message"));
            assertTrue(EventMarkers.has(read, EventMarkers.PARSE_FAILURE), read.toString());
        }
    }
}
