package io.logrouter.sinks.s3;

/**
 * One gzip NDJSON object ready to store. {@code name} is derived from the ids of the events inside, in order, so
 * the same events written again get the same name and overwrite the earlier copy instead of adding a duplicate.
 */
public record ArchiveObject(String name, byte[] content, int eventCount) {
}
