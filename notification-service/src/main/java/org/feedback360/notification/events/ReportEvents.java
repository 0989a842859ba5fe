package org.feedback360.notification.events;

import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.feedback360.notification.webhook.WebhookEvents;
import org.jboss.logging.Logger;

/**
 * scoring.reports: the subject hears that their report is published, by mail and in the inbox,
 * with a link to it. The mail never carries a score (mail is not a safe channel for results);
 * reading the report takes a sign-in.
 */
@ApplicationScoped
class ReportEvents {

    static final String TOPIC = "scoring.reports";
    private static final Logger LOG = Logger.getLogger(ReportEvents.class);

    @Inject
    ProcessedEvents processed;
    @Inject
    Notifier notifier;
    @Inject
    Links links;
    @Inject
    WebhookEvents webhooks;

    @Transactional
    void apply(Envelope event) {
        if (!"org.feedback360.ReportPublished".equals(event.type())) {
            LOG.debugf("Ignoring report event type %s", event.type());
            return;
        }
        JsonObject subject = event.object("subject");
        String employeeId = Envelope.required(subject, "employeeId");
        String link = links.report(event.text("reportPath"));
        if (link == null) {
            throw new Envelope.Malformed("'reportPath' is not a report path");
        }
        if (!processed.markProcessed(event.id(), TOPIC)) {
            return;
        }
        Notifier.Recipient recipient = new Notifier.Recipient(event.tenant(), employeeId, subject.getString("email"),
                subject.getString("locale"));
        JsonObject model = new JsonObject()
                .put("subjectName", subject.getString("name", ""))
                .put("cycleName", event.data().getString("cycleName", ""))
                .put("link", link);
        notifier.notify(event.id(), recipient, Notifier.Kind.REPORT_READY, link, model, null);
        webhooks.reportPublished(event.tenant(), event.id(), event.time(), event.data());
    }
}
