package io.logrouter.layering.archfixtures.paths;

import io.logrouter.layering.archfixtures.reload.ReloaderReachingIntoSource;

/** Breaks "the package paths depends on nothing else of the router". */
public class PathsReachingIntoReload {
    ReloaderReachingIntoSource reloader;
}
