package io.logrouter.sources.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundedTextTest {

    @Test
    void keepsTextThatFits() {
        BoundedText text = new BoundedText(6);
        text.append("ab");
        text.append("cdef");
        assertEquals("abcdef", text.toString());
        assertFalse(text.truncated());
    }

    @Test
    void cutsOnlyBetweenCharactersNeverInsideOne() {
        BoundedText euro = new BoundedText(6);
        euro.append("aaaa\u20ac"); // the euro sign takes 3 bytes: 7 in all
        assertEquals("aaaa", euro.toString());
        assertTrue(euro.truncated());

        BoundedText emoji = new BoundedText(5);
        emoji.append("a\uD83D\uDE00b"); // the emoji is one 4-byte character made of two chars
        assertEquals("a\uD83D\uDE00", emoji.toString());
        assertTrue(emoji.truncated());
    }

    @Test
    void dropsEverythingAfterTheCut() {
        BoundedText text = new BoundedText(3);
        text.append("abcd");
        text.append("e");
        assertEquals("abc", text.toString());
    }
}
