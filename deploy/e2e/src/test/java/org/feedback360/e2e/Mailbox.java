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

    /**
     * The decoded text of each part of a multipart message, by content type ({@code text/plain},
     * {@code text/html}); quoted-printable and base64 undone, read as UTF-8.
     */
    static java.util.Map<String, String> parts(String mime) {
        java.util.Map<String, String> parts = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher boundary = java.util.regex.Pattern.compile("boundary=\"([^\"]+)\"").matcher(mime);
        if (!boundary.find()) {
            throw new AssertionError("not a multipart message: " + mime.substring(0, Math.min(300, mime.length())));
        }
        for (String part : mime.split(java.util.regex.Pattern.quote("--" + boundary.group(1)))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0 || !part.contains("Content-Type:")) {
                continue;
            }
            String headers = part.substring(0, split);
            String body = part.substring(split + 4);
            String type = headers.replaceAll("(?s).*Content-Type: *([^;\r\n]+).*", "$1").trim();
            byte[] bytes;
            if (headers.contains("quoted-printable")) {
                bytes = quotedPrintable(body);
            } else if (headers.contains("base64")) {
                bytes = java.util.Base64.getMimeDecoder().decode(body.trim());
            } else {
                bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            parts.put(type, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        return parts;
    }

    /** Soft breaks were undone by {@link #messages}; this undoes the =XX escapes. */
    private static byte[] quotedPrintable(String body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] in = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '=' && i + 2 < in.length) {
                out.write(Integer.parseInt(new String(in, i + 1, 2, java.nio.charset.StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
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
