package io.logrouter.reload;

import java.nio.file.Path;
import java.util.List;

/** The body of {@code GET /admin/routes}. */
public record RouteStatusReport(String dir, List<RouteFileStatus> files) {

    RouteStatusReport(Path dir, List<RouteFileStatus> files) {
        this(dir.toString(), files);
    }
}
