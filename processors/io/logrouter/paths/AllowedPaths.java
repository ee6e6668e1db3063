package io.logrouter.paths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The folders a component may read or write files under, when the router confines it (a routes file names the paths,
 * and a routes file must not reach any file the process can). A path is judged as the system will open it: {@code ..}
 * is refused outright (whether {@code a/link/..} is {@code a} depends on the link), and links are followed as far as
 * the path exists, so a link inside a folder pointing outside it does not count as inside.
 */
public record AllowedPaths(List<Path> roots) {

    private static final String GLOB_CHARACTERS = "*?[{";

    public static AllowedPaths of(List<String> roots) {
        return new AllowedPaths(roots.stream().map(Path::of).map(AllowedPaths::real).toList());
    }

    /** @throws IllegalArgumentException naming the option, when the path is not under one of the roots */
    public void check(String option, Path path) {
        refuseParentSteps(option, path);
        Path real = real(path);
        if (roots.stream().noneMatch(real::startsWith)) {
            throw new IllegalArgumentException(option + " " + path + " is outside the folders allowed here " + roots);
        }
    }

    /** A glob pattern: the folder before its first wildcard must be allowed, so every file it matches is too. */
    public void checkGlob(String option, String pattern) {
        Path glob = Path.of(pattern);
        refuseParentSteps(option, glob);
        Path base = glob.getRoot();
        for (Path name : glob) {
            if (name.toString().chars().anyMatch(c -> GLOB_CHARACTERS.indexOf(c) >= 0)) {
                break;
            }
            base = base == null ? name : base.resolve(name);
        }
        check(option, base == null ? glob : base);
    }

    private static void refuseParentSteps(String option, Path path) {
        for (Path name : path) {
            if (name.toString().equals("..")) {
                throw new IllegalArgumentException(option + " " + path + ": '..' is not allowed in a path");
            }
        }
    }

    /** The path with {@code ..} resolved and links followed as far as it exists. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        for (Path existing = absolute; existing != null; existing = existing.getParent()) {
            if (Files.exists(existing)) {
                try {
                    return existing.toRealPath().resolve(existing.relativize(absolute));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return absolute;
    }
}
