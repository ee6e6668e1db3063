package io.logrouter.layering.archfixtures.sinks.file;

/** A fixture sink; breaks nothing. */
public class FileSink {
}
