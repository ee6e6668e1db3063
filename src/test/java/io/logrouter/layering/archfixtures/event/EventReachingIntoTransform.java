package io.logrouter.layering.archfixtures.event;

import io.logrouter.layering.archfixtures.transforms.router.RouterReachingIntoSink;

/** Breaks "the package event depends on nothing else of the router". */
public class EventReachingIntoTransform {
    RouterReachingIntoSink router;
}
