package org.feedback360.gateway.route;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {

    private static Route route(String id, String... paths) {
        return new Route(id, List.of(paths), URI.create("http://127.0.0.1:1"), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1);
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
        assertTrue(table.match("/api/v1/peoplex").isEmpty());
        assertEquals("feedback", table.match("/api/v1/people").orElseThrow().id());
    }

    @Test
    void aPrefixClaimedTwiceIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class,
                () -> new RouteTable(List.of(route("a", "/x"), route("b", "/x/"))));
    }
}
