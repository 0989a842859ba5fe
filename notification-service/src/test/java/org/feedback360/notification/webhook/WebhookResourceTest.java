package org.feedback360.notification.webhook;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.feedback360.notification.Db;
import org.feedback360.notification.NotificationTestResources;
import org.feedback360.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The subscription API: roles, tenant isolation, URL policy and validation, all as problems. */
@QuarkusTest
@QuarkusTestResource(NotificationTestResources.class)
class WebhookResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final String URL = "http://127.0.0.1:9/hooks/feedback360";

    static String integration(String tenant) {
        return TestTokens.employee(tenant, "svc-portal").roles("integration").sign();
    }

    static String tenant() {
        return "w-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ValidatableResponse create(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/webhooks").then();
    }

    @Test
    void integrationAndHrAdminMaySubscribeEmployeesMayNot() {
        String tenant = tenant();
        Map<String, Object> body = Map.of("url", URL, "eventTypes", List.of("cycle.closed"));
        create(integration(tenant), body).statusCode(201);
        create(TestTokens.hrAdmin(tenant, "E-0900").sign(), body).statusCode(201);
        create(TestTokens.employee(tenant, "E-0201").sign(), body).statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.employee(tenant, "E-0201").sign()).get("/api/v1/webhooks")
                .then().statusCode(403);
    }

    @Test
    void theSecretIsShownOnceAndStoredEncrypted() {
        String tenant = tenant();
        String token = integration(tenant);
        ValidatableResponse created = create(token, Map.of("url", URL, "eventTypes", List.of("cycle.closed", "cycle.opened",
                "cycle.closed"), "description", "HR portal")).statusCode(201)
                .header("Location", containsString("/api/v1/webhooks/"))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                .body("eventTypes", equalTo(List.of("cycle.closed", "cycle.opened")))
                .body("status", equalTo("ACTIVE"));
        String id = created.extract().path("id");
        String secret = created.extract().path("secret");

        given().auth().oauth2(token).get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("$", not(hasKey("secret"))).body("url", equalTo(URL)).body("description", equalTo("HR portal"));
        String list = given().auth().oauth2(token).get("/api/v1/webhooks").then().statusCode(200)
                .body("total", equalTo(1)).extract().asString();
        assertFalse(list.contains(secret));
        String stored = (String) Db.single("SELECT secret_enc FROM webhook_subscription WHERE id = ?1", UUID.fromString(id));
        assertTrue(stored.startsWith("v1:") && !stored.contains(secret.substring(6)), stored);

        String own = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        create(token, Map.of("url", URL, "eventTypes", List.of("report.published"), "secret", own))
                .statusCode(201).body("secret", equalTo(own));
    }

    @Test
    void anotherTenantsSubscriptionIsNotFound() {
        String token = integration(tenant());
        String id = create(token, Map.of("url", URL, "eventTypes", List.of("cycle.closed"))).statusCode(201)
                .extract().path("id");
        String stranger = integration(tenant());
        String delivery = UUID.randomUUID().toString();
        given().auth().oauth2(stranger).get("/api/v1/webhooks/" + id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("status", "PAUSED"))
                .patch("/api/v1/webhooks/" + id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(stranger).delete("/api/v1/webhooks/" + id).then().statusCode(404);
        given().auth().oauth2(stranger).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
        given().auth().oauth2(stranger).post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/redeliver")
                .then().statusCode(404);
        given().auth().oauth2(stranger).get("/api/v1/webhooks").then().body("total", equalTo(0));
        given().auth().oauth2(token).get("/api/v1/webhooks/" + id).then().statusCode(200);
    }

    @Test
    void pauseResumeChangeAndDelete() {
        String token = integration(tenant());
        String id = create(token, Map.of("url", URL, "eventTypes", List.of("cycle.closed"))).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("status", "PAUSED"))
                .patch("/api/v1/webhooks/" + id).then().statusCode(200).body("status", equalTo("PAUSED"))
                .body("eventTypes", equalTo(List.of("cycle.closed")));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("status", "ACTIVE", "eventTypes", List.of("report.published"), "url", URL + "/v2"))
                .patch("/api/v1/webhooks/" + id).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("eventTypes", equalTo(List.of("report.published"))).body("url", equalTo(URL + "/v2"));
        given().auth().oauth2(token).delete("/api/v1/webhooks/" + id).then().statusCode(204);
        given().auth().oauth2(token).get("/api/v1/webhooks/" + id).then().statusCode(404);
        given().auth().oauth2(token).get("/api/v1/webhooks/event-types").then().statusCode(200)
                .body("$", equalTo(List.of("cycle.opened", "cycle.closed", "cycle.released", "assignment.submitted",
                        "report.published")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.2:8080/hook|127.0.0.2 is a loopback address",
            "http://[::1]:8080/hook|0:0:0:0:0:0:0:1 is a loopback address",
            "http://169.254.169.254/latest/meta-data/|169.254.169.254 is a link-local address",
            "http://10.1.2.3/hook|10.1.2.3 is a private address",
            "http://172.16.5.4/hook|172.16.5.4 is a private address",
            "http://192.168.1.10/hook|192.168.1.10 is a private address",
            "http://[fd00::1]/hook|fd00:0:0:0:0:0:0:1 is a private address",
            "http://0.0.0.0:8083/hook|0.0.0.0 is an unspecified address",
            "http://kafka:9092/hook|host 'kafka' is an internal host name",
            "http://keycloak:8180/hook|host 'keycloak' is an internal host name",
            "http://feedback-service.f360.svc.cluster.local/|is an internal host name",
            "http://localhost:8083/hook|host 'localhost' is an internal host name",
            "http://nowhere.invalid/hook|host 'nowhere.invalid' does not resolve",
            "ftp://127.0.0.1/hook|the URL must use https",
            "http://admin:pw@127.0.0.1:9/hook|the URL must not contain credentials"})
    void refusesUrlsIntoThePlatformSayingWhy(String url, String reason) {
        create(integration(tenant()), Map.of("url", url, "eventTypes", List.of("cycle.closed")))
                .statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://feedback360.org/problems/url-not-allowed"))
                .body("field", equalTo("url"))
                .body("detail", containsString(reason));
    }

    @Test
    void changingToARefusedUrlIsRefusedToo() {
        String token = integration(tenant());
        String id = create(token, Map.of("url", URL, "eventTypes", List.of("cycle.closed"))).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("url", "http://169.254.169.254/"))
                .patch("/api/v1/webhooks/" + id).then().statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("link-local"));
        given().auth().oauth2(token).get("/api/v1/webhooks/" + id).then().body("url", equalTo(URL));
    }

    @Test
    void invalidRequestsAreProblemsNamingTheField() {
        String token = integration(tenant());
        create(token, Map.of("eventTypes", List.of("cycle.closed"))).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("url"));
        create(token, Map.of("url", URL, "eventTypes", List.of())).statusCode(400)
                .body("errors.field", hasItem("eventTypes"));
        create(token, Map.of("url", URL, "eventTypes", List.of("cycle.closed", "response.submitted"))).statusCode(400)
                .body("errors[0].field", equalTo("eventTypes[1]"))
                .body("errors[0].message", containsString("cycle.opened, cycle.closed"));
        create(token, Map.of("url", URL, "eventTypes", List.of("cycle.closed"), "secret", "hunter2")).statusCode(400)
                .body("errors.field", hasItem("secret"));
        create(token, Map.of("url", URL, "eventTypes", List.of("cycle.closed"), "active", true)).statusCode(400)
                .body("type", equalTo("https://feedback360.org/problems/unknown-field"));
        create(token, "{\"url\": ").statusCode(400).contentType(PROBLEM);
        create(token, Map.of("url", "x".repeat(2049), "eventTypes", List.of("cycle.closed"))).statusCode(400)
                .body("errors.field", hasItem("url"));

        String id = create(token, Map.of("url", URL, "eventTypes", List.of("cycle.closed"))).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("status", "DELETED"))
                .patch("/api/v1/webhooks/" + id).then().statusCode(400).body("errors.field", hasItem("status"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                .patch("/api/v1/webhooks/" + id).then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(token).queryParam("status", "LOST").get("/api/v1/webhooks/" + id + "/deliveries")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(token).post("/api/v1/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/redeliver")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aTenantHasAtMostTwentySubscriptions() {
        String token = integration(tenant());
        for (int i = 0; i < 20; i++) {
            create(token, Map.of("url", URL + "/" + i, "eventTypes", List.of("cycle.closed"))).statusCode(201);
        }
        create(token, Map.of("url", URL + "/21", "eventTypes", List.of("cycle.closed"))).statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("https://feedback360.org/problems/too-many-subscriptions"));
    }
}
