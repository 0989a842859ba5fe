package org.feedback360.gateway.filter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorrelationFilterTest {

    @Test
    void acceptsOnlyWellFormedTraceparents() {
        assertTrue(CorrelationFilter.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertTrue(CorrelationFilter.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"));
        assertFalse(CorrelationFilter.isValidTraceparent(null));
        assertFalse(CorrelationFilter.isValidTraceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"), "upper case");
        assertFalse(CorrelationFilter.isValidTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"), "zero trace id");
        assertFalse(CorrelationFilter.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"), "zero span id");
        assertFalse(CorrelationFilter.isValidTraceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), "unknown version");
        assertFalse(CorrelationFilter.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x"));
        assertFalse(CorrelationFilter.isValidTraceparent("00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    }

    @Test
    void newIdsHaveTheirFormats() {
        for (int i = 0; i < 1000; i++) {
            assertTrue(CorrelationFilter.isValidTraceparent(CorrelationFilter.newTraceparent()));
            String id = CorrelationFilter.newRequestId();
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
            assertTrue(CorrelationFilter.isSafeRequestId(id));
        }
    }

    @Test
    void requestIdsMustBeSafeToLog() {
        assertTrue(CorrelationFilter.isSafeRequestId("portal-42:a.b_c"));
        assertFalse(CorrelationFilter.isSafeRequestId("with space"));
        assertFalse(CorrelationFilter.isSafeRequestId("new\nline"));
        assertFalse(CorrelationFilter.isSafeRequestId("\"quoted\""));
        assertFalse(CorrelationFilter.isSafeRequestId("x".repeat(129)));
        assertFalse(CorrelationFilter.isSafeRequestId(""));
    }
}
