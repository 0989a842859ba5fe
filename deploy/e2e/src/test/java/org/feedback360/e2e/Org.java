package org.feedback360.e2e;

import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * A small organisation of its own for one test, imported the way an HR portal does it: HR
 * uploads the org chart through the gateway, feedback-service provisions each person into
 * Keycloak, and an operator sets their first password (in real life Keycloak's "set your
 * password" mail). Everyone then logs in with a real Keycloak token. Ids and e-mails carry a
 * run id, so tests never meet each other's people or earlier runs' data.
 */
public final class Org {

    public static final String PASSWORD = "e2e-Passw0rd";

    public record Person(String label, String employeeId, String email, String name, String locale, String managerId) {
    }

    private final String tenant;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Person> people = new LinkedHashMap<>();
    private final RequestSpecification hr;

    private Org(String tenant, RequestSpecification hr) {
        this.tenant = tenant;
        this.hr = hr;
    }

    /** An organisation in the demo tenant, imported by the demo HR portal client. */
    public static Org inDemoTenant() {
        return new Org(Platform.DEMO_TENANT, null);
    }

    /**
     * Adds a person; {@code managerLabel} names a person added before (or null for the top).
     * Locales alternate between the instruments' two languages unless given.
     */
    public Org person(String label, String managerLabel) {
        return person(label, managerLabel, people.size() % 2 == 0 ? "en" : "de");
    }

    public Org person(String label, String managerLabel, String locale) {
        String managerId = managerLabel == null ? null : get(managerLabel).employeeId();
        String id = "E2E-" + run + "-" + label;
        people.put(label, new Person(label, id, (label + "." + run + "@" + tenant + ".example").toLowerCase(),
                "E2E " + label, locale, managerId));
        return this;
    }

    /** Gives a person added before another display name (free text, stored and shown as given). */
    public Org named(String label, String name) {
        Person p = get(label);
        people.put(label, new Person(p.label(), p.employeeId(), p.email(), name, p.locale(), p.managerId()));
        return this;
    }

    /** A manager with {@code reports} direct reports named {@code <manager>-R1…}. */
    public Org team(String managerLabel, String reportsTo, int reports) {
        person(managerLabel, reportsTo);
        for (int i = 1; i <= reports; i++) {
            person(managerLabel + "-R" + i, managerLabel);
        }
        return this;
    }

    /** Uploads the org chart as HR, waits until Keycloak knows everyone, and gives them a password. */
    public Org importAndProvision() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Person p : people.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("employeeId", p.employeeId());
            row.put("name", p.name());
            row.put("email", p.email());
            row.put("locale", p.locale());
            row.put("managerEmployeeId", p.managerId());
            rows.add(row);
        }
        hr().contentType("application/json").body(rows).post("/api/v1/people/import").then().statusCode(200);
        KeycloakAdmin.awaitUsersAndSetPasswords(people.values().stream().map(Person::email).toList(), PASSWORD,
                Duration.ofSeconds(90));
        return this;
    }

    private RequestSpecification hr() {
        return hr != null ? hr : Platform.asHrPortal();
    }

    public Person get(String label) {
        Person p = people.get(label);
        if (p == null) {
            throw new IllegalArgumentException("no person " + label + " in this org");
        }
        return p;
    }

    public List<Person> people() {
        return List.copyOf(people.values());
    }

    public String run() {
        return run;
    }

    public String tenant() {
        return tenant;
    }

    /** A request to the gateway as this person, with their own Keycloak token. */
    public RequestSpecification as(String label) {
        return given().baseUri(Platform.GATEWAY).auth().oauth2(token(label));
    }

    /** The person's token, renewed a minute before it expires (see {@link Tokens}). */
    public String token(String label) {
        Person p = get(label);
        return Tokens.get("user:" + p.email(), () -> Platform.passwordToken(p.email(), PASSWORD));
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean before(Instant deadline) {
        return Instant.now().isBefore(deadline);
    }
}
