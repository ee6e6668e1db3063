package io.logrouter.sources.tail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * Which file a path leads to, independent of its name: device and inode, so that a file keeps its identity, and its
 * checkpoint, when it is renamed by rotation. Symbolic links (as under /var/log/containers) are followed.
 */
record FileIdentity(String key) {

    static FileIdentity of(Path path) throws IOException {
        try {
            Map<String, Object> unix = Files.readAttributes(path, "unix:dev,ino");
            return new FileIdentity(unix.get("dev") + ":" + unix.get("ino"));
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            Object fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            if (fileKey == null) {
                throw new IOException("the file system gives no identity for " + path);
            }
            return new FileIdentity(fileKey.toString());
        }
    }
}
