package org.feedback360.gateway.route;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class RouteTableTest {

    public static Route route(String id, String... paths) {
        return new Route(id, List.of(paths), URI.create("http://127.0.0.1:1"), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1024,
                new Route.RateLimitPolicy(Route.RateLimitPolicy.SHARED, 10, Duration.ofMinutes(1), 100, Duration.ofMinutes(1)),
                new Route.BreakerPolicy(20, 0.5, Duration.ofSeconds(5), 2));
    }

    private final RouteTable table = new RouteTable(List.of(
            route("feedback", "/api/v1/me", "/api/v1/people/"),
            route("notification", "/api/v1/me/inbox")));

    @Test
    void theLongestPrefixWins() {
        assertEquals("notification", table.match("/api/v1/me/inbox/3").orElseThrow().id());
        assertEquals("feedback", table.match("/api/v1/me/assignments").orElseThrow().id());
        assertEquals("feedback", table.match("/api/v1/me").orElseThrow().id());
    }

    @Test
    void prefixesMatchWholeSegmentsOnly() {
        assertTrue(table.match("/api/v1/meetings").isEmpty());
        assertNull(table.find("/api/v1/peoplex"));
        assertEquals("feedback", table.find("/api/v1/people").id());
        assertEquals("feedback", table.find("/api/v1/people/").id());
    }

    @Test
    void aPrefixClaimedTwiceIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class,
                () -> new RouteTable(List.of(route("a", "/x"), route("b", "/x/"))));
    }
}
