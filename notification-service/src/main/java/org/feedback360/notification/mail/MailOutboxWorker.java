package org.feedback360.notification.mail;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Sends queued mail. Rows are claimed with FOR UPDATE SKIP LOCKED, so two instances never send
 * the same mail and a slow SMTP server only delays this worker, never event consumption.
 * A failed send is retried with exponential backoff until max-attempts, then marked FAILED.
 */
@ApplicationScoped
public class MailOutboxWorker {

    private static final Logger LOG = Logger.getLogger(MailOutboxWorker.class);

    @Inject
    EntityManager em;
    @Inject
    Mailer mailer;
    @Inject
    Engine qute;
    @ConfigProperty(name = "notification.mail.max-attempts")
    int maxAttempts;
    @ConfigProperty(name = "notification.mail.batch-size")
    int batchSize;

    @Scheduled(every = "${notification.mail.poll:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        while (sendBatch() == batchSize) {
            // keep going while full batches are due
        }
    }

    /** One transaction per batch: claimed rows stay locked until their outcome is written. */
    @Transactional
    @SuppressWarnings("unchecked")
    int sendBatch() {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, recipient, locale, template, CAST(model AS text), attempts FROM mail_outbox
                        WHERE status = 'PENDING' AND next_attempt <= now()
                        ORDER BY next_attempt LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, batchSize).getResultList();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            int attempts = ((Number) r[5]).intValue() + 1;
            try {
                mailer.send(render((String) r[1], (String) r[2], (String) r[3], new JsonObject((String) r[4])));
                em.createNativeQuery("UPDATE mail_outbox SET status = 'SENT', attempts = ?2, sent_at = now() WHERE id = ?1")
                        .setParameter(1, id).setParameter(2, attempts).executeUpdate();
            } catch (RuntimeException e) {
                LOG.warnf("Mail %s attempt %d failed: %s", id, attempts, e.getMessage());
                long backoffSeconds = Math.min(3600, (long) Math.pow(2, attempts));
                em.createNativeQuery("""
                                UPDATE mail_outbox SET attempts = ?2, last_error = ?3,
                                    status = CASE WHEN ?2 >= ?4 THEN 'FAILED' ELSE 'PENDING' END,
                                    next_attempt = now() + make_interval(secs => ?5) WHERE id = ?1""")
                        .setParameter(1, id).setParameter(2, attempts).setParameter(3, String.valueOf(e.getMessage()))
                        .setParameter(4, maxAttempts).setParameter(5, (double) backoffSeconds).executeUpdate();
            }
        }
        return rows.size();
    }

    /** Templates live in templates/mail/{name}-{locale}.txt and .html; the first line of the text is the subject. */
    Mail render(String to, String locale, String template, JsonObject model) {
        Template text = qute.getTemplate("mail/" + template + "-" + locale + ".txt");
        Template html = qute.getTemplate("mail/" + template + "-" + locale + ".html");
        String renderedText = text.data(model.getMap()).render();
        int newline = renderedText.indexOf('\n');
        String subject = renderedText.substring(0, newline).strip();
        return Mail.withText(to, subject, renderedText.substring(newline + 1).strip())
                .setHtml(html.data(model.getMap()).render());
    }
}
