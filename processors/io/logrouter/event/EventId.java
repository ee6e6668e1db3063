package io.logrouter.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Deterministic event ids: the same event delivered twice gets the same id, so the sink overwrites instead of
 * duplicating. 128 bits of SHA-256 keep collisions out of reach at any log volume.
 */
public final class EventId {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private EventId() {
    }

    /** For sources with a position: a file's identity and the byte offset of the line, a partition and offset. */
    public static String ofPosition(String sourceIdentity, long position) {
        return hash(sourceIdentity + '@' + position);
    }

    /** For sources without a position (HTTP): the content itself. */
    public static String ofContent(String content) {
        return hash(content);
    }

    private static String hash(String input) {
        MessageDigest digest = SHA256.get();
        byte[] full = digest.digest(input.getBytes(StandardCharsets.UTF_8));
        byte[] half = new byte[16];
        System.arraycopy(full, 0, half, 0, 16);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(half);
    }
}
