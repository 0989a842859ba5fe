package org.feedback360.notification.events;

import io.quarkus.qute.Engine;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Queues one notification on both channels (inbox and mail) inside the caller's transaction.
 * All wording lives in Qute templates per language: {@code templates/inbox/<kind>-<lang>.txt}
 * (first line the title) and {@code templates/mail/<kind>-<lang>.txt|.html} (first line the subject).
 * The dedup key (event id, recipient, channel) is unique, so a second delivery of the same event
 * inserts nothing.
 */
@ApplicationScoped
public class Notifier {

    public enum Kind {
        INVITATION("invitation"), REMINDER("reminder"), CYCLE_CLOSED("cycle-closed"), REPORT_READY("report-ready");

        final String template;

        Kind(String template) {
            this.template = template;
        }
    }

    /** @param locale as the person's record says (e.g. {@code de-AT}); mail goes out in en or de */
    public record Recipient(String tenant, String employeeId, String email, String locale) {

        public String language() {
            String language = locale == null ? "" : Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
            return "de".equals(language) ? "de" : "en";
        }
    }

    private static final Map<String, DateTimeFormatter> DATE_TIME = Map.of(
            "en", DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH),
            "de", DateTimeFormatter.ofPattern("d. MMMM yyyy, HH:mm 'UTC'", Locale.GERMAN));

    @Inject
    EntityManager em;
    @Inject
    Engine qute;

    /**
     * @param model       template data; must contain everything both templates use, including {@code link}
     * @param openCycleId when not null, the mail is dropped instead of sent once that cycle is no longer open
     */
    public void notify(UUID eventId, Recipient to, Kind kind, String link, JsonObject model, UUID openCycleId) {
        String language = to.language();
        String inbox = qute.getTemplate("inbox/" + kind.template + "-" + language + ".txt")
                .data(plain(model)).render().strip();
        int newline = inbox.indexOf('\n');
        String title = newline < 0 ? inbox : inbox.substring(0, newline).strip();
        String body = newline < 0 ? "" : inbox.substring(newline + 1).strip();
        String recipientKey = eventId + "|" + to.tenant() + "/" + to.employeeId();
        em.createNativeQuery("""
                        INSERT INTO inbox_item (id, tenant, employee_id, kind, title, body, link, dedup_key)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (dedup_key) DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, to.tenant()).setParameter(3, to.employeeId())
                .setParameter(4, kind.name()).setParameter(5, title).setParameter(6, body).setParameter(7, link)
                .setParameter(8, recipientKey + "|INBOX")
                .executeUpdate();
        if (to.email() != null && !to.email().isBlank()) {
            em.createNativeQuery("""
                            INSERT INTO mail_outbox (id, recipient, locale, template, model, dedup_key, open_cycle_id)
                            VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), ?6, ?7) ON CONFLICT (dedup_key) DO NOTHING""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, to.email())
                    .setParameter(3, language).setParameter(4, kind.template)
                    .setParameter(5, model.encode()).setParameter(6, recipientKey + "|MAIL")
                    .setParameter(7, openCycleId)
                    .executeUpdate();
        }
    }

    /** A point in time as people of that language read it, in UTC (people carry no time zone). */
    public static String dateTime(Instant instant, String language) {
        return instant == null ? "" : DATE_TIME.get(language).format(instant.atZone(ZoneOffset.UTC));
    }

    /** Plain maps and lists all the way down, which Qute resolves by key and index. */
    public static Map<String, Object> plain(JsonObject model) {
        return new JsonObject(model.encode()).getMap();
    }
}
