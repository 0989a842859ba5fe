package org.feedback360.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Starts this module's own GreenMail on a free port (so other modules' mail never interferes),
 * behind a relay that can make it slow, and creates the notification-test.* topics with the
 * partition counts of deploy/local.
 */
public class NotificationTestResources implements QuarkusTestResourceLifecycleManager {

    public static final String KAFKA = "127.0.0.1:9092";
    public static final String CYCLES = "notification-test.feedback.cycles";
    public static final String ASSIGNMENTS = "notification-test.feedback.assignments";
    public static final String REPORTS = "notification-test.scoring.reports";

    static GreenMail greenMail;
    /** The service's SMTP server as it sees it: GreenMail through a relay that can hold each mail. */
    public static SmtpRelay smtp;

    @Override
    public Map<String, String> start() {
        int port = freePort();
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        smtp = SmtpRelay.start(port);
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", KAFKA))) {
            for (NewTopic topic : List.of(new NewTopic(CYCLES, 6, (short) 1), new NewTopic(ASSIGNMENTS, 12, (short) 1),
                    new NewTopic(REPORTS, 12, (short) 1))) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of("quarkus.mailer.port", String.valueOf(smtp.port()), "quarkus.mailer.host", "127.0.0.1",
                "notification.mail.poll", "1s");
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
