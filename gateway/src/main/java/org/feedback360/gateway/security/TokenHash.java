package org.feedback360.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of a bearer token: the key under which verified and refused tokens are remembered,
 * so the caches hold no token a heap dump could leak, and no attacker can pick a collision.
 */
public record TokenHash(long a, long b, long c, long d) {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    /** The hash of {@code text[from, to)}; tokens are ASCII, so one byte per char. */
    public static TokenHash of(String text, int from, int to) {
        // One copy of the header (the few bytes of "Bearer " too), hashed from the token's start.
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        MessageDigest sha256 = SHA256.get();
        sha256.update(bytes, from, to - from);
        byte[] h = sha256.digest();
        return new TokenHash(longAt(h, 0), longAt(h, 8), longAt(h, 16), longAt(h, 24));
    }

    private static long longAt(byte[] h, int i) {
        long v = 0;
        for (int j = i; j < i + 8; j++) {
            v = (v << 8) | (h[j] & 0xFF);
        }
        return v;
    }
}
