package io.logrouter.sources.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CriLineParserTest {

    @Test
    void parsesAFullLineKeepingTheTextsOwnSpaces() {
        assertEquals(new ContainerLine("2026-11-24T10:00:00.000000001Z", "stdout", false, "a  b ", null),
                CriLineParser.parse("2026-11-24T10:00:00.000000001Z stdout F a  b "));
    }

    @Test
    void parsesAPartialChunkOnStderr() {
        assertEquals(new ContainerLine("2026-11-24T10:00:00+01:00", "stderr", true, "chunk", null),
                CriLineParser.parse("2026-11-24T10:00:00+01:00 stderr P chunk"));
    }

    @Test
    void parsesAnEmptyLineWithOrWithoutTheSpaceAfterTheTag() {
        assertEquals("", CriLineParser.parse("2026-11-24T10:00:00.1Z stdout F").text());
        assertEquals("", CriLineParser.parse("2026-11-24T10:00:00.1Z stdout F ").text());
    }

    @Test
    void refusesWhatIsNotCri() {
        assertNull(CriLineParser.parse(""));
        assertNull(CriLineParser.parse("plain text line"));
        assertNull(CriLineParser.parse("2026-11-24 10:00:01,500 ERROR [main] x - y"));
        assertNull(CriLineParser.parse("2026-11-24T10:00:00.1Z stdin F text"));
        assertNull(CriLineParser.parse("2026-11-24T10:00:00.1Z stdout X text"));
        assertNull(CriLineParser.parse("2026-11-24T10:00:00.1Z stdout"));
    }
}
