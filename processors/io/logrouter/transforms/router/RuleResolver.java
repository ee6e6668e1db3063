package io.logrouter.transforms.router;

import io.logrouter.transforms.FieldList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Predicate;
import org.apache.camel.support.CamelContextHelper;

/**
 * Turns what rules name into what they run: destination URIs into endpoints and {@code simple:} conditions into
 * predicates. Both obey the allow-list of reloadable routes files (application.properties, "Camel"): they sit in a
 * bean property, where the route checker does not look for components and languages, so the router checks them
 * itself. In a Camel context without those settings (a unit test, a tool) everything is allowed.
 */
final class RuleResolver {

    static final String ALLOWED_COMPONENTS = "logrouter.routes.allowed-components";
    static final String ALLOWED_LANGUAGES = "logrouter.routes.allowed-languages";
    private static final String SIMPLE = "simple";

    private final CamelContext context;
    private final String deadLetterUri;
    private final Optional<List<String>> components;
    private final Optional<List<String>> languages;

    RuleResolver(CamelContext context, String deadLetterUri) {
        this.context = context;
        this.deadLetterUri = deadLetterUri;
        components = context.getPropertiesComponent().resolveProperty(ALLOWED_COMPONENTS).map(FieldList::parse);
        languages = context.getPropertiesComponent().resolveProperty(ALLOWED_LANGUAGES).map(FieldList::parse);
    }

    /** Resolved when the route starts, so that a misspelt URI fails the start rather than the first batch. */
    Endpoint endpoint(String uri) {
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? uri : uri.substring(0, colon);
        if (components.isPresent() && !components.get().contains(scheme)) {
            throw new IllegalArgumentException("component '" + scheme + "' of " + uri + " is not allowed in routes"
                    + " files (" + ALLOWED_COMPONENTS + ")");
        }
        return CamelContextHelper.getMandatoryEndpoint(context, uri);
    }

    Endpoint deadLetter() {
        return endpoint(deadLetterUri);
    }

    Predicate simple(String expression) {
        if (languages.isPresent() && !languages.get().contains(SIMPLE)) {
            throw new IllegalArgumentException("language 'simple' is not allowed in routes files (" + ALLOWED_LANGUAGES
                    + ")");
        }
        Predicate predicate = context.resolveLanguage(SIMPLE).createPredicate(expression);
        predicate.init(context);
        return predicate;
    }
}
