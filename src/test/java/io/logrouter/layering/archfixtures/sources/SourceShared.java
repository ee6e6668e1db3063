package io.logrouter.layering.archfixtures.sources;

/** Code the fixture sources share; breaks nothing (what SinkReachingIntoSource and ReloaderReachingIntoSource reach). */
public class SourceShared {
}
