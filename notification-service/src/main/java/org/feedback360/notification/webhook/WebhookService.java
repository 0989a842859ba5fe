package org.feedback360.notification.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.feedback360.notification.webhook.delivery.WebhookAttempt;
import org.feedback360.notification.webhook.delivery.WebhookDelivery;
import org.feedback360.support.problem.Problem;
import org.feedback360.support.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** Subscriptions and their delivery logs, always within the caller's tenant. */
@ApplicationScoped
public class WebhookService {

    @Inject
    EntityManager em;
    @Inject
    UrlPolicy policy;
    @Inject
    SecretBox secrets;
    @Inject
    WebhookConfig config;
    @Inject
    ObjectMapper json;

    @Transactional
    public SubscriptionView.Created create(String tenant, SubscriptionRequest request) {
        String[] types = eventTypes(request.eventTypes());
        checkUrl(request.url());
        // Serialises creations per tenant so the limit holds under concurrent requests.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "webhooks/" + tenant)
                .getSingleResult();
        if (WebhookSubscription.count("tenant", tenant) >= config.maxSubscriptionsPerTenant()) {
            throw ProblemException.conflict("too-many-subscriptions",
                    "A tenant may have at most " + config.maxSubscriptionsPerTenant() + " webhook subscriptions");
        }
        String secret = request.secret() != null ? request.secret() : SigningSecret.generate();
        if (SigningSecret.keyOf(secret) == null) {
            throw invalid("secret", "must be whsec_ followed by the base64 of 24 to 64 random bytes");
        }
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.tenant = tenant;
        s.url = request.url();
        s.description = request.description();
        s.eventTypes = types;
        s.secretSealed = secrets.seal(s.id, secret);
        s.status = WebhookSubscription.Status.ACTIVE;
        s.createdAt = OffsetDateTime.now();
        s.updatedAt = s.createdAt;
        s.persist();
        return new SubscriptionView.Created(s.id, s.url, s.description, List.of(types), s.status.name(),
                s.createdAt, secret);
    }

    public SubscriptionView.Page list(String tenant, int page, int size) {
        var query = WebhookSubscription.<WebhookSubscription>find("tenant", Sort.by("createdAt").and("id"), tenant);
        return new SubscriptionView.Page(query.page(Page.of(page, size)).list().stream().map(SubscriptionView::of)
                .toList(), page, size, query.count());
    }

    public SubscriptionView get(String tenant, UUID id) {
        return SubscriptionView.of(owned(tenant, id));
    }

    @Transactional
    public SubscriptionView update(String tenant, UUID id, SubscriptionChange change) {
        if (change.url() == null && change.eventTypes() == null && change.status() == null
                && change.description() == null) {
            throw ProblemException.badRequest("empty-change", "Name at least one of url, eventTypes, status, description");
        }
        String[] types = change.eventTypes() == null ? null : eventTypes(change.eventTypes());
        if (change.url() != null) {
            checkUrl(change.url());
        }
        WebhookSubscription s = owned(tenant, id);
        if (change.url() != null) {
            s.url = change.url();
        }
        if (types != null) {
            s.eventTypes = types;
        }
        if (change.description() != null) {
            s.description = change.description();
        }
        if (change.status() != null) {
            s.status = WebhookSubscription.Status.valueOf(change.status());
            s.disabledReason = null;
        }
        s.updatedAt = OffsetDateTime.now();
        return SubscriptionView.of(s);
    }

    /**
     * Replaces the signing secret. For the overlap period every delivery carries a signature with
     * the old secret too, so receivers can switch without losing a delivery.
     */
    @Transactional
    public SubscriptionView.Rotated rotateSecret(String tenant, UUID id) {
        WebhookSubscription s = owned(tenant, id);
        String secret = SigningSecret.generate();
        s.previousSecretSealed = s.secretSealed;
        s.previousSecretUntil = OffsetDateTime.now().plus(config.rotationOverlap());
        s.secretSealed = secrets.seal(s.id, secret);
        s.updatedAt = OffsetDateTime.now();
        return new SubscriptionView.Rotated(s.id, secret, s.previousSecretUntil);
    }

    /** Deletes the subscription with its delivery log; queued deliveries are dropped. */
    @Transactional
    public void delete(String tenant, UUID id) {
        owned(tenant, id).delete();
    }

