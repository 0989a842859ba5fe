package org.feedback360.notification.webhook;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Signing secrets in the Standard Webhooks form {@code whsec_<base64 of 24..64 random bytes>};
 * the HMAC key is the decoded bytes, so the receivers' Standard Webhooks libraries work as is.
 */
public final class SigningSecret {

    public static final String PREFIX = "whsec_";
    public static final String PATTERN = "whsec_[A-Za-z0-9+/]{32,88}={0,2}";
    private static final Pattern FORMAT = Pattern.compile(PATTERN);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningSecret() {
    }

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key of a secret, or null when it is not a well-formed secret of 24 to 64 bytes. */
    public static byte[] keyOf(String secret) {
        if (secret == null || !FORMAT.matcher(secret).matches()) {
            return null;
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            return key.length >= 24 && key.length <= 64 ? key : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
