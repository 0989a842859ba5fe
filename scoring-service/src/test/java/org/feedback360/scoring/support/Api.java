package org.feedback360.scoring.support;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;

/** rest-assured as the scoring tests use it: JSON numbers read as doubles (scores are checked to 1e-4). */
public final class Api {

    static {
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private Api() {
    }

    /** Call from a test class's static initialiser. */
    public static void configure() {
        // The static block above does the work once.
    }
}
