package org.feedback360.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every Keycloak token the suite holds, each cached with its own expiry ({@code exp}) and
 * replaced a minute before it: the realm's access tokens live 15 minutes and the suite runs
 * longer, so no request may ever go out with a token about to expire.
 */
final class Tokens {

    /** Renew this long before {@code exp}: more than any single test step takes with one token. */
    static final Duration RENEW_BEFORE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Cached(String token, Instant expires) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** The cached token under {@code key}, or a fresh one from {@code login} when it is missing or about to expire. */
    static String get(String key, Supplier<String> login) {
        return CACHE.compute(key, (k, cached) -> cached != null && Instant.now().isBefore(cached.expires().minus(RENEW_BEFORE))
                ? cached : fresh(login.get())).token();
    }

    private static Cached fresh(String token) {
        return new Cached(token, expiry(token));
    }

    /** The token's {@code exp} claim. */
    static Instant expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            long exp = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path("exp").asLong(0);
            if (exp == 0) {
                throw new IllegalStateException("a Keycloak token without exp");
            }
            return Instant.ofEpochSecond(exp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
