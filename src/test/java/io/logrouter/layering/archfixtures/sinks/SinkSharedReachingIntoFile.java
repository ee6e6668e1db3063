package io.logrouter.layering.archfixtures.sinks;

import io.logrouter.layering.archfixtures.sinks.file.FileSink;

/** Breaks "the shared code of the sinks depends on none of them". */
public class SinkSharedReachingIntoFile {
    FileSink sink;
}
