-- What the service knows of each cycle and assignment, so invitations can be sent whichever
-- of CycleOpened / AssignmentCreated arrives first.
CREATE TABLE known_cycle (
    cycle_id   UUID PRIMARY KEY,
    tenant     TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    state      TEXT        NOT NULL,
    closes_at  TIMESTAMPTZ
);

CREATE TABLE known_assignment (
    assignment_id UUID PRIMARY KEY,
    cycle_id      UUID        NOT NULL,
    tenant        TEXT        NOT NULL,
    rater_id      TEXT        NOT NULL,
    rater_name    TEXT        NOT NULL,
    rater_email   TEXT        NOT NULL,
    rater_locale  TEXT        NOT NULL,
    subject_name  TEXT        NOT NULL,
    state         TEXT        NOT NULL,
    invited       BOOLEAN     NOT NULL DEFAULT false
);
CREATE INDEX known_assignment_cycle ON known_assignment (cycle_id);

-- In-app inbox for the mobile clients; a row belongs to exactly one person of one tenant.
CREATE TABLE inbox_item (
    id          UUID PRIMARY KEY,
    tenant      TEXT        NOT NULL,
    employee_id TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    link        TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at     TIMESTAMPTZ,
    -- (event, recipient) for the INBOX channel: a redelivered event adds nothing.
    dedup_key   TEXT        NOT NULL UNIQUE
);
CREATE INDEX inbox_item_owner ON inbox_item (tenant, employee_id, read_at, created_at DESC);

-- Outbox: mail is queued in the event's transaction and sent later by a scheduled worker.
CREATE TABLE mail_outbox (
    id            UUID PRIMARY KEY,
    recipient     TEXT        NOT NULL,
    locale        TEXT        NOT NULL,
    template      TEXT        NOT NULL,
    model         JSONB       NOT NULL,
    status        TEXT        NOT NULL DEFAULT 'PENDING',
    attempts      INT         NOT NULL DEFAULT 0,
    next_attempt  TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error    TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at       TIMESTAMPTZ,
    -- (event, recipient) for the MAIL channel.
    dedup_key     TEXT        NOT NULL UNIQUE
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt) WHERE status = 'PENDING';
