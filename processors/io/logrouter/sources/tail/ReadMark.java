package io.logrouter.sources.tail;

/**
 * Where a file's checkpoint moves once the batch read up to here is delivered, for the content of {@code generation};
 * {@code drained}: the file was read to its end after it was rotated away, and is then released.
 */
record ReadMark(TailedFile file, long generation, long offset, boolean drained) {
}
