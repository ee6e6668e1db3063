package io.logrouter.sources.tail;

/**
 * Lines in the CRI logging format that containerd and CRI-O write for the kubelet:
 * {@code <RFC3339Nano time> <stdout|stderr> <P|F> <text>}. {@code P} marks a chunk of a longer line that the runtime
 * split; the chunks up to the next {@code F} of the same stream make the whole line.
 */
final class CriLineParser {

    private CriLineParser() {
    }

    /** The parsed line, or null when the line is not in the CRI format. */
    static ContainerLine parse(String line) {
        int timeEnd = line.indexOf(' ');
        if (timeEnd < 0 || !looksLikeTimestamp(line, timeEnd)) {
            return null;
        }
        int streamEnd = line.indexOf(' ', timeEnd + 1);
        if (streamEnd < 0) {
            return null;
        }
        String stream = line.substring(timeEnd + 1, streamEnd);
        if (!stream.equals("stdout") && !stream.equals("stderr")) {
            return null;
        }
        // an empty line is written as "... stdout F" with no space after the tag
        int tagEnd = line.indexOf(' ', streamEnd + 1);
        String tag = tagEnd < 0 ? line.substring(streamEnd + 1) : line.substring(streamEnd + 1, tagEnd);
        boolean partial = tag.equals("P");
        if (!partial && !tag.equals("F")) {
            return null;
        }
        String text = tagEnd < 0 ? "" : line.substring(tagEnd + 1);
        return new ContainerLine(line.substring(0, timeEnd), stream, partial, text, null);
    }

    /** A cheap shape check (2026-11-24T10:00:00...) that is enough to tell CRI from other text in auto mode. */
    private static boolean looksLikeTimestamp(String line, int end) {
        return end >= 20 && line.charAt(4) == '-' && line.charAt(7) == '-' && line.charAt(10) == 'T'
                && Character.isDigit(line.charAt(0)) && Character.isDigit(line.charAt(3));
    }
}
