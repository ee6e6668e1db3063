package io.logrouter.layering.archfixtures.support;

import io.logrouter.layering.archfixtures.sinks.file.FileSink;

/** A package no rule names breaks "nothing but a stage depends on a stage" too. */
public class SupportReachingIntoSink {
    FileSink sink;
}
