package io.logrouter.sources.tail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads at a given place in a file without moving the channel's own position, which is where tailing goes on. */
final class ChannelReads {

    private ChannelReads() {
    }

    /** Up to {@code length} bytes from {@code position}, fewer if the file ends first; the buffer is ready to read. */
    static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        while (bytes.hasRemaining() && channel.read(bytes, position + bytes.position()) > 0) {
            // a short read is not the end of the file: read on until the buffer is full or nothing comes
        }
        return bytes.flip();
    }
}
