package io.logrouter.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks manifests against their schemas, with no cluster: the validators of k8s/validate (the Kubernetes OpenAPI
 * schema and the KEDA and Prometheus Operator CRDs, from npm packages; the vendored Camel K CRDs), and the strict
 * models of {@link StrictManifests} for the misspelled field names the Kubernetes OpenAPI schema lets through (its
 * objects are open; the API server refuses unknown fields only at apply time, with kubectl's strict validation).
 */
final class ManifestSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The first run installs the validators with npm ci. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private ManifestSchemas() {
    }

    /** The problems of each manifest, in order, each as "path message": {@code data/spec/replicas must be integer}. */
    static List<List<String>> problems(List<JsonNode> manifests) {
        JsonNode results;
        try {
            results = JSON.readTree(Command.run(List.of(ProjectFiles.VALIDATE.resolve("validate").toString()),
                    JSON.writeValueAsString(manifests), TIMEOUT));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("k8s/validate/validate answered no JSON", e);
        }
        List<List<String>> problems = new ArrayList<>();
        for (int i = 0; i < manifests.size(); i++) {
            List<String> found = new ArrayList<>();
            results.get(i).forEach(problem -> found.add(problem.get("path").asText() + " "
                    + problem.get("message").asText()));
            strictModelProblem(manifests.get(i)).ifPresent(found::add);
            problems.add(found);
        }
        return problems;
    }

    private static Optional<String> strictModelProblem(JsonNode manifest) {
        try {
            StrictManifests.read(manifest);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException mapping) {
                return Optional.of(path(mapping) + " " + mapping.getOriginalMessage());
            }
            return Optional.of("data " + e.getMessage());
        }
    }

    /** The JSON pointer of the field the model refused, in the validators' notation ({@code data/spec/...}). */
    private static String path(JsonMappingException mapping) {
        return "data" + mapping.getPath().stream()
                .map(reference -> "/" + (reference.getFieldName() != null
                        ? reference.getFieldName().replace("~", "~0").replace("/", "~1")
                        : String.valueOf(reference.getIndex())))
                .collect(Collectors.joining());
    }
}
