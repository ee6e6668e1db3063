package io.logrouter.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks manifests against their schemas with the validators of k8s/validate, with no cluster: the Kubernetes
 * OpenAPI schema and the KEDA and Prometheus Operator CRDs (npm packages), the vendored Camel K CRDs.
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
        for (JsonNode result : results) {
            List<String> found = new ArrayList<>();
            result.forEach(problem -> found.add(problem.get("path").asText() + " " + problem.get("message").asText()));
            problems.add(found);
        }
        if (problems.size() != manifests.size()) {
            throw new IllegalStateException("k8s/validate/validate answered for " + problems.size() + " of "
                    + manifests.size() + " manifests");
        }
        return problems;
    }
}
