-- Webhook subscriptions of HR portals. The signing secret is stored encrypted (AES-GCM with the
-- service's key, bound to the row id) because every delivery needs it in clear to sign.
CREATE TABLE webhook_subscription (
    id              UUID PRIMARY KEY,
    tenant          TEXT        NOT NULL,
    url             TEXT        NOT NULL,
    description     TEXT,
    event_types     TEXT[]      NOT NULL,
    secret_enc      TEXT        NOT NULL,
    -- after a rotation the old secret signs too, until previous_secret_until
    previous_secret_enc   TEXT,
    previous_secret_until TIMESTAMPTZ,
    -- ACTIVE, PAUSED (by the owner) or DISABLED (by the service, e.g. after 410 Gone)
    status          TEXT        NOT NULL DEFAULT 'ACTIVE',
    disabled_reason TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscription_tenant ON webhook_subscription (tenant, created_at);

-- The delivery queue: one row per (event, subscription), so consuming an event twice queues
-- nothing twice. Rows are claimed with FOR UPDATE SKIP LOCKED; a claimed row is SENDING with
-- next_attempt_at as its lease, so a row held by a crashed instance is simply claimed again.
CREATE TABLE webhook_delivery (
    id              UUID PRIMARY KEY,
    subscription_id UUID        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    tenant          TEXT        NOT NULL,
    event_id        UUID        NOT NULL,
    event_type      TEXT        NOT NULL,
    -- the exact CloudEvent body: every attempt and redelivery sends the same bytes
    payload         TEXT        NOT NULL,
    -- PENDING, SENDING, DELIVERED or DEAD_LETTERED
    status          TEXT        NOT NULL DEFAULT 'PENDING',
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- retries stop after this; set by the first attempt (and again by a redelivery)
    retry_until     TIMESTAMPTZ,
    last_attempt_at TIMESTAMPTZ,
    last_status     INT,
    last_latency_ms INT,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at    TIMESTAMPTZ,
    UNIQUE (event_id, subscription_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (subscription_id, next_attempt_at)
    WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, created_at DESC);
CREATE INDEX webhook_delivery_completed ON webhook_delivery (completed_at)
    WHERE status IN ('DELIVERED', 'DEAD_LETTERED');

-- Every attempt of a delivery, for the delivery log.
CREATE TABLE webhook_attempt (
    id          UUID PRIMARY KEY,
    delivery_id UUID        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt     INT         NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    status_code INT,
    latency_ms  INT         NOT NULL,
    error       TEXT,
    UNIQUE (delivery_id, attempt)
);
