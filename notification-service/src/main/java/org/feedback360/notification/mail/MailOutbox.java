package org.feedback360.notification.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The mail outbox's transactions, each short. A claim marks due mail {@code SENDING} with a lease
 * ({@code FOR UPDATE SKIP LOCKED}, so two workers never claim the same row) and commits at once;
 * the mail is sent outside any transaction; each outcome is written on its own, and only while the
 * row is still the claim that was sent. A row whose lease ran out (its instance died mid-send) is
 * claimed again.
 */
@ApplicationScoped
public class MailOutbox {

    /** A claimed mail; {@code attempt} (its attempts so far, this one included) identifies the claim. */
    public record Claimed(UUID id, String recipient, String locale, String template, String model, int attempt) {
    }

    /** What a claim came to: mail to send now, and mail it settled without sending. */
    public record Batch(List<Claimed> toSend, int expired, int givenUp) {
    }

    private static final String CLAIM = """
            WITH due AS (
                SELECT m.id,
                       m.open_cycle_id IS NOT NULL AND NOT EXISTS (
                           SELECT 1 FROM known_cycle c WHERE c.cycle_id = m.open_cycle_id
                           AND c.state = 'OPEN' AND c.closes_at > now()) AS expired,
                       m.status = 'SENDING' AND m.attempts >= ?3 AS exhausted
                FROM mail_outbox m
                WHERE (m.status = 'PENDING' AND m.next_attempt <= now())
                   OR (m.status = 'SENDING' AND m.lease_until <= now())
                ORDER BY m.next_attempt LIMIT ?1 FOR UPDATE OF m SKIP LOCKED)
            UPDATE mail_outbox m SET
                status = CASE WHEN due.expired THEN 'EXPIRED' WHEN due.exhausted THEN 'FAILED' ELSE 'SENDING' END,
                attempts = CASE WHEN due.expired OR due.exhausted THEN m.attempts ELSE m.attempts + 1 END,
                lease_until = CASE WHEN due.expired OR due.exhausted THEN NULL
                                   ELSE now() + make_interval(secs => ?2) END,
                last_error = CASE WHEN due.exhausted THEN 'the last send never finished (its instance stopped)'
                                  ELSE m.last_error END
            FROM due WHERE m.id = due.id
            RETURNING m.id, m.status, m.recipient, m.locale, m.template, CAST(m.model AS text), m.attempts""";

    /** The row is still the claim that was sent: no other worker has claimed it since. */
    private static final String STILL_CLAIMED = " WHERE id = ?1 AND status = 'SENDING' AND attempts = ?2";

    @Inject
    EntityManager em;

    /**
     * Claims up to {@code limit} due mails. Invitations and reminders whose cycle has closed are
     * {@code EXPIRED} instead; a mail whose lease ran out {@code maxAttempts} times is given up.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Batch claim(int limit, Duration lease, int maxAttempts) {
        List<Object[]> rows = em.createNativeQuery(CLAIM).setParameter(1, limit)
                .setParameter(2, (double) lease.toSeconds()).setParameter(3, maxAttempts).getResultList();
        List<Claimed> toSend = new ArrayList<>();
        int expired = 0;
        int givenUp = 0;
        for (Object[] r : rows) {
            switch ((String) r[1]) {
                case "EXPIRED" -> expired++;
                case "FAILED" -> givenUp++;
                default -> toSend.add(new Claimed((UUID) r[0], (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], ((Number) r[6]).intValue()));
            }
        }
        return new Batch(toSend, expired, givenUp);
    }

    /** Records a sent mail; false when the claim had been lost (its lease ran out and another worker took it). */
    @Transactional
    public boolean sent(Claimed mail) {
        return em.createNativeQuery("UPDATE mail_outbox SET status = 'SENT', sent_at = now(), lease_until = NULL"
                        + STILL_CLAIMED)
                .setParameter(1, mail.id()).setParameter(2, mail.attempt()).executeUpdate() == 1;
    }

    /** Records a failed send: tried again after {@code backoff}, or FAILED for good. */
    @Transactional
    public boolean failed(Claimed mail, String error, boolean giveUp, Duration backoff) {
        return em.createNativeQuery("""
                        UPDATE mail_outbox SET last_error = ?3, lease_until = NULL,
                            status = CASE WHEN ?4 THEN 'FAILED' ELSE 'PENDING' END,
                            next_attempt = now() + make_interval(secs => ?5)""" + STILL_CLAIMED)
                .setParameter(1, mail.id()).setParameter(2, mail.attempt()).setParameter(3, error)
                .setParameter(4, giveUp).setParameter(5, (double) backoff.toSeconds()).executeUpdate() == 1;
    }

    /** Hands claimed mails back unsent, as if they had never been claimed. */
    @Transactional
    public void release(List<Claimed> unsent) {
        for (Claimed mail : unsent) {
            em.createNativeQuery("UPDATE mail_outbox SET status = 'PENDING', attempts = attempts - 1, lease_until = NULL"
                            + STILL_CLAIMED)
                    .setParameter(1, mail.id()).setParameter(2, mail.attempt()).executeUpdate();
        }
    }
}
