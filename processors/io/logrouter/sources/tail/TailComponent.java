package io.logrouter.sources.tail;

import java.util.Map;

import io.logrouter.paths.AllowedPaths;
import io.logrouter.paths.PathConfinedComponent;
import java.nio.file.Path;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/** The {@code tail:} component; its options are {@link TailConfiguration}'s. */
@Component("tail")
public class TailComponent extends DefaultComponent implements PathConfinedComponent {

    private AllowedPaths read;
    private AllowedPaths write;

    @Override
    public void confineTo(AllowedPaths read, AllowedPaths write) {
        this.read = read;
        this.write = write;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TailConfiguration configuration = new TailConfiguration();
        setProperties(configuration, parameters);
        configuration.validate();
        if (read != null) {
            // before the endpoint exists: a routes file's tail reads only under the allowed folders
            configuration.getInclude().forEach(pattern -> read.checkGlob("tail: include", pattern));
            write.check("tail: registry", Path.of(configuration.getRegistry()));
        }
        TailEndpoint endpoint = new TailEndpoint(uri, this, remaining, configuration);
        // what is left are Camel's own consumer options (bridgeErrorHandler, exceptionHandler); anything else fails
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
