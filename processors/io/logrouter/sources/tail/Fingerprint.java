package io.logrouter.sources.tail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;

/**
 * A checksum of a file's first bytes. An inode number is reused once its file is deleted, and copytruncate rewrites a
 * file in place; a fingerprint that no longer matches tells that the content is not the one the checkpoint is for.
 */
record Fingerprint(long crc, int length) {

    static final int MAX_LENGTH = 1024;

    static Fingerprint of(FileChannel channel) throws IOException {
        ByteBuffer head = ChannelReads.readAt(channel, 0, (int) Math.min(MAX_LENGTH, channel.size()));
        return new Fingerprint(crc(head), head.remaining());
    }

    boolean matches(FileChannel channel) throws IOException {
        if (channel.size() < length) {
            return false;
        }
        ByteBuffer head = ChannelReads.readAt(channel, 0, length);
        return head.remaining() == length && crc(head) == crc;
    }

    /** Whether a fingerprint taken now would cover more bytes: the file was shorter than the fingerprint's span. */
    boolean canGrow(long fileSize) {
        return length < MAX_LENGTH && fileSize > length;
    }

    private static long crc(ByteBuffer bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes.duplicate());
        return crc.getValue();
    }
}
