package io.logrouter.sources.tail;

/**
 * What the registry remembers of one file: its identity and fingerprint, the generation that keeps event ids of a
 * rewritten file apart from those of its earlier content, the path it was last seen at, and the offset up to which
 * its lines have been delivered.
 */
record Checkpoint(String identity, long generation, String path, long offset, long fingerprintCrc, int fingerprintLength) {

    Fingerprint fingerprint() {
        return new Fingerprint(fingerprintCrc, fingerprintLength);
    }
}
