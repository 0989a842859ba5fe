package org.feedback360.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.feedback360.gateway.route.RouteTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.feedback360.gateway.route.RouteTableTest.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The merge rules where the gateway tests' documents do not reach: renames that cascade. */
class OpenApiMergerTest {

    private final ObjectMapper json = new ObjectMapper();
    private final OpenApiMerger merger = new OpenApiMerger(
            new RouteTable(List.of(route("a", "/api/v1/a"), route("b", "/api/v1/b"))), "API", "1", "https://issuer");

    @Test
    void aComponentThatRefersToARenamedOneIsRenamedToo() throws Exception {
        // Page is the same text in both, but its Item differs: b's Page must point at b's Item.
        JsonNode a = json.readTree("""
                {"openapi":"3.1.0","paths":{"/api/v1/a":{"get":{"responses":{"200":{"$ref":"#/components/responses/Page"}}}}},
                 "components":{"schemas":{"Item":{"type":"string"},"Page":{"type":"array","items":{"$ref":"#/components/schemas/Item"}}},
                               "responses":{"Page":{"description":"p","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}}""");
        JsonNode b = json.readTree("""
                {"openapi":"3.0.3","paths":{"/api/v1/b":{"get":{"responses":{"200":{"$ref":"#/components/responses/Page"}}}}},
                 "components":{"schemas":{"Item":{"type":"integer"},"Page":{"type":"array","items":{"$ref":"#/components/schemas/Item"}}},
                               "responses":{"Page":{"description":"p","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}}""");
        JsonNode merged = merger.merge(Map.of("b", b, "a", a), Set.of());

        assertEquals("3.1.0", merged.path("openapi").asText());
        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals("string", schemas.path("Item").path("type").asText());
        assertEquals("integer", schemas.path("b.Item").path("type").asText());
        assertEquals("#/components/schemas/b.Item", schemas.path("b.Page").path("items").path("$ref").asText());
        assertEquals("#/components/responses/b.Page",
                merged.path("paths").path("/api/v1/b").path("get").path("responses").path("200").path("$ref").asText());
        assertEquals("#/components/responses/Page",
                merged.path("paths").path("/api/v1/a").path("get").path("responses").path("200").path("$ref").asText());
        assertFalse(merged.has("x-feedback360-unavailable"));
    }
}
