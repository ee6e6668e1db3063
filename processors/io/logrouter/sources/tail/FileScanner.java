package io.logrouter.sources.tail;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the files that the include globs match and the exclude globs do not. Each include pattern is walked from its
 * longest directory prefix without wildcards, only as deep as the pattern reaches, so {@code /var/log/containers/*.log}
 * lists one directory instead of all of /var/log.
 */
final class FileScanner {

    private static final Logger LOG = LoggerFactory.getLogger(FileScanner.class);

    private final List<String> include;
    private final List<PathMatcher> exclude;

    FileScanner(List<String> include, List<String> exclude) {
        this.include = include;
        this.exclude = exclude.stream().map(FileScanner::matcher).toList();
    }

    /** The matching regular files (links followed) by identity; a file reachable by two paths is listed once. */
    Map<FileIdentity, Path> scan() {
        Map<FileIdentity, Path> found = new LinkedHashMap<>();
        for (String pattern : include) {
            walk(pattern, found);
        }
        return found;
    }

    private void walk(String pattern, Map<FileIdentity, Path> found) {
        PathMatcher matcher = matcher(pattern);
        String[] segments = pattern.split("/");
        int fixed = 0;
        while (fixed < segments.length - 1 && !hasWildcard(segments[fixed])) {
            fixed++;
        }
        Path base = Path.of("/", String.join("/", List.of(segments).subList(0, fixed)));
        int depth = pattern.contains("**") ? Integer.MAX_VALUE : segments.length - fixed;
        if (!Files.isDirectory(base)) {
            return;
        }
        try {
            Files.walkFileTree(base, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (matcher.matches(file) && exclude.stream().noneMatch(e -> e.matches(file)) && Files.isRegularFile(file)) {
                        add(file, found);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // an unreadable directory or a file deleted during the walk must not hide the others
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot list {} for include pattern {}: {}", base, pattern, e.toString());
        }
    }

    private static void add(Path file, Map<FileIdentity, Path> found) {
        try {
            found.putIfAbsent(FileIdentity.of(file), file);
        } catch (NoSuchFileException gone) {
            // deleted between listing and looking: nothing to tail
        } catch (IOException e) {
            LOG.warn("Cannot identify {}: {}", file, e.toString());
        }
    }

    private static boolean hasWildcard(String segment) {
        return segment.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }
}
