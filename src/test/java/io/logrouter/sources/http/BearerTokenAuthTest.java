package io.logrouter.sources.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokenAuthTest {

    private static BearerTokenAuth auth(String tokens) {
        return new BearerTokenAuth(true, Optional.of(tokens), "q");
    }

    @Test
    void onlyAConfiguredTokenGetsIn() {
        BearerTokenAuth auth = auth(" first , second,");
        assertTrue(auth.admits("Bearer second"));
        assertTrue(auth.admits("bearer first"));
        for (String refused : new String[] {null, "", "Bearer", "Bearer ", "Bearer firs", "Bearer first2",
                "Token first", "Basic !!notbase64"}) {
            assertFalse(auth.admits(refused), String.valueOf(refused));
        }
    }

    @Test
    void basicCarriesTheTokenAsPassword() {
        String basic = Base64.getEncoder().encodeToString("any-user:second".getBytes(StandardCharsets.UTF_8));
        assertTrue(auth("first,second").admits("Basic " + basic));
        assertNull(BearerTokenAuth.presentedToken("Basic " + Base64.getEncoder()
                .encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void enabledWithoutTokensRefusesToStartAndDisabledNeedsNone() {
        assertThrows(IllegalStateException.class, () -> auth(" , "));
        assertThrows(IllegalStateException.class, () -> new BearerTokenAuth(true, Optional.empty(), "q"));
        new BearerTokenAuth(false, Optional.empty(), "q");
    }
}
