package org.feedback360.notification.webhook;

import org.feedback360.notification.webhook.delivery.Backoff;
import org.feedback360.notification.webhook.delivery.WebhookSignature;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signatures, secrets and backoff: pure functions, no container. */
class SigningTest {

    @Test
    void signsLikeTheStandardWebhooksReferenceVector() throws Exception {
        // The test vector published with the Standard Webhooks specification.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signature = WebhookSignature.sign(SigningSecret.keyOf(secret), "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}");
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
        assertTrue(StandardWebhooksVerifier.verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", signature,
                "{\"test\": 2432232314}", Instant.ofEpochSecond(1614265330L + 60)));
        assertFalse(StandardWebhooksVerifier.verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", signature,
                "{\"test\": 2432232314}", Instant.ofEpochSecond(1614265330L + 301)), "replayed after the tolerance");
        assertFalse(StandardWebhooksVerifier.verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", signature,
                "{\"test\": 2432232315}", Instant.ofEpochSecond(1614265330L)), "body changed");
    }

    @Test
    void generatedSecretsAreWellFormedAndDistinct() {
        String a = SigningSecret.generate();
        assertEquals(32, SigningSecret.keyOf(a).length);
        assertNotEquals(a, SigningSecret.generate());
        assertNull(SigningSecret.keyOf("whsec_c2hvcnQ="), "too short");
        assertNull(SigningSecret.keyOf("secret"));
    }

    @Test
    void sealedSecretsOpenOnlyForTheirSubscriptionAndKey() {
        SecretBox box = new SecretBox("key-one");
        UUID owner = UUID.randomUUID();
        String sealed = box.seal(owner, "whsec_abc");
        assertFalse(sealed.contains("whsec_abc"));
        assertEquals("whsec_abc", box.open(owner, sealed));
        assertThrows(IllegalStateException.class, () -> box.open(UUID.randomUUID(), sealed));
        assertThrows(IllegalStateException.class, () -> new SecretBox("key-two").open(owner, sealed));
    }

    @Test
    void backoffIsFullJitterBelowAGrowingCappedCeiling() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1));
        long maxSeen = 0;
        for (int i = 0; i < 2000; i++) {
            Duration first = backoff.delayAfter(1);
            assertTrue(!first.isNegative() && first.compareTo(Duration.ofSeconds(5)) <= 0, first.toString());
            Duration late = backoff.delayAfter(40);
            assertTrue(late.compareTo(Duration.ofHours(1)) <= 0, late.toString());
            maxSeen = Math.max(maxSeen, backoff.delayAfter(4).toMillis());
        }
        assertTrue(maxSeen > 20_000 && maxSeen <= 40_000, "4th retry ceiling 40 s, jitter spreads below it: " + maxSeen);
    }
}
