package io.logrouter.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routes folder as a ConfigMap mount: files behind links, swapped all at once by the kubelet. */
class RouteFolderTest {

    @TempDir
    Path dir;

    @Test
    void aKubeletSwapIsReadLikeAnEdit() throws Exception {
        KubeletConfigMapFolder configMap = new KubeletConfigMapFolder(dir);
        RouteFolder folder = new RouteFolder(dir);
        configMap.publish(Map.of("a.yaml", "- route: {}\n"));
        List<RouteFile> before = folder.read();

        configMap.publish(Map.of("a.yaml", "- route: {id: x}\n", "b.yaml", "- route: {}\n"));
        List<RouteFile> after = folder.read();

        assertEquals(List.of("a.yaml"), before.stream().map(RouteFile::name).toList());
        assertEquals(List.of("a.yaml", "b.yaml"), after.stream().map(RouteFile::name).toList());
        assertEquals("- route: {id: x}\n", after.get(0).content());
        assertNotEquals(before.get(0).version(), after.get(0).version());
        assertEquals(dir.resolve("a.yaml").toString(), after.get(0).location());
    }

    @Test
    void theSameContentIsTheSameVersionAndOtherFilesAreIgnored() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "- route: {}\n");
        Files.writeString(dir.resolve(".hidden.yaml"), "- route: {}\n");
        Files.writeString(dir.resolve("notes.txt"), "not a route");
        RouteFile first = new RouteFolder(dir).read().get(0);

        Files.writeString(dir.resolve("a.yaml"), "- route: {}\n");

        assertEquals(List.of(first), new RouteFolder(dir).read());
    }
}
