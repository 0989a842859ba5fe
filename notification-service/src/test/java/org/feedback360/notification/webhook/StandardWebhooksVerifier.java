package org.feedback360.notification.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

/**
 * How a receiver verifies a delivery, exactly as the README shows it; written independently of
 * the service's signing code, so the tests check the documented procedure, not the code against itself.
 */
final class StandardWebhooksVerifier {

    static final long TOLERANCE_SECONDS = 5 * 60;

    private StandardWebhooksVerifier() {
    }

    /** True when one of the signatures matches and the timestamp is within the tolerance. */
    static boolean verify(String secret, String id, String timestamp, String signatures, String body, Instant now)
            throws Exception {
        long ts = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - ts) > TOLERANCE_SECONDS) {
            return false; // too old or from the future: a replay
        }
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String candidate : signatures.split(" ")) {
            if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected,
                    Base64.getDecoder().decode(candidate.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    static boolean verify(String secret, Receiver.Request r) throws Exception {
        return verify(secret, r.header("webhook-id"), r.header("webhook-timestamp"), r.header("webhook-signature"),
                r.body(), Instant.now());
    }
}
