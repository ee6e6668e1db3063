package io.logrouter.layering.archfixtures.reload;

import io.logrouter.layering.archfixtures.sources.SourceShared;

/** Breaks "nothing but a stage depends on a stage" (the reloader asks no stage). */
public class ReloaderReachingIntoSource {
    SourceShared source;
}
