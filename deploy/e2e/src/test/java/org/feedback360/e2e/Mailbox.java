package org.feedback360.e2e;

import io.restassured.response.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/** The local SMTP sink (GreenMail) as a person's mailbox: what notification-service really sent. */
final class Mailbox {

    private Mailbox() {
    }

    /** Every message to this address, as raw MIME with quoted-printable soft breaks undone. */
    static List<String> messages(String email) {
        Response r = given().baseUri(Platform.GREENMAIL).get("/api/user/" + email + "/messages/");
        if (r.statusCode() != 200) {
            return List.of();
        }
        // Quoted-printable bodies wrap long lines with a soft break "=" CRLF.
        return r.jsonPath().getList("mimeMessage", String.class).stream().map(m -> m.replace("=\r\n", "")).toList();
    }

    static String awaitMessage(String email, Predicate<String> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Org.before(deadline)) {
            for (String m : messages(email)) {
                if (wanted.test(m)) {
                    return m;
                }
            }
            Org.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("no such mail to " + email + " within " + timeout + "; has " + messages(email).size());
    }

    static long count(String email, Predicate<String> wanted) {
        return messages(email).stream().filter(wanted).count();
    }

    static boolean isReminder(String mime) {
        return mime.contains("Subject: Reminder") || mime.contains("Subject: Erinnerung");
    }

    static boolean isInvitation(String mime) {
        return !isReminder(mime) && mime.contains("/assignments/");
    }

    static boolean isReportReady(String mime) {
        return mime.contains("/api/v1/reports/");
    }
}
