package io.logrouter.reload;

/** Why a routes file was rejected, and where: {@code line} counts from 1, 0 when no line applies. */
public record RouteProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
