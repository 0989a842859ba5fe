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
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends queued mail. Rows are claimed with FOR UPDATE SKIP LOCKED, so two instances never send
 * the same mail and a slow SMTP server only delays this worker, never event consumption or
 * webhooks. A failed send is retried with exponential backoff until max-attempts, then marked
 * FAILED. Mail about an open cycle (invitations, reminders) that has closed meanwhile is EXPIRED,
 * never sent late.
 */
@ApplicationScoped
public class MailOutboxWorker {

    public static final String JOB = "mail-outbox";
    private static final Logger LOG = Logger.getLogger(MailOutboxWorker.class);

    @Inject
    EntityManager em;
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
        while (sendBatch() == config.batchSize()) {
            // keep going while full batches are due
        }
    }

    /** One transaction per batch: claimed rows stay locked until their outcome is written. */
    @Transactional
    @SuppressWarnings("unchecked")
    int sendBatch() {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT m.id, m.recipient, m.locale, m.template, CAST(m.model AS text), m.attempts,
                               m.open_cycle_id IS NOT NULL AND NOT EXISTS (
                                   SELECT 1 FROM known_cycle c WHERE c.cycle_id = m.open_cycle_id
                                   AND c.state = 'OPEN' AND c.closes_at > now()) AS expired
                        FROM mail_outbox m
                        WHERE m.status = 'PENDING' AND m.next_attempt <= now()
                        ORDER BY m.next_attempt LIMIT ?1 FOR UPDATE OF m SKIP LOCKED""")
                .setParameter(1, config.batchSize()).getResultList();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            int attempts = ((Number) r[5]).intValue() + 1;
            if (Boolean.TRUE.equals(r[6])) {
                em.createNativeQuery("UPDATE mail_outbox SET status = 'EXPIRED' WHERE id = ?1")
                        .setParameter(1, id).executeUpdate();
                expired.increment();
                continue;
            }
            try {
                mailer.send(render((String) r[1], (String) r[2], (String) r[3], new JsonObject((String) r[4])));
                em.createNativeQuery("UPDATE mail_outbox SET status = 'SENT', attempts = ?2, sent_at = now() WHERE id = ?1")
                        .setParameter(1, id).setParameter(2, attempts).executeUpdate();
                sent.increment();
            } catch (RuntimeException e) {
                LOG.warnf("Mail %s attempt %d failed: %s", id, attempts, e.getMessage());
                boolean giveUp = attempts >= config.maxAttempts();
                (giveUp ? givenUp : failed).increment();
                long backoffSeconds = Math.min(3600, (long) Math.pow(2, attempts));
                em.createNativeQuery("""
                                UPDATE mail_outbox SET attempts = ?2, last_error = ?3,
                                    status = CASE WHEN ?4 THEN 'FAILED' ELSE 'PENDING' END,
                                    next_attempt = now() + make_interval(secs => ?5) WHERE id = ?1""")
                        .setParameter(1, id).setParameter(2, attempts).setParameter(3, String.valueOf(e.getMessage()))
                        .setParameter(4, giveUp).setParameter(5, (double) backoffSeconds).executeUpdate();
            }
        }
        return rows.size();
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
