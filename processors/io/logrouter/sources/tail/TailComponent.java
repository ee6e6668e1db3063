package io.logrouter.sources.tail;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/** The {@code tail:} component, registered under META-INF/services for Camel to find by its scheme. */
public class TailComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TailConfiguration configuration = new TailConfiguration();
        setProperties(configuration, parameters);
        configuration.validate();
        TailEndpoint endpoint = new TailEndpoint(uri, this, remaining, configuration);
        // what is left are Camel's own consumer options (bridgeErrorHandler, exceptionHandler); anything else fails
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
