package io.logrouter.reload;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.camel.Endpoint;
import org.apache.camel.component.bean.BeanComponent;

/**
 * Camel's bean component without its endpoints. Camel's engine looks the bean component up for itself (its cache of
 * what a class's methods are, used by data paths such as {@code ${body[a]}}), so it must exist; but a {@code bean:}
 * endpoint calls any method of any bean, so none is ever created, whatever asks for it.
 */
final class EndpointlessBeanComponent extends BeanComponent {

    private final Consumer<String> refused;

    EndpointlessBeanComponent(Consumer<String> refused) {
        this.refused = refused;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        String reason = "component 'bean' is not allowed (logrouter.routes.allowed-components): " + uri;
        refused.accept(reason);
        throw new IllegalArgumentException(reason);
    }
}
