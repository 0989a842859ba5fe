package org.feedback360.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public paths: one merged OpenAPI document of all services, Swagger UI, and where to get tokens. */
@QuarkusTest
@QuarkusTestResource(UpstreamServers.class)
class OpenApiTest {

    @Test
    void mergesTheDocumentsOfAllServicesWithoutAToken() throws Exception {
        try (Upstream notification = Upstream.startOn(ResilienceTest.portOf("notification"), UpstreamServers.NOTIFICATION_OPENAPI)) {
            JsonPath doc = given().when().get("/q/openapi")
                    .then().statusCode(200).contentType(containsString("application/json"))
                    .extract().jsonPath();
            Map<String, Object> paths = doc.getMap("paths");
            // Each service's own paths, and only those the route table sends to it.
            assertTrue(paths.containsKey("/api/v1/people"), paths.keySet().toString());
            assertTrue(paths.containsKey("/api/v1/reports/{id}"), paths.keySet().toString());
            assertTrue(paths.containsKey("/api/v1/me/inbox"), paths.keySet().toString());
            assertFalse(paths.containsKey("/api/v1/reports/shadow"));
            assertFalse(paths.containsKey("/q/health"));
            assertEquals("OK", doc.getString("paths.'/api/v1/people'.get.responses.'200'.description"));

            // Same definitions once; a name two services use differently is not clobbered.
            Map<String, Object> schemas = doc.getMap("components.schemas");
            assertTrue(schemas.containsKey("Problem") && schemas.containsKey("Person"), schemas.keySet().toString());
            assertEquals("integer", doc.getString("components.schemas.Summary.properties.people.type"));
            assertEquals("number", doc.getString("components.schemas.'scoring.Summary'.properties.alignment.type"));
            assertEquals("#/components/schemas/scoring.Summary",
                    doc.getString("paths.'/api/v1/reports/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'"));
            assertEquals("#/components/schemas/Person",
                    doc.getString("paths.'/api/v1/people'.get.responses.'200'.content.'application/json'.schema.'$ref'"));

            // One security scheme: the Keycloak bearer token, everywhere.
            assertEquals(List.of("keycloak"), List.copyOf(doc.getMap("components.securitySchemes").keySet()));
            assertEquals("bearer", doc.getString("components.securitySchemes.keycloak.scheme"));
            assertEquals(List.of(Map.of("keycloak", List.of())), doc.getList("paths.'/api/v1/me/inbox'.get.security"));
            assertEquals(List.of(Map.of("keycloak", List.of())), doc.getList("security"));
            // The flaky and pooled services are down: the document says their parts are missing.
            assertEquals(List.of("flaky", "pooled"), doc.getList("x-feedback360-unavailable"));
        }
    }

    @Test
    void servesYamlOnRequestAndSwaggerUi() {
        given().when().get("/q/openapi?format=yaml").then().statusCode(200)
                .contentType(containsString("yaml"))
                .body(containsString("/api/v1/people:"));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void tellsClientsWhereToGetTokens() {
        given().when().get("/api").then().statusCode(200)
                .body("issuer", equalTo("https://keycloak.test/realms/feedback360"))
                .body("tokenEndpoint", equalTo("https://keycloak.test/realms/feedback360/protocol/openid-connect/token"))
                .body("authorizationEndpoint", equalTo("https://keycloak.test/realms/feedback360/protocol/openid-connect/auth"))
                .body("audience", equalTo("feedback360-api"))
                .body("publicClientId", equalTo("feedback360-app"))
                .body("openapi", equalTo("/q/openapi"));
        assertNull(given().when().get("/api").then().extract().header("WWW-Authenticate"));
    }
}
