package org.feedback360.notification.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One in-app notification of one person; dedupKey makes a redelivered event add nothing. */
@Entity
@Table(name = "inbox_item")
public class InboxItem extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "employee_id")
    public String employeeId;
    public String kind;
    public String title;
    public String body;
    public String link;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "read_at")
    public OffsetDateTime readAt;
    @Column(name = "dedup_key")
    public String dedupKey;
}
