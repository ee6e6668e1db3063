package io.logrouter.layering.archfixtures.reload;

import io.logrouter.layering.archfixtures.sources.SourceShared;

/** Breaks "the reloader depends on no stage". */
public class ReloaderReachingIntoSource {
    SourceShared source;
}
