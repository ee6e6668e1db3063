package io.logrouter.layering.archfixtures.sinks.file;

import io.logrouter.layering.archfixtures.sources.SourceShared;

/** Breaks "the sinks depend on no other stage". */
public class SinkReachingIntoSource {
    SourceShared source;
}
