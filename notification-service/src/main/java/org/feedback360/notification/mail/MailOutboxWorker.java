package org.feedback360.notification.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends queued mail. A batch is claimed in a short transaction (rows {@code SENDING} with a lease,
 * {@code FOR UPDATE SKIP LOCKED}: two instances never send the same mail), each mail is sent with
 * no transaction open, and each outcome is committed on its own: however slow the SMTP server, a
 * mail once sent stays recorded as sent. A slow server only delays this worker, never event
 * consumption or webhooks. A failed send is retried with exponential backoff until max-attempts,
 * then marked FAILED. Mail about an open cycle (invitations, reminders) that has closed meanwhile
 * is EXPIRED, never sent late. A mail is sent at least once: an instance that dies between the
 * SMTP server's answer and the record may leave it to be sent again after its lease.
 */
@ApplicationScoped
public class MailOutboxWorker {

    public static final String JOB = "mail-outbox";
    private static final Logger LOG = Logger.getLogger(MailOutboxWorker.class);
    /** Time kept in hand past the longest send, for recording its outcome. */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    @Inject
    MailOutbox outbox;
    @Inject
    Mailer mailer;
    @Inject
    Engine qute;

    private final MailConfig config;
    private final Counter sent;
    private final Counter failed;
    private final Counter givenUp;
    private final Counter expired;

    @Inject
    MailOutboxWorker(MailConfig config, MeterRegistry registry) {
        if (config.lease().compareTo(config.sendTimeout().plus(MARGIN)) <= 0) {
            throw new IllegalStateException("notification.mail.lease (" + config.lease() + ") must be longer than "
                    + "notification.mail.send-timeout (" + config.sendTimeout() + ") plus " + MARGIN.toSeconds() + " s");
        }
        this.config = config;
        sent = outcome(registry, "sent");
        failed = outcome(registry, "failed");
        givenUp = outcome(registry, "given_up");
        expired = outcome(registry, "expired");
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("notification.mail.sends")
                .description("Mail send attempts by outcome (sent, failed and retried, given_up, expired)")
                .tag("outcome", outcome).register(registry);
    }

    @Scheduled(identity = JOB, every = "${notification.mail.poll:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        while (sendBatch().size() == config.batchSize()) {
            // keep going while full batches are due
        }
    }

    /** Claims one batch and sends it; returns the ids of the mails this call tried to send. */
    public List<UUID> sendBatch() {
        long claimedAt = System.nanoTime();
        MailOutbox.Batch batch = outbox.claim(config.batchSize(), config.lease(), config.maxAttempts());
        expired.increment(batch.expired());
        givenUp.increment(batch.givenUp());
        List<UUID> tried = new ArrayList<>();
        List<MailOutbox.Claimed> claimed = batch.toSend();
        for (int i = 0; i < claimed.size(); i++) {
            // A mail still going out when its lease runs out could be claimed and sent by another
            // worker too: send only while the lease outlasts the longest send.
            Duration held = Duration.ofNanos(System.nanoTime() - claimedAt);
            if (held.plus(config.sendTimeout()).plus(MARGIN).compareTo(config.lease()) > 0) {
                outbox.release(claimed.subList(i, claimed.size()));
                break;
            }
            send(claimed.get(i));
            tried.add(claimed.get(i).id());
        }
        return tried;
    }

    private void send(MailOutbox.Claimed mail) {
        try {
            mailer.send(render(mail.recipient(), mail.locale(), mail.template(), new JsonObject(mail.model())));
        } catch (RuntimeException e) {
            LOG.warnf("Mail %s attempt %d failed: %s", mail.id(), mail.attempt(), e.getMessage());
            boolean giveUp = mail.attempt() >= config.maxAttempts();
            (giveUp ? givenUp : failed).increment();
            Duration backoff = Duration.ofSeconds(Math.min(3600, 1L << Math.min(mail.attempt(), 12)));
            outbox.failed(mail, String.valueOf(e.getMessage()), giveUp, backoff);
            return;
        }
        sent.increment();
        if (!outbox.sent(mail)) {
            LOG.warnf("Mail %s was sent after its lease had run out; another worker may have sent it too", mail.id());
        }
    }

    /** Templates live in templates/mail/{name}-{locale}.txt and .html; the first line of the text is the subject. */
    Mail render(String to, String locale, String template, JsonObject model) {
        Template text = qute.getTemplate("mail/" + template + "-" + locale + ".txt");
        Template html = qute.getTemplate("mail/" + template + "-" + locale + ".html");
        Map<String, Object> data = model.getMap();
        String renderedText = text.data(data).render();
        int newline = renderedText.indexOf('\n');
        String subject = renderedText.substring(0, newline).strip();
        return Mail.withText(to, subject, renderedText.substring(newline + 1).strip())
                .setHtml(html.data(data).render());
    }
}
