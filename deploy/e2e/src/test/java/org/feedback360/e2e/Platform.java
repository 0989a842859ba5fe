package org.feedback360.e2e;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * The running platform as a client sees it: the gateway, Keycloak's token endpoint and
 * the demo organisation's log-ins. Tokens are real Keycloak tokens, cached per user until a
 * minute before they expire (see {@link Tokens}).
 */
public final class Platform {

    public static final String GATEWAY = property("e2e.gateway", "http://127.0.0.1:8080");
    public static final String KEYCLOAK = property("e2e.keycloak", "http://127.0.0.1:8180");
    public static final String GREENMAIL = property("e2e.greenmail", "http://127.0.0.1:8025");
    public static final String REALM = KEYCLOAK + "/realms/feedback360";

    /** Demo organisation (deploy/local/demo/acme-org.json); password for everyone. */
    public static final String DEMO_TENANT = "acme";
    public static final String DEMO_PASSWORD = "demo";

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        // Report figures are doubles; rest-assured would read them as floats and lose digits.
        // Timeouts: a hung part (the SMTP sink's web API, a stalled service) fails its test with a
        // clear error instead of stalling the suite until CI's limit.
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE))
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 10_000)
                        .setParam("http.socket.timeout", 60_000));
        JsonPath.config = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);
    }

    private Platform() {
    }

    /** A request to the gateway as the person who logs in with this e-mail. */
    public static RequestSpecification as(String email) {
        return given().baseUri(GATEWAY).auth().oauth2(userToken(email));
    }

    /** A request to the gateway as the demo HR portal (client credentials). */
    public static RequestSpecification asHrPortal() {
        return given().baseUri(GATEWAY).auth().oauth2(hrPortalToken());
    }

    public static RequestSpecification anonymous() {
        return given().baseUri(GATEWAY);
    }

    public static String userToken(String email) {
        return Tokens.get("user:" + email, () -> passwordToken(email, DEMO_PASSWORD));
    }

    /** A fresh access token from Keycloak for a person (password grant: local testing only). */
    public static String passwordToken(String email, String password) {
        return given().baseUri(REALM)
                .formParam("grant_type", "password")
                .formParam("client_id", "feedback360-app")
                .formParam("username", email)
                .formParam("password", password)
                .post("/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    public static String hrPortalToken() {
        return Tokens.get("client:hr-portal", () -> given().baseUri(REALM)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "hr-portal")
                .formParam("client_secret", "hr-portal-dev-secret")
                .post("/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token"));
    }

    private static String property(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() || v.startsWith("${") ? fallback : v;
    }
}
