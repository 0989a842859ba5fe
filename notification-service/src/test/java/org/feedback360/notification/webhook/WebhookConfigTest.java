package org.feedback360.notification.webhook;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook settings application.properties gives each profile: production is strict. */
class WebhookConfigTest {

    static final String DEPLOYED_KEY = "k3Y-m4t3r14l-0f-a-r34l-d3pl0yment-2026";

    static WebhookConfig profile(String profile) throws IOException {
        return profile(profile, Map.of("WEBHOOK_SECRET_KEY", DEPLOYED_KEY));
    }

    /** The profile's settings with {@code environment} as the process environment. */
    static WebhookConfig profile(String profile, Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(WebhookConfigTest.class.getResource("/application.properties")))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withProfile(profile)
                .addDefaultInterceptors()
                .withConverter(Duration.class, 100, new DurationConverter()) // Quarkus' "5s", "24h", "30d"
                .withMapping(WebhookConfig.class)
                .build();
        return config.getConfigMapping(WebhookConfig.class);
    }

    @Test
    void productionHasNoSecretKeyOfItsOwn() throws IOException {
        ConfigValidationException missing = assertThrowsExactly(ConfigValidationException.class,
                () -> profile("prod", Map.of()), "startup fails without WEBHOOK_SECRET_KEY");
        assertTrue(missing.getMessage().contains("WEBHOOK_SECRET_KEY in property notification.webhooks.secret-key"),
                missing.getMessage());
        assertEquals(DEPLOYED_KEY, profile("prod").secretKey());
        new SecretBox(profile("prod")); // a real key is taken
        IllegalStateException weak = assertThrowsExactly(IllegalStateException.class,
                () -> new SecretBox(profile("prod", Map.of("WEBHOOK_SECRET_KEY", "changeme"))));
        assertTrue(weak.getMessage().contains("at least 32"), weak.getMessage());
        assertEquals("local-dev-webhook-secret-key-change-me", profile("test", Map.of()).secretKey(),
                "tests and dev run without one");
    }

    @Test
    void productionAcceptsHttpsOnlyAndNoInternalAddress() throws IOException {
        WebhookConfig prod = profile("prod");
        assertFalse(prod.allowHttp());
        assertEquals(Optional.empty(), prod.allowedAddresses());
        assertTrue(prod.deniedHosts().containsAll(List.of("localhost", "gateway", "feedback-service", "scoring-service",
                "notification-service", "keycloak", "kafka", "postgres", "*.svc.cluster.local")), prod.deniedHosts().toString());
        assertEquals(Duration.ofHours(24), prod.retryFor());
        assertEquals(16, prod.tenantInFlightLimit(), "a quarter of the 64 slots when not set");
        UrlPolicy policy = new UrlPolicy(prod, new HostResolver());
        assertThrows(policy, "http://93.184.216.34/hook", "http is not allowed: use https");
        assertThrows(policy, "https://127.0.0.1/hook", "127.0.0.1 is a loopback address");
    }

    @Test
    void testsMayUseHttpAndTheLoopbackReceiverOnly() throws IOException {
        WebhookConfig test = profile("test");
        assertTrue(test.allowHttp());
        assertEquals(Optional.of(List.of("127.0.0.1/32")), test.allowedAddresses());
        assertEquals(Duration.ofSeconds(4), test.retryFor());
    }

    private static void assertThrows(UrlPolicy policy, String url, String reason) {
        assertEquals(reason, org.junit.jupiter.api.Assertions.assertThrows(UrlPolicy.Refused.class,
                () -> policy.check(url)).getMessage());
    }
}
