package io.logrouter.sources.tail;

/** Which lines {@code multilinePattern} describes: those that continue an event, or those that start one. */
public enum MultilineMatch {
    CONTINUATION,
    START
}
