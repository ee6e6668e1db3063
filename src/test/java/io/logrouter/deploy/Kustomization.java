package io.logrouter.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A kustomization.yaml: which files and directories it draws on, to check them without building. */
record Kustomization(Path dir, JsonNode tree) {

    /** The names kustomize recognises, in its order; routes/ uses the second, which the router does not read. */
    static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    static Kustomization of(Path dir) {
        Path file = FILE_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(dir + " holds no kustomization"));
        return new Kustomization(dir, StrictManifests.tree(ProjectFiles.read(file)));
    }

    /** The entries of resources: manifest files and kustomization directories, resolved. */
    List<Path> resources() {
        return paths(tree.path("resources"));
    }

    /**
     * The files it loads itself (patches, configurations, generator sources, resources that are files): kustomize's
     * default load restrictor refuses any of them outside {@link #dir}. Kustomization directories may lie anywhere.
     */
    List<Path> loadedFiles() {
        return references().stream().filter(path -> !Files.isDirectory(path)).toList();
    }

    /** Every file or directory it names: resources, components, patches, configurations, generator sources. */
    List<Path> references() {
        List<Path> references = new ArrayList<>(resources());
        references.addAll(paths(tree.path("components")));
        references.addAll(paths(tree.path("configurations")));
        for (JsonNode patch : tree.path("patches")) {
            references.add(resolve(patch.path("path").asText()));
        }
        for (JsonNode generator : tree.path("configMapGenerator")) {
            references.addAll(generatorFiles(generator));
            references.addAll(paths(generator.path("envs")));
        }
        return references;
    }

    /** The files of the ConfigMap generator {@code name}. */
    List<Path> configMapFiles(String name) {
        for (JsonNode generator : tree.path("configMapGenerator")) {
            if (name.equals(generator.path("name").asText())) {
                return generatorFiles(generator);
            }
        }
        throw new IllegalArgumentException(dir + " generates no ConfigMap " + name);
    }

    /** A generator file entry is {@code path} or {@code key=path}. */
    private List<Path> generatorFiles(JsonNode generator) {
        List<Path> files = new ArrayList<>();
        for (JsonNode file : generator.path("files")) {
            String entry = file.asText();
            files.add(resolve(entry.substring(entry.indexOf('=') + 1)));
        }
        return files;
    }

    private List<Path> paths(JsonNode entries) {
        List<Path> paths = new ArrayList<>();
        for (JsonNode entry : entries) {
            paths.add(resolve(entry.asText()));
        }
        return paths;
    }

    private Path resolve(String relative) {
        return dir.resolve(relative).normalize();
    }
}
