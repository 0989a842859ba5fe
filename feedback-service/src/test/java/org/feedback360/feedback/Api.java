package org.feedback360.feedback;

import io.restassured.specification.RequestSpecification;
import org.feedback360.testsupport.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Request shortcuts for the service tests; each test works in a fresh tenant of its own. */
public final class Api {

    private Api() {
    }

    /** A small valid tenant instrument: one dimension, a reverse-scored item, one open question. */
    public static final String PULSE = """
            {"key": "team-pulse",
             "name": {"en": "Team pulse", "de": "Team-Puls"},
             "locales": ["en", "de"],
             "raterGroups": ["DIRECT_REPORT", "SELF"],
             "dimensions": [
               {"key": "CLARITY", "name": {"en": "Clarity", "de": "Klarheit"},
                "items": [
                  {"id": "clarity-1", "text": {"en": "Goals are clear.", "de": "Ziele sind klar."}},
                  {"id": "clarity-2", "text": {"en": "Priorities change without reason.", "de": "Prioritäten ändern sich grundlos."}, "reverseScored": true}
                ]}
             ],
             "openQuestions": [{"id": "wish", "text": {"en": "One wish?", "de": "Ein Wunsch?"}}]}
            """;

    public static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification asHr(String tenant) {
        return given().auth().oauth2(TestTokens.hrAdmin(tenant, "hana").sign());
    }

    public static RequestSpecification asEmployee(String tenant, String employeeId) {
        return given().auth().oauth2(TestTokens.employee(tenant, employeeId).sign());
    }

    public static RequestSpecification asIntegration(String tenant) {
        return given().auth().oauth2(TestTokens.employee(tenant, "hr-portal").roles("integration").sign());
    }
}
