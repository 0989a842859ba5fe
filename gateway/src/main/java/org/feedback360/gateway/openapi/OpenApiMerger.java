package org.feedback360.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.feedback360.gateway.route.Route;
import org.feedback360.gateway.route.RouteTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into the one document of the public API:
 * <ul>
 *   <li>from each service only the {@code /api/v1} paths the route table sends to that service;</li>
 *   <li>components by name: the same definition twice is kept once; two different definitions
 *       under one name are not clobbered: the later service's is renamed {@code <route>.<Name>}
 *       and every {@code $ref} to it in that service's part is rewritten;</li>
 *   <li>one security scheme, {@value #SCHEME}: a Keycloak bearer token, required by every
 *       operation that required any scheme before;</li>
 *   <li>tags joined by name.</li>
 * </ul>
 * Services are merged in route-id order, so the result does not depend on which answered first.
 */
public final class OpenApiMerger {

    public static final String SCHEME = "keycloak";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String API_PREFIX = "/api/v1";

    private final RouteTable table;
    private final String title;
    private final String version;
    private final String issuer;

    public OpenApiMerger(RouteTable table, String title, String version, String issuer) {
        this.table = table;
        this.title = title;
        this.version = version;
        this.issuer = issuer;
    }

    /**
     * @param documents each route's document by route id (routes that did not answer are absent)
     * @param missing   routes whose document could not be read, named in the result
     */
    public ObjectNode merge(Map<String, JsonNode> documents, Set<String> missing) {
        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", openApiVersion(documents));
        ObjectNode info = merged.putObject("info").put("title", title).put("version", version);
        info.put("description", "The whole public API of Feedback360, as served by the gateway. Every operation "
                + "needs an access token of the Keycloak realm " + issuer + " (see GET /api for the token endpoints).");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        Map<String, ObjectNode> tags = new LinkedHashMap<>();

        documents.keySet().stream().sorted().forEach(routeId -> {
            JsonNode document = documents.get(routeId).deepCopy();
            Map<String, String> renames = renamesFor(routeId, document, components);
            rewriteRefs(document, renames);
            mergeComponents(document.path("components"), components, renames);
            document.path("paths").fields().forEachRemaining(entry -> {
                Route route = table.find(entry.getKey());
                if (entry.getKey().startsWith(API_PREFIX) && route != null && route.id().equals(routeId)) {
                    ObjectNode item = (ObjectNode) entry.getValue();
                    requireToken(item);
                    paths.set(entry.getKey(), item);
                }
            });
            document.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), (ObjectNode) tag));
        });

        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject(SCHEME)
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "Access token of the Keycloak realm " + issuer);
        merged.putArray("security").addObject().putArray(SCHEME);
        if (!tags.isEmpty()) {
            ArrayNode tagArray = merged.putArray("tags");
            tags.values().forEach(tagArray::add);
        }
        if (!missing.isEmpty()) {
            // Said in the document itself, so a reader knows it is partial right now.
            ArrayNode absent = merged.putArray("x-feedback360-unavailable");
            missing.stream().sorted().forEach(absent::add);
        }
        return merged;
    }

    private static String openApiVersion(Map<String, JsonNode> documents) {
        return documents.values().stream().map(d -> d.path("openapi").asText("3.0.3")).max(String::compareTo).orElse("3.0.3");
    }

    /**
     * The components of this document that must be renamed: those whose name is taken by a
     * different definition. Renaming one can make another differ (it refers to the renamed one),
     * so this repeats until nothing changes.
     */
    private static Map<String, String> renamesFor(String routeId, JsonNode document, ObjectNode merged) {
        Map<String, String> renames = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            JsonNode rewritten = document.deepCopy();
            rewriteRefs(rewritten, renames);
            Iterator<Map.Entry<String, JsonNode>> sections = rewritten.path("components").fields();
            while (sections.hasNext()) {
                Map.Entry<String, JsonNode> section = sections.next();
                if (section.getKey().equals("securitySchemes")) {
                    continue;
                }
                JsonNode existing = merged.path(section.getKey());
                Iterator<Map.Entry<String, JsonNode>> entries = section.getValue().fields();
                while (entries.hasNext()) {
                    Map.Entry<String, JsonNode> component = entries.next();
                    String ref = ref(section.getKey(), component.getKey());
                    JsonNode taken = existing.get(component.getKey());
                    if (!renames.containsKey(ref) && taken != null && !taken.equals(component.getValue())) {
                        renames.put(ref, ref(section.getKey(), routeId + "." + component.getKey()));
                        changed = true;
                    }
                }
            }
        }
        return renames;
    }

    private static void mergeComponents(JsonNode from, ObjectNode into, Map<String, String> renames) {
        from.fields().forEachRemaining(section -> {
            if (section.getKey().equals("securitySchemes")) {
                return;
            }
            ObjectNode target = into.has(section.getKey()) ? (ObjectNode) into.get(section.getKey()) : into.putObject(section.getKey());
            section.getValue().fields().forEachRemaining(component -> {
                String ref = ref(section.getKey(), component.getKey());
                String name = renames.containsKey(ref)
                        ? renames.get(ref).substring(ref(section.getKey(), "").length()) : component.getKey();
                target.putIfAbsent(name, component.getValue());
            });
        });
    }

    /** Every operation that asked for any scheme asks for the Keycloak token; explicitly public ones stay public. */
    private static void requireToken(ObjectNode pathItem) {
        pathItem.fields().forEachRemaining(operation -> {
            if (operation.getValue() instanceof ObjectNode op && op.has("security")) {
                boolean publicOperation = op.get("security").isArray() && op.get("security").isEmpty();
                if (!publicOperation) {
                    ArrayNode security = op.putArray("security");
                    security.addObject().putArray(SCHEME);
                }
            }
        });
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.set("$ref", TextNode.valueOf(renames.get(ref.asText())));
            }
            List<JsonNode> children = new ArrayList<>();
            object.elements().forEachRemaining(children::add);
            children.forEach(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renames));
        }
    }

    private static String ref(String section, String name) {
        return "#/components/" + section + "/" + name;
    }
}
