package io.logrouter.sources.tail;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files the tail reads and their checkpoints: finds them, opens them at their checkpoints, moves the checkpoints
 * to delivered marks, sends every file back to its checkpoint after a failure, and releases the files read to their
 * end after a rotation. Used by the tail thread alone.
 */
final class TailedFiles {

    private static final Logger LOG = LoggerFactory.getLogger(TailedFiles.class);

    private final TailConfiguration config;
    private final CheckpointRegistry registry;
    private final FileScanner scanner;
    private final Map<FileIdentity, TailedFile> files = new LinkedHashMap<>();
    /** The registry's content: the checkpoints of the files tailed or still included. */
    private final Map<String, Checkpoint> checkpoints = new LinkedHashMap<>();
    private volatile int openFiles;

    private TailedFiles(TailConfiguration config, CheckpointRegistry registry, Map<String, Checkpoint> checkpoints) {
        this.config = config;
        this.registry = registry;
        this.checkpoints.putAll(checkpoints);
        this.scanner = new FileScanner(config.getInclude(), config.getExclude());
    }

    /** The files of the configured globs, none open yet, with the checkpoints the registry holds. */
    static TailedFiles load(TailConfiguration config) throws IOException {
        CheckpointRegistry registry = new CheckpointRegistry(Path.of(config.getRegistry()));
        return new TailedFiles(config, registry, registry.load());
    }

    /** Read by metrics from any thread. */
    int openFiles() {
        return openFiles;
    }

    /** A copy, since reading may drop files. */
    List<TailedFile> all() {
        return new ArrayList<>(files.values());
    }

    /** Every file's mark at the position read so far: where its checkpoint moves once what was read is delivered. */
    List<ReadMark> marks() {
        return files.values().stream().map(TailedFile::mark).toList();
    }

    /** Looks for new, renamed, rotated and deleted files. */
    void discover(boolean startup) throws IOException {
        Map<FileIdentity, Path> found = scanner.scan();
        if (startup) {
            findRotatedWhileDown(found);
        }
        for (TailedFile file : files.values()) {
            Path path = found.get(file.identity());
            if (path == null) {
                file.orphan();
            } else {
                file.foundAt(path);
            }
        }
        boolean changed = false;
        for (Map.Entry<FileIdentity, Path> entry : found.entrySet()) {
            if (!files.containsKey(entry.getKey())) {
                changed |= open(entry.getKey(), entry.getValue(), startup);
            }
        }
        // forget files neither tailed nor included any more, so the registry does not grow with every rotation
        changed |= checkpoints.keySet().removeIf(key -> {
            FileIdentity identity = new FileIdentity(key);
            return !found.containsKey(identity) && !files.containsKey(identity);
        });
        openFiles = files.size();
        if (changed) {
            registry.save(checkpoints.values());
        }
    }

    /**
     * A file rotated away (renamed out of the include globs) while the agent was down, or killed, may still hold
     * lines that were never delivered: it is looked for beside its last path under a name that starts with it
     * ({@code app.log.1}, the kubelet's {@code 0.log.20261126-101500}), opened at its checkpoint, and, since no scan
     * finds it again, read to its end and released like any file rotated away while running.
     */
    private void findRotatedWhileDown(Map<FileIdentity, Path> found) {
        for (Checkpoint checkpoint : checkpoints.values()) {
            FileIdentity identity = new FileIdentity(checkpoint.identity());
            Path last = Path.of(checkpoint.path());
            if (found.containsKey(identity) || last.getParent() == null || !Files.isDirectory(last.getParent())) {
                continue;
            }
            String name = last.getFileName().toString();
            try (DirectoryStream<Path> siblings = Files.newDirectoryStream(last.getParent(),
                    sibling -> sibling.getFileName().toString().startsWith(name))) {
                for (Path sibling : siblings) {
                    if (identity.equals(FileIdentity.of(sibling))) {
                        found.put(identity, sibling);
                        break;
                    }
                }
            } catch (IOException e) {
                LOG.warn("Cannot look for the rotated {} beside {}: {}", checkpoint.identity(), last, e.toString());
            }
        }
    }

    /**
     * A new file's checkpoint is saved before any of it is delivered, so that its generation, part of its event
     * ids, survives a crash and a redelivery overwrites.
     */
    private boolean open(FileIdentity identity, Path path, boolean startup) {
        try {
            TailedFile file = TailedFile.open(path, identity, checkpoints.get(identity.key()), startup && !config.isReadFromHead(), config);
            if (file == null) {
                return false; // replaced between the scan and the opening: the next scan finds the new file
            }
            files.put(identity, file);
            Checkpoint checkpoint = file.checkpoint();
            checkpoints.put(identity.key(), checkpoint);
            LOG.info("Tailing {} from offset {}", path, checkpoint.offset());
            return true;
        } catch (IOException e) {
            LOG.warn("Cannot open {}: {}", path, e.toString());
            return false;
        }
    }

    /**
     * After a delivery: moves the files' checkpoints to their marks, oldest first, releases the files drained by then
     * and saves the registry.
     */
    void checkpoint(List<ReadMark> marks) throws IOException {
        boolean changed = false;
        for (ReadMark mark : marks) {
            TailedFile file = mark.file();
            // a file released, or dropped and opened again, since the mark was taken is not this one any more
            if (files.get(file.identity()) != file || !file.commit(mark)) {
                continue;
            }
            Checkpoint checkpoint = file.checkpoint();
            if (mark.drained()) {
                LOG.info("Released {}: read to its end after it was rotated away or deleted", file.path());
                closeQuietly(file);
                files.remove(file.identity());
                changed |= checkpoints.remove(checkpoint.identity()) != null;
            } else {
                changed |= !checkpoint.equals(checkpoints.put(checkpoint.identity(), checkpoint));
            }
        }
        openFiles = files.size();
        if (changed) {
            registry.save(checkpoints.values());
        }
    }

    /** After a failure, with nothing in flight: every file goes back to its checkpoint. */
    void rewind() {
        for (TailedFile file : new ArrayList<>(files.values())) {
            try {
                file.rewind();
            } catch (IOException e) {
                drop(file, e);
            }
        }
    }

    /** Closes a file that cannot be read; its checkpoint stays, so the next scan opens it again where it was. */
    void drop(TailedFile file, IOException e) {
        LOG.warn("Cannot read {}; closing it until the next scan: {}", file.path(), e.toString());
        closeQuietly(file);
        files.remove(file.identity());
        openFiles = files.size();
    }

    /** On the way out: the checkpoints stay, so the next start opens every file again where it was. */
    void closeAll() {
        files.values().forEach(this::closeQuietly);
        files.clear();
        openFiles = 0;
    }

    private void closeQuietly(TailedFile file) {
        try {
            file.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed", file.path(), e);
        }
    }
}
