-- Reminders as rows with a due time: they survive restarts and are claimed with
-- FOR UPDATE SKIP LOCKED, so with two instances each reminder is sent once.
CREATE TABLE reminder (
    id        UUID PRIMARY KEY,
    cycle_id  UUID        NOT NULL,
    due_at    TIMESTAMPTZ NOT NULL,
    status    TEXT        NOT NULL DEFAULT 'PENDING',
    UNIQUE (cycle_id, due_at)
);
CREATE INDEX reminder_due ON reminder (due_at) WHERE status = 'PENDING';
