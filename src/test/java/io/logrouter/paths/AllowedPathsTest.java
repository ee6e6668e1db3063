package io.logrouter.paths;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths judged as the system will open them: under a root after links are followed, and never through '..'. */
class AllowedPathsTest {

    @TempDir
    Path dir;

    @Test
    void aPathOrGlobUnderARootIsAllowed() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        AllowedPaths allowed = AllowedPaths.of(List.of(logs.toString()));

        allowed.check("file", logs.resolve("app.log"));
        allowed.check("file", logs.resolve("not/yet/there.log"));
        allowed.checkGlob("include", logs + "/**/*.log");
        allowed.checkGlob("include", logs + "/app..1.log");
    }

    @Test
    void anythingElseIsRefused() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.createSymbolicLink(logs.resolve("link"), secrets);
        AllowedPaths allowed = AllowedPaths.of(List.of(logs.toString()));

        assertThrows(IllegalArgumentException.class, () -> allowed.check("file", secrets.resolve("key")));
        assertThrows(IllegalArgumentException.class, () -> allowed.check("file", logs.resolve("../secrets/key")));
        assertThrows(IllegalArgumentException.class, () -> allowed.check("file", logs.resolve("link/key")));
        assertThrows(IllegalArgumentException.class, () -> allowed.checkGlob("include", "/etc/*"));
        assertThrows(IllegalArgumentException.class, () -> allowed.checkGlob("include", logs + "/*/../../secrets/*"));
        assertThrows(IllegalArgumentException.class, () -> allowed.checkGlob("include", logs + "/link/*.log"));
        assertThrows(IllegalArgumentException.class, () -> allowed.checkGlob("include", "*.log"));
        assertThrows(IllegalArgumentException.class,
                () -> AllowedPaths.of(List.of()).check("file", logs.resolve("app.log")), "no root, no file");
    }
}
