package io.logrouter.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every manifest under k8s/ against the schemas of the API server it is applied to ({@link ManifestSchemas}), and a
 * deliberately broken copy of each kind (src/test/resources/io/logrouter/deploy/broken) refused at the broken field.
 */
class SchemaValidationTest {

    private static final Path BROKEN = ProjectFiles.ROOT.resolve("src/test/resources/io/logrouter/deploy/broken");
    /** Each broken copy names the field it breaks: {@code # fails at: data/spec/replicas}. */
    private static final Pattern FAILS_AT = Pattern.compile("^# fails at: (\\S+)$", Pattern.MULTILINE);

    @Test
    void everyKustomizationBuildsManifestsThatFitTheirSchemas() {
        List<String> names = new ArrayList<>();
        List<JsonNode> manifests = new ArrayList<>();
        for (Path kustomization : kustomizations()) {
            List<JsonNode> built = StrictManifests.documents(Kustomize.build(kustomization));
            assertFalse(built.isEmpty(), kustomization + " builds nothing");
            for (JsonNode manifest : built) {
                names.add(ProjectFiles.K8S.relativize(kustomization) + ": " + StrictManifests.typeOf(manifest) + " "
                        + manifest.path("metadata").path("name").asText());
                manifests.add(manifest);
            }
        }
        List<List<String>> problems = ManifestSchemas.problems(manifests);
        Map<String, List<String>> failed = new TreeMap<>();
        for (int i = 0; i < manifests.size(); i++) {
            if (!problems.get(i).isEmpty()) {
                failed.put(names.get(i), problems.get(i));
            }
        }
        assertEquals(Map.of(), failed);
    }

    @Test
    void aBrokenCopyOfEachKindFailsAtTheBrokenField() {
        List<Path> fixtures = brokenCopies();
        List<JsonNode> manifests = fixtures.stream().map(fixture -> StrictManifests.tree(ProjectFiles.read(fixture)))
                .toList();
        List<List<String>> problems = ManifestSchemas.problems(manifests);
        Map<String, List<String>> notFailingThere = new TreeMap<>();
        for (int i = 0; i < fixtures.size(); i++) {
            String field = brokenField(fixtures.get(i));
            if (problems.get(i).stream().noneMatch(problem -> problem.startsWith(field + " "))) {
                notFailingThere.put(fixtures.get(i).getFileName() + " (broken at " + field + ")", problems.get(i));
            }
        }
        assertEquals(Map.of(), notFailingThere);

        Set<String> kinds = new TreeSet<>();
        for (Path kustomization : kustomizations()) {
            StrictManifests.documents(Kustomize.build(kustomization)).forEach(m -> kinds.add(StrictManifests.typeOf(m)));
        }
        manifests.forEach(manifest -> kinds.remove(StrictManifests.typeOf(manifest)));
        assertEquals(Set.of(), kinds, "kinds deployed without a broken copy");
    }

    private static List<Path> kustomizations() {
        return ProjectFiles.k8sFiles("kustomization.yaml").stream().map(Path::getParent).toList();
    }

    private static List<Path> brokenCopies() {
        try (Stream<Path> files = Files.list(BROKEN)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String brokenField(Path fixture) {
        Matcher matcher = FAILS_AT.matcher(ProjectFiles.read(fixture));
        assertTrue(matcher.find(), fixture + " says where it is broken: # fails at: data/...");
        return matcher.group(1);
    }
}
