-- Transactional outbox (platform-outbox): ReportPublished is written in the same transaction
-- as the frozen report; the relay publishes it to scoring.reports and stamps published_at.
CREATE TABLE outbox_event (
    id           UUID PRIMARY KEY,
    tenant_id    TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    payload      JSONB       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);

-- The relay only ever scans what is still unpublished, oldest first.
CREATE INDEX outbox_event_unpublished ON outbox_event (created_at) WHERE published_at IS NULL;
