package io.logrouter.layering.archfixtures.transforms;

/** Gives the fixture package transforms a class, so that its rule has something to check; breaks nothing. */
public class TransformShared {
}
