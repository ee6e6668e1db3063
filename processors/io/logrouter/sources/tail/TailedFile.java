package io.logrouter.sources.tail;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.logrouter.event.EventBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open file being tailed: its lines go through framing, partial-line and multiline joining into events, and it
 * knows the offset up to which they have been delivered. The handle stays open across renames, so a rotated file is
 * read to its end; {@link #rewind()} goes back to the delivered offset after a failed delivery.
 */
final class TailedFile implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(TailedFile.class);

    /** Kept per open file for its whole life, so small: a node can have hundreds of container logs open. */
    private static final int READ_BUFFER_BYTES = 16 * 1024;
    /** Room on top of a maximal message for its framing: the CRI prefix, or Docker's JSON escaping. */
    private static final int FRAMING_BYTES = 128 * 1024;

    private final FileIdentity identity;
    private final FileChannel channel;
    private final LogFormat format;
    private final long rotateWaitNanos;
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES).flip();
    private final LineAssembler lines;
    private final PartialLineJoiner partials;
    private final MultilineJoiner multiline;
    /** What the joiners hold back, in pipeline order: partial chunks, then multiline events if configured. */
    private final List<PendingByStream> heldBack;
    private final Optional<ContainerLogFileName> container;
    private Path path;
    private long generation;
    private LogEventFactory events;
    private Fingerprint fingerprint;
    private long committedOffset;
    /** When the file last showed a sign of its writer: new bytes, or the rotation itself. */
    private long quietSinceNanos = System.nanoTime();
    private boolean orphaned;
    private boolean drained;
    private EventBatch output;

    private TailedFile(Path path, FileIdentity identity, FileChannel channel, long generation, long offset,
            TailConfiguration config) throws IOException {
        this.path = path;
        this.container = ContainerLogFileName.parse(path);
        this.identity = identity;
        this.channel = channel;
        this.format = config.getFormat();
        this.rotateWaitNanos = TimeUnit.MILLISECONDS.toNanos(config.getRotateWait());
        this.lines = new LineAssembler(config.getMaxEventBytes() + FRAMING_BYTES, offset);
        Consumer<LogRecord> emit = record -> output.add(events.create(record, this.path));
        this.multiline = config.getMultilinePattern() == null ? null
                : new MultilineJoiner(config.getMultilinePattern(), config.getMultilineMatch(), config.getMultilineFlushMs(), emit);
        this.partials = new PartialLineJoiner(config.getMaxEventBytes(), multiline != null ? multiline : emit);
        this.heldBack = multiline == null ? List.of(partials.pending()) : List.of(partials.pending(), multiline.pending());
        begin(generation, offset);
    }

    /**
     * Opens the file at the saved checkpoint when it is still the file the checkpoint is for, else at its start (or,
     * with {@code startAtEnd}, after its last complete line). Null when the path was replaced by another file
     * between the scan and the opening.
     */
    static TailedFile open(Path path, FileIdentity identity, Checkpoint saved, boolean startAtEnd, TailConfiguration config)
            throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            if (!identity.equals(FileIdentity.of(path))) {
                channel.close();
                return null;
            }
            if (saved != null && saved.offset() <= channel.size() && saved.fingerprint().matches(channel)) {
                return new TailedFile(path, identity, channel, saved.generation(), saved.offset(), config);
            }
            long start = startAtEnd ? endOfLastLine(channel, config.getMaxEventBytes() + FRAMING_BYTES) : 0;
            return new TailedFile(path, identity, channel, System.currentTimeMillis(), start, config);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Reads complete lines into the batch until it holds {@code maxEvents} events, or {@code maxBytes} have been
     * consumed (give or take the last line), or the file has no more complete lines. Returns the bytes consumed.
     */
    long read(EventBatch batch, int maxEvents, long maxBytes) throws IOException {
        long size = channel.size();
        // checked before reading new bytes: after a copytruncate they could belong to different content
        if (size < channel.position() || size > channel.position() && !fingerprint.matches(channel)) {
            startOver("it was truncated or rewritten in place (copytruncate rotation)");
        }
        output = batch;
        long before = lines.position();
        while (batch.size() < maxEvents && lines.position() - before < maxBytes && (buffer.hasRemaining() || fillBuffer())) {
            RawLine raw = lines.next(buffer);
            if (raw != null) {
                accept(raw);
            }
        }
        long consumed = lines.position() - before;
        if (consumed > 0) {
            quietSinceNanos = System.nanoTime();
        }
        return consumed;
    }

    /** Emits the multiline events whose continuation lines have stopped coming, as far as the batch has room. */
    void flushExpired(EventBatch batch, int maxEvents, long nowNanos) {
        if (multiline != null && batch.size() < maxEvents) {
            output = batch;
            multiline.flushExpired(nowNanos, maxEvents - batch.size());
        }
    }

    /**
     * No longer found at an included path: rotated away or deleted. It is still read to its end, and rotateWait
     * counts from now, since the writer may not have reopened its file yet, however long it was quiet before.
     */
    void orphan() {
        if (!orphaned) {
            orphaned = true;
            quietSinceNanos = System.nanoTime();
        }
    }

    /** Seen at an included path, possibly a new name after a rename. */
    void foundAt(Path current) {
        path = current;
        orphaned = false;
    }

    /** Whether the file is out of the include patterns and has stayed quiet for rotateWait since. */
    boolean writerIsGone(long nowNanos) {
        return orphaned && nowNanos - quietSinceNanos >= rotateWaitNanos;
    }

    /**
     * Emits everything held back, an unfinished last line included, since nothing will complete it any more; after
     * the batch is delivered the file is released. Waits for a later batch while this one has no room for all of it;
     * into an empty batch it always drains, so a batchSize below the few records held back cannot keep a file open.
     */
    void drain(EventBatch batch, int maxEvents) {
        int records = 1 + heldBack.stream().mapToInt(PendingByStream::size).sum();
        if (!batch.isEmpty() && batch.size() + records > maxEvents) {
            return;
        }
        output = batch;
        RawLine unfinished = lines.takePartial();
        if (unfinished != null) {
            accept(unfinished);
        }
        partials.flush();
        if (multiline != null) {
            multiline.flush();
        }
        drained = true;
    }

    boolean isDrained() {
        return drained;
    }

    /** Where the checkpoint moves once the events emitted so far are delivered: the first line not yet fully emitted. */
    ReadMark mark() {
        long heldBackFrom = heldBack.stream().mapToLong(PendingByStream::earliestOffset).min().orElseThrow();
        return new ReadMark(this, generation, drained ? lines.position() : Math.min(lines.lineStart(), heldBackFrom), drained);
    }

    /**
     * The events up to the mark were delivered: the checkpoint moves there. False, and nothing moves, when the
     * content was replaced after the mark was taken (its offsets belong to the old content).
     */
    boolean commit(ReadMark mark) throws IOException {
        if (mark.generation() != generation) {
            return false;
        }
        committedOffset = mark.offset();
        // grown only while the bytes it covers are still the ones read: else the next read must see the change
        if (fingerprint.canGrow(channel.size()) && fingerprint.matches(channel)) {
            fingerprint = Fingerprint.of(channel);
        }
        return true;
    }

    /** The emitted events were not delivered: forget them and everything held back, and read again from the checkpoint. */
    void rewind() throws IOException {
        channel.position(committedOffset);
        buffer.clear().flip();
        lines.reset(committedOffset);
        heldBack.forEach(PendingByStream::clear);
        drained = false;
    }

    Checkpoint checkpoint() {
        return new Checkpoint(identity.key(), generation, path.toString(), committedOffset, fingerprint.crc(), fingerprint.length());
    }

    FileIdentity identity() {
        return identity;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * The content was replaced under the same inode: read it from its start under a new generation, so that its
     * event ids differ from those of the old content at the same offsets.
     */
    private void startOver(String reason) throws IOException {
        LOG.info("Reading {} again from its start: {}", path, reason);
        begin(System.currentTimeMillis(), 0);
    }

    private void begin(long newGeneration, long offset) throws IOException {
        generation = newGeneration;
        events = new LogEventFactory(identity.key() + "/" + generation, container);
        fingerprint = Fingerprint.of(channel);
        committedOffset = offset;
        rewind();
    }

    private void accept(RawLine raw) {
        partials.accept(raw.offset(), format.decode(raw.text()), raw.truncated());
    }

    private boolean fillBuffer() throws IOException {
        buffer.clear();
        int read = channel.read(buffer);
        buffer.flip();
        return read > 0;
    }

    /** Where a line that has not been written yet would start, looking back no further than one maximal line. */
    private static long endOfLastLine(FileChannel channel, int window) throws IOException {
        long size = channel.size();
        long from = Math.max(0, size - window);
        ByteBuffer tail = ChannelReads.readAt(channel, from, (int) (size - from));
        for (int i = tail.limit() - 1; i >= 0; i--) {
            if (tail.get(i) == '\n') {
                return from + i + 1;
            }
        }
        return from == 0 ? 0 : size;
    }
}
