package io.logrouter.sources.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class BearerTokenAuthTest {

    private static BearerTokenAuth auth(String tokens) {
        BearerTokenAuth auth = new BearerTokenAuth();
        auth.setTokens(tokens);
        return auth;
    }

    private static Exchange request(String authorization) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader("Authorization", authorization);
        return exchange;
    }

    @Test
    void onlyAConfiguredTokenGetsIn() {
        BearerTokenAuth auth = auth(" first , second,");
        assertDoesNotThrow(() -> auth.process(request("Bearer second")));
        assertDoesNotThrow(() -> auth.process(request("bearer first")));
        for (String refused : new String[] {null, "", "Bearer", "Bearer ", "Bearer firs", "Bearer first2",
                "Token first", "Basic !!notbase64"}) {
            IngestRejectedException e = assertThrows(IngestRejectedException.class,
                    () -> auth.process(request(refused)), String.valueOf(refused));
            assertEquals(401, e.getStatus());
        }
    }

    @Test
    void basicCarriesTheTokenAsPassword() {
        String basic = Base64.getEncoder().encodeToString("any-user:second".getBytes(StandardCharsets.UTF_8));
        assertDoesNotThrow(() -> auth("first,second").process(request("Basic " + basic)));
        assertNull(BearerTokenAuth.presentedToken("Basic " + Base64.getEncoder()
                .encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void disabledLetsEveryoneInAndEnabledWithoutTokensRefusesToStart() {
        BearerTokenAuth open = auth("");
        open.setEnabled(false);
        assertDoesNotThrow(open::start);
        assertDoesNotThrow(() -> open.process(request(null)));
        assertThrows(IllegalStateException.class, auth(" , ")::start);
    }
}
