package org.feedback360.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.feedback360.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real Kafka in, real SMTP (own GreenMail) and inbox out; events built from the contract examples. */
@QuarkusTest
@QuarkusTestResource(NotificationTestResources.class)
class NotificationFlowTest {

    static final Path EXAMPLES = Path.of("../feedback-service/contract/examples");
    static KafkaProducer<String, String> producer;

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", NotificationTestResources.KAFKA,
                "acks", "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    record Scenario(String tenant, UUID cycleId, String raterEmail, String ownerEmail, JsonObject opened,
                    JsonObject created) {
    }

    static JsonObject example(String name) throws Exception {
        return new JsonObject(Files.readString(EXAMPLES.resolve(name + ".json")));
    }

    /** Contract examples re-keyed to a fresh tenant, cycle, rater and owner. */
    static Scenario scenario() throws Exception {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        UUID cycleId = UUID.randomUUID();
        String raterEmail = "fay-" + tenant + "@acme.example";
        String ownerEmail = "hana-" + tenant + "@acme.example";
        JsonObject opened = example("CycleOpened").put("id", UUID.randomUUID().toString()).put("tenant", tenant);
        opened.getJsonObject("data").put("cycleId", cycleId.toString()).put("tenant", tenant)
                .getJsonObject("owner").put("email", ownerEmail);
        JsonObject created = example("AssignmentCreated").put("id", UUID.randomUUID().toString()).put("tenant", tenant);
        created.getJsonObject("data").put("assignmentId", UUID.randomUUID().toString()).put("cycleId", cycleId.toString())
                .getJsonObject("rater").put("email", raterEmail);
        return new Scenario(tenant, cycleId, raterEmail, ownerEmail, opened, created);
    }

    static void send(String topic, JsonObject event) throws Exception {
        producer.send(new ProducerRecord<>(topic, event.getJsonObject("data").getString("cycleId"), event.encode())).get();
    }

    static List<MimeMessage> mailTo(String address) throws Exception {
        return Arrays.stream(NotificationTestResources.greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** All text of all parts (plain and HTML), decoded. */
    static String text(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Timed out waiting for " + what);
    }

    static int count(String address) {
        try {
            return mailTo(address).size();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void assignmentBeforeOpenInvitesRaterInHisLocaleExactlyOnceEvenWhenRedelivered() throws Exception {
        Scenario s = scenario();
        send(NotificationTestResources.ASSIGNMENTS, s.created());
        send(NotificationTestResources.CYCLES, s.opened());
        send(NotificationTestResources.CYCLES, s.opened()); // same event id again: no second mail
        send(NotificationTestResources.ASSIGNMENTS, s.created());

        await("invitation mail", () -> count(s.raterEmail()) >= 1);
        Thread.sleep(3000); // give a duplicate the chance to show up
        List<MimeMessage> mails = mailTo(s.raterEmail());
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getSubject().startsWith("Feedback erbeten"), mails.get(0).getSubject());
        String body = text(mails.get(0));
        assertTrue(body.contains("/cycles/" + s.cycleId()), body);
        assertTrue(body.contains("<a href="), "has an HTML part");

        given().auth().oauth2(TestTokens.employee(s.tenant(), "E-0201").sign())
                .when().get("/api/v1/me/inbox/unread-count")
                .then().statusCode(200).body("unread", equalTo(1));
    }

    @Test
    void openBeforeAssignmentAlsoInvites_andCloseTellsOwnerWithFigures() throws Exception {
        Scenario s = scenario();
        send(NotificationTestResources.CYCLES, s.opened());
        send(NotificationTestResources.ASSIGNMENTS, s.created());
        await("invitation mail", () -> count(s.raterEmail()) == 1);

        JsonObject closed = example("CycleClosed").put("id", UUID.randomUUID().toString()).put("tenant", s.tenant());
        closed.getJsonObject("data").put("cycleId", s.cycleId().toString()).put("tenant", s.tenant())
                .getJsonObject("owner").put("email", s.ownerEmail());
        send(NotificationTestResources.CYCLES, closed);
        await("cycle-closed mail", () -> count(s.ownerEmail()) == 1);
        MimeMessage mail = mailTo(s.ownerEmail()).get(0);
        String locale = closed.getJsonObject("data").getJsonObject("owner").getString("locale");
        JsonObject completion = closed.getJsonObject("data").getJsonObject("completion");
        String figures = "de".equals(locale)
                ? completion.getInteger("submitted") + " von " + completion.getInteger("assignments")
                : completion.getInteger("submitted") + " of " + completion.getInteger("assignments");
        assertTrue(text(mail).contains(figures));
    }

    @Test
    void someoneElsesInboxItemIsNotFound() throws Exception {
        Scenario s = scenario();
        send(NotificationTestResources.CYCLES, s.opened());
        send(NotificationTestResources.ASSIGNMENTS, s.created());
        String rater = TestTokens.employee(s.tenant(), "E-0201").sign();
        await("inbox item", () -> given().auth().oauth2(rater).get("/api/v1/me/inbox")
                .then().extract().path("total") instanceof Integer n && n == 1);
        String id = given().auth().oauth2(rater).get("/api/v1/me/inbox").then().extract().path("items[0].id");

        given().auth().oauth2(TestTokens.employee(s.tenant(), "E-0999").sign())
                .post("/api/v1/me/inbox/" + id + "/read").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.employee("other-tenant", "E-0201").sign())
                .post("/api/v1/me/inbox/" + id + "/read").then().statusCode(404);
        given().auth().oauth2(rater).post("/api/v1/me/inbox/" + id + "/read")
                .then().statusCode(200).body("readAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(rater).get("/api/v1/me/inbox/unread-count").then().body("unread", equalTo(0));
    }

    @Test
    void remindersGoOnlyToRatersWhoHaveNotSubmitted() throws Exception {
        Scenario s = scenario();
        // closes in one hour, reminder one hour before: due right away
        s.opened().getJsonObject("data").put("closesAt", Instant.now().plusSeconds(3600).toString())
                .put("reminders", new io.vertx.core.json.JsonArray().add("PT1H"));
        JsonObject second = s.created().copy().put("id", UUID.randomUUID().toString());
        String submitterEmail = "sam-" + s.tenant() + "@acme.example";
        second.getJsonObject("data").put("assignmentId", UUID.randomUUID().toString())
                .getJsonObject("rater").put("employeeId", "E-0202").put("email", submitterEmail).put("locale", "en");
        JsonObject submitted = example("AssignmentSubmitted").put("id", UUID.randomUUID().toString())
                .put("tenant", s.tenant());
        submitted.getJsonObject("data").put("assignmentId", second.getJsonObject("data").getString("assignmentId"))
                .put("cycleId", s.cycleId().toString());

        send(NotificationTestResources.ASSIGNMENTS, s.created());
        send(NotificationTestResources.ASSIGNMENTS, second);
        send(NotificationTestResources.ASSIGNMENTS, submitted);
        Thread.sleep(2000); // same partition (keyed by cycle), so the submission is applied by then
        send(NotificationTestResources.CYCLES, s.opened());

        await("reminder to pending rater", () -> {
            try {
                return mailTo(s.raterEmail()).stream().anyMatch(m -> subject(m).startsWith("Erinnerung"));
            } catch (Exception e) {
                return false;
            }
        });
        Thread.sleep(3000);
        assertTrue(mailTo(submitterEmail).stream().noneMatch(m -> subject(m).startsWith("Reminder")),
                "a rater who submitted gets no reminder");
        assertTrue(mailTo(s.raterEmail()).stream().anyMatch(m -> subject(m).startsWith("Feedback erbeten")));
        assertEquals(1, mailTo(s.raterEmail()).stream().filter(m -> subject(m).startsWith("Erinnerung")).count());
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
