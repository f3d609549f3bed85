package org.livepeer.analytics.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.gateway.config.ApiKey;

class ApiKeyAuthenticatorTest {

    private final ApiKeyAuthenticator authenticator =
            new ApiKeyAuthenticator(
                    List.of(ApiKey.of("fra", "key-fra"), ApiKey.of("nyc", "key-nyc")));

    @Test
    void findsTheNameOfEachKey() {
        assertEquals(Optional.of("fra"), authenticator.authenticate("key-fra"));
        assertEquals(Optional.of("nyc"), authenticator.authenticate("key-nyc"));
    }

    @Test
    void refusesUnknownPrefixAndEmptyKeys() {
        assertEquals(Optional.empty(), authenticator.authenticate("key-lon"));
        assertEquals(Optional.empty(), authenticator.authenticate("key-fr"));
        assertEquals(Optional.empty(), authenticator.authenticate("key-fra "));
        assertEquals(Optional.empty(), authenticator.authenticate(""));
    }
}
