package io.logrouter.reload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One routes file as read at one moment: its content is what gets loaded, so a file edited again while it loads is
 * simply a newer version for the next look. The version is a hash of the content, not a timestamp, because a
 * ConfigMap swap gives every file a new modification time whether it changed or not.
 */
public record RouteFile(String name, String location, String content, String version) {

    /** Reads through symlinks, as a ConfigMap mount's files are links into its current {@code ..data} folder. */
    public static RouteFile read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        return new RouteFile(path.getFileName().toString(), path.toString(), new String(bytes, StandardCharsets.UTF_8),
                versionOf(bytes));
    }

    public static RouteFile of(String location, String content) {
        return new RouteFile(Path.of(location).getFileName().toString(), location, content,
                versionOf(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static String versionOf(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
