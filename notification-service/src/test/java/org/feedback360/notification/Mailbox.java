package org.feedback360.notification;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/** What the tests' own GreenMail received, read as a person would: recipient, subject, text, HTML. */
public final class Mailbox {

    private Mailbox() {
    }

    public record Mail(String to, String subject, String text, String html, String contentType) {
    }

    public static List<Mail> to(String address) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage m : NotificationTestResources.greenMail.getReceivedMessages()) {
            try {
                if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                    StringBuilder text = new StringBuilder();
                    StringBuilder html = new StringBuilder();
                    collect(m, text, html);
                    mails.add(new Mail(address, m.getSubject(), text.toString(), html.toString(), m.getContentType()));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    public static List<Mail> to(String address, String subjectPrefix) {
        return to(address).stream().filter(m -> m.subject().startsWith(subjectPrefix)).toList();
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), text, html);
            }
        } else if (part.isMimeType("text/html")) {
            html.append(content);
        } else if (part.isMimeType("text/plain")) {
            text.append(content);
        }
    }

    /** Waits up to 30 s for the condition. */
    public static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (RuntimeException e) {
                // not there yet
            }
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}
