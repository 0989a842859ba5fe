-- The HR user who created a cycle, as the directory (or their token) knew them then:
-- cycle events name them so notification-service can tell them when the cycle closes.
ALTER TABLE cycle
    ADD COLUMN owner_employee_id TEXT,
    ADD COLUMN owner_name        TEXT,
    ADD COLUMN owner_email       TEXT,
    ADD COLUMN owner_locale      TEXT;

-- A rater who leaves (is deactivated) while a cycle is open is no longer asked: their
-- unsubmitted assignments are cancelled, kept for the record, and left out of every count.
ALTER TABLE assignment ADD COLUMN cancelled_at TIMESTAMPTZ;

-- One response per assignment: the rater's draft and their latest submission, kept apart so
-- saving a draft never changes what scoring has received. Answers: item id -> 1..5 or null
-- (N/A); comments: open question id -> text.
CREATE TABLE response (
    assignment_id      UUID PRIMARY KEY REFERENCES assignment (id),
    tenant_id          TEXT        NOT NULL,
    cycle_id           UUID        NOT NULL REFERENCES cycle (id),
    draft_answers      JSONB,
    draft_comments     JSONB,
    draft_saved_at     TIMESTAMPTZ,
    submitted_answers  JSONB,
    submitted_comments JSONB,
    -- 0 until first submitted; each submission adds one.
    revision           INTEGER     NOT NULL DEFAULT 0,
    submitted_at       TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL
);

CREATE INDEX response_cycle ON response (tenant_id, cycle_id);

-- Idempotency-Key records of submissions: a retry with the same key answers the stored
-- result; the same key with another request is refused (request_hash differs).
CREATE TABLE submission_key (
    tenant_id         TEXT        NOT NULL,
    rater_employee_id TEXT        NOT NULL,
    idempotency_key   TEXT        NOT NULL,
    request_hash      TEXT        NOT NULL,
    assignment_id     UUID        NOT NULL REFERENCES assignment (id),
    status            INTEGER     NOT NULL,
    result            JSONB       NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, rater_employee_id, idempotency_key)
);

-- Peers a subject asks to rate them; their manager approves (creating a PEER assignment)
-- or rejects.
CREATE TABLE nomination (
    id                    UUID PRIMARY KEY,
    tenant_id             TEXT        NOT NULL,
    cycle_id              UUID        NOT NULL REFERENCES cycle (id),
    subject_employee_id   TEXT        NOT NULL,
    peer_employee_id      TEXT        NOT NULL,
    state                 TEXT        NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED')),
    nominated_at          TIMESTAMPTZ NOT NULL,
    decided_by            TEXT,
    decided_at            TIMESTAMPTZ,
    assignment_id         UUID REFERENCES assignment (id),
    version               BIGINT      NOT NULL,
    CONSTRAINT nomination_once UNIQUE (cycle_id, subject_employee_id, peer_employee_id),
    CONSTRAINT nomination_not_self CHECK (subject_employee_id <> peer_employee_id),
    FOREIGN KEY (tenant_id, subject_employee_id) REFERENCES person (tenant_id, employee_id),
    FOREIGN KEY (tenant_id, peer_employee_id) REFERENCES person (tenant_id, employee_id)
);

CREATE INDEX nomination_cycle ON nomination (tenant_id, cycle_id, subject_employee_id);

-- The outbox relay keeps each key's events in order: it looks for an earlier unpublished
-- event of the same topic and key before publishing one.
CREATE INDEX outbox_event_unpublished_key ON outbox_event (topic, message_key, created_at) WHERE published_at IS NULL;
