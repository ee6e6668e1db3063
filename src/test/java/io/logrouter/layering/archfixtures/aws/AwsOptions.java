package io.logrouter.layering.archfixtures.aws;

/** Gives the fixture package aws a class, so that its rule has something to check; breaks nothing. */
public class AwsOptions {
}
