package io.logrouter.reload;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What runs from one routes file and how its last reload went. {@code version} and {@code routes} are what runs
 * (none when no version of the file ever loaded); {@code lastVersion} is the version the last reload tried, which
 * differs from {@code version} when that reload was rejected and the previous version kept running.
 */
public record RouteFileStatus(String file, String version, List<String> routes, String lastVersion,
        Instant lastReload, Result lastResult, List<RouteProblem> problems) {

    public enum Result {
        LOADED, REJECTED, REMOVED;

        /** As a metric tag and in the routes endpoint. */
        @JsonValue
        public String label() {
            return name().toLowerCase();
        }
    }
}
