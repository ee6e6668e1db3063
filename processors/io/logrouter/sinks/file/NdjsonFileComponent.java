package io.logrouter.sinks.file;

import io.logrouter.paths.AllowedPaths;
import io.logrouter.paths.PathConfinedComponent;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code ndjson-file:} sink: appends each batch to a local file as NDJSON, one event a line, and completes the
 * exchange only once the batch is written (and, by default, forced to disk). For a local copy of what a route
 * delivers, and to measure the router without a remote sink. Not on the default allow-list of reloadable routes:
 * a writable routes folder must not be able to write files anywhere.
 */
@Component("ndjson-file")
public class NdjsonFileComponent extends DefaultComponent implements PathConfinedComponent {

    private AllowedPaths write;

    @Override
    public void confineTo(AllowedPaths read, AllowedPaths write) {
        this.write = write;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining.isBlank()) {
            throw new IllegalArgumentException("ndjson-file needs a file: ndjson-file:/var/log/router/events.ndjson");
        }
        if (write != null) {
            write.check("ndjson-file:", Path.of(remaining));
        }
        NdjsonFileEndpoint endpoint = new NdjsonFileEndpoint(uri, this, Path.of(remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
