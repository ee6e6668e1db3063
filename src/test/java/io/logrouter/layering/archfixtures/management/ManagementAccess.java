package io.logrouter.layering.archfixtures.management;

/** Gives the fixture package management a class, so that its rule has something to check; breaks nothing. */
public class ManagementAccess {
}
