package io.logrouter.layering.archfixtures.sources.tail;

import io.logrouter.layering.archfixtures.sinks.file.FileSink;

/** Breaks "the sources depend on no other stage". */
public class TailReachingIntoSink {
    FileSink sink;
}
