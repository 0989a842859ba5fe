package org.feedback360.notification.webhook;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook settings application.properties gives each profile: production is strict. */
class WebhookConfigTest {

    static WebhookConfig profile(String profile) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(WebhookConfigTest.class.getResource("/application.properties")))
                .withProfile(profile)
                .addDefaultInterceptors()
                .withConverter(Duration.class, 100, new DurationConverter()) // Quarkus' "5s", "24h", "30d"
                .withMapping(WebhookConfig.class)
                .build();
        return config.getConfigMapping(WebhookConfig.class);
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
