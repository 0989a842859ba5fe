package org.feedback360.notification.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An HR portal's subscription to events of its tenant. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    public enum Status { ACTIVE, PAUSED, DISABLED }

    @Id
    public UUID id;
    public String tenant;
    public String url;
    public String description;
    @Column(name = "event_types")
    public String[] eventTypes;
    /** Sealed by {@link SecretBox}; never leaves the service after creation. */
    @Column(name = "secret_enc")
    public String secretSealed;
    @Column(name = "previous_secret_enc")
    public String previousSecretSealed;
    @Column(name = "previous_secret_until")
    public OffsetDateTime previousSecretUntil;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The tenant's subscription, or null: another tenant's subscription does not exist for the caller. */
    public static WebhookSubscription findOwned(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }
}
