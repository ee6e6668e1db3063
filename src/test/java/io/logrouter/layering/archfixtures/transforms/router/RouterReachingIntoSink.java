package io.logrouter.layering.archfixtures.transforms.router;

import io.logrouter.layering.archfixtures.sinks.file.FileSink;

/** Breaks "the transforms depend on no other stage". */
public class RouterReachingIntoSink {
    FileSink sink;
}