    public DeliveryView.Page deliveries(String tenant, UUID subscriptionId, String status, int page, int size) {
        owned(tenant, subscriptionId);
        var query = status == null
                ? WebhookDelivery.<WebhookDelivery>find("subscriptionId", Sort.descending("createdAt").and("id"), subscriptionId)
                : WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 and status = ?2",
                        Sort.descending("createdAt").and("id"), subscriptionId, WebhookDelivery.Status.valueOf(status));
        return new DeliveryView.Page(query.page(Page.of(page, size)).list().stream().map(DeliveryView::of).toList(),
                page, size, query.count());
    }

    public DeliveryView.Detail delivery(String tenant, UUID subscriptionId, UUID deliveryId) {
        WebhookDelivery d = ownedDelivery(tenant, subscriptionId, deliveryId, LockModeType.NONE);
        List<DeliveryView.Attempt> attempts = WebhookAttempt.<WebhookAttempt>find("deliveryId", Sort.by("attempt"), d.id)
                .list().stream().map(DeliveryView.Attempt::of).toList();
        try {
            return new DeliveryView.Detail(DeliveryView.of(d), attempts, json.readTree(d.payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored webhook payload is not JSON", e);
        }
    }

    /**
     * Sends a delivery again, whatever became of it, with a fresh retry window, a backoff that
     * starts over and the same webhook-id, so a receiver that did get it can recognise the repeat.
     * Only to an active subscription: a paused or disabled one would never send it.
     */
    @Transactional
    public DeliveryView redeliver(String tenant, UUID subscriptionId, UUID deliveryId) {
        WebhookSubscription s = owned(tenant, subscriptionId);
        // Locked like a claim, so the worker cannot be sending it at this very moment.
        WebhookDelivery d = ownedDelivery(s, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (s.status != WebhookSubscription.Status.ACTIVE) {
            throw ProblemException.conflict("subscription-not-active", "The subscription is " + s.status
                    + ", so nothing would be sent; set its status to ACTIVE first");
        }
        if (d.status == WebhookDelivery.Status.SENDING) {
            throw ProblemException.conflict("delivery-in-flight", "The delivery is being sent right now; try again shortly");
        }
        d.status = WebhookDelivery.Status.PENDING;
        d.nextAttemptAt = OffsetDateTime.now();
        d.retryUntil = null;
        d.completedAt = null;
        d.backoffBase = d.attempts;
        return DeliveryView.of(d);
    }

    private WebhookSubscription owned(String tenant, UUID id) {
        WebhookSubscription s = WebhookSubscription.findOwned(tenant, id);
        if (s == null) {
            throw ProblemException.notFound("Webhook subscription");
        }
        return s;
    }

    private WebhookDelivery ownedDelivery(String tenant, UUID subscriptionId, UUID deliveryId, LockModeType lock) {
        return ownedDelivery(owned(tenant, subscriptionId), deliveryId, lock);
    }

    private WebhookDelivery ownedDelivery(WebhookSubscription s, UUID deliveryId, LockModeType lock) {
        WebhookDelivery d = em.find(WebhookDelivery.class, deliveryId, lock);
        if (d == null || !d.subscriptionId.equals(s.id) || !d.tenant.equals(s.tenant)) {
            throw ProblemException.notFound("Webhook delivery");
        }
        return d;
    }

    private void checkUrl(String url) {
        try {
            policy.check(url);
        } catch (UrlPolicy.Refused refused) {
            throw new ProblemException(Problem.of(422, "url-not-allowed", "Unprocessable Content",
                    "The webhook URL is not allowed: " + refused.getMessage()).with("field", "url"));
        }
    }

    /** The names, checked against {@link EventType}, without repeats, sorted. */
    private static String[] eventTypes(List<String> names) {
        List<Map<String, String>> errors = new ArrayList<>();
        TreeSet<String> types = new TreeSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (EventType.of(name).isEmpty()) {
                errors.add(Map.of("field", "eventTypes[" + i + "]",
                        "message", "unknown event type; one of " + String.join(", ", EventType.wireNames())));
            }
            types.add(name);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "validation", "Bad Request", "The request is not valid")
                    .with("errors", errors));
        }
        return types.toArray(String[]::new);
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(400, "validation", "Bad Request", "The request is not valid")
                .with("errors", List.of(Map.of("field", field, "message", message))));
    }
}
