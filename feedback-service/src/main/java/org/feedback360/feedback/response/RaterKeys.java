package org.feedback360.feedback.response;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The pseudonymous rater key of SCORING.md (Anonymity rule 6):
 * {@code hex(HMAC-SHA256(secret, cycleId + ":" + raterEmployeeId))}. Stable for one rater in
 * one cycle, so a revision replaces the earlier submission; without the secret, which never
 * leaves this service, nobody can tell whose key it is — nor link one rater across cycles.
 */
@ApplicationScoped
public class RaterKeys {

    private static final Logger LOG = Logger.getLogger(RaterKeys.class);
    static final String DEV_SECRET = "local-dev-rater-key-secret-change-me";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final boolean devSecret;

    RaterKeys(@ConfigProperty(name = "feedback.responses.rater-key-secret") String secret) {
        if (secret.length() < 16) {
            throw new IllegalStateException("feedback.responses.rater-key-secret (RATER_KEY_SECRET) must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.devSecret = DEV_SECRET.equals(secret);
    }

    void warnOnDevSecret(@Observes StartupEvent ignored) {
        if (devSecret) {
            LOG.warn("RATER_KEY_SECRET is not set: rater keys use the built-in development secret. "
                    + "Set RATER_KEY_SECRET in any real deployment, and never change it while a cycle runs.");
        }
    }

    public String of(UUID cycleId, String raterEmployeeId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((cycleId + ":" + raterEmployeeId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
