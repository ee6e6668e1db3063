package io.logrouter.sources.http;

import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Removes every {@code Camel*} header from a request before any other step sees it. Camel reads such headers as
 * instructions (response code, target URI, file name, ...), and platform-http turns request headers and query
 * parameters into message headers: letting a client set them is the header-injection class of Camel CVEs. Matching
 * ignores case because HTTP header names do, and a Camel message's header map does too.
 */
public final class ControlHeaderFilter implements Processor {

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().getHeaders().keySet().removeIf(ControlHeaderFilter::isControlHeader);
    }

    static boolean isControlHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("camel") || lower.startsWith("org.apache.camel.");
    }
}
