package io.logrouter.management;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManagementTokenTest {

    @Test
    void refusesToRunOpenWhenAuthenticationIsOnWithoutAToken() {
        assertThrows(IllegalStateException.class, () -> ManagementToken.of(true, Optional.empty()));
        assertThrows(IllegalStateException.class, () -> ManagementToken.of(true, Optional.of("  ")));
    }

    @Test
    void admitsOnlyTheBearerToken() {
        ManagementToken token = ManagementToken.of(true, Optional.of("s3cret"));
        assertTrue(token.admits("Bearer s3cret"));
        assertTrue(token.admits("bearer s3cret"));
        assertFalse(token.admits(null));
        assertFalse(token.admits("Bearer s3cre"));
        assertFalse(token.admits("Bearer s3cret2"));
        assertFalse(token.admits("Basic czNjcmV0"));
        assertFalse(token.admits("s3cret"));
    }

    @Test
    void admitsEveryoneWhenAuthenticationIsOff() {
        assertTrue(ManagementToken.of(false, Optional.empty()).admits(null));
    }
}
