package io.logrouter.sources.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DockerJsonLineParserTest {

    @Test
    void parsesARecordAndDropsTheTrailingNewline() {
        assertEquals(new ContainerLine("2026-11-24T10:00:00.000123456Z", "stderr", false, "say \"hi\"\ttab", null),
                DockerJsonLineParser.parse("{\"log\":\"say \\\"hi\\\"\\ttab\\n\",\"stream\":\"stderr\",\"time\":\"2026-11-24T10:00:00.000123456Z\"}"));
    }

    @Test
    void aRecordWithoutTrailingNewlineIsAPieceOfASplitLine() {
        ContainerLine piece = DockerJsonLineParser.parse("{\"log\":\"first 16 KiB\",\"stream\":\"stdout\",\"time\":\"t\"}");
        assertEquals(true, piece.partial());
        assertEquals("first 16 KiB", piece.text());
    }

    @Test
    void refusesWhatIsNotAJsonFileRecord() {
        assertNull(DockerJsonLineParser.parse("{\"level\":\"WARN\",\"msg\":\"broken"));
        assertNull(DockerJsonLineParser.parse("{\"msg\":\"an application's own JSON\"}"));
        assertNull(DockerJsonLineParser.parse("{\"log\":42}"));
        assertNull(DockerJsonLineParser.parse("[1,2]"));
        assertNull(DockerJsonLineParser.parse(""));
    }
}
