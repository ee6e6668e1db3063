package io.logrouter.sources.tail;

/**
 * One newline-terminated line as read from a file: the byte offset where it starts, its text (invalid UTF-8 replaced),
 * and whether it was longer than the reader keeps and so was cut.
 */
record RawLine(long offset, String text, boolean truncated) {
}
