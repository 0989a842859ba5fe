-- Ids of the Kafka events already applied. A consumer inserts the id in the same
-- transaction as the event's effect, so a redelivered event changes nothing.
CREATE TABLE processed_event (
    event_id     UUID PRIMARY KEY,
    topic        TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
