-- Everything the scoring service knows, keyed by tenant first: employee ids repeat across
-- tenants, and every query filters by the caller's tenant.
--
-- Summaries and reports are JSON (kept as written; never queried inside) compressed with lz4:
-- a rebuild writes them by the hundred thousand, and jsonb with the default compression costs
-- three to four times as much to write.

-- Cycles as feedback.cycles announced them. A cycle only moves forward
-- (OPEN 1 → CLOSED 2 → RELEASED 3): an older event never overwrites a newer state.
CREATE TABLE cycle (
    tenant_id           TEXT        NOT NULL,
    cycle_id            UUID        NOT NULL,
    name                TEXT        NOT NULL,
    state               TEXT        NOT NULL CHECK (state IN ('OPEN', 'CLOSED', 'RELEASED')),
    state_rank          SMALLINT    NOT NULL,
    instrument_key      TEXT        NOT NULL,
    instrument_version  INT         NOT NULL,
    definition          JSONB       NOT NULL, -- dimensions, items, texts per locale, rater groups
    subjects            JSONB       NOT NULL, -- [{employeeId, name, email, locale}]
    anonymity_threshold INT         NOT NULL,
    manager_visible     BOOLEAN     NOT NULL,
    completion          JSONB,                -- counts carried by CycleClosed and CycleReleased
    opened_at           TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    released_at         TIMESTAMPTZ,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, cycle_id)
);

-- The stored ratings: the latest submission of each pseudonymous rater about a subject. A
-- submission replaces the stored one only if its (revision, event_id) is greater, so a stale
-- revision arriving late never wins and the outcome does not depend on arrival order.
CREATE TABLE submission (
    tenant_id   TEXT        NOT NULL,
    cycle_id    UUID        NOT NULL,
    subject_id  TEXT        NOT NULL,
    rater_key   TEXT        NOT NULL,
    rater_group TEXT        NOT NULL,
    revision    INT         NOT NULL,
    event_id    UUID        NOT NULL,
    answers     JSONB       NOT NULL, -- item id → 1..5 or null (N/A)
    comments    JSONB       NOT NULL, -- open question id → text
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, cycle_id, subject_id, rater_key)
);

-- A rebuild recomputes the subjects whose ratings changed while it ran.
CREATE INDEX submission_applied_at ON submission (applied_at);

-- Each subject's current scores (dimension scores and alignment), kept up to date as responses
-- arrive. Internal: no API shows them before release (SCORING.md, anonymity rule 5).
CREATE TABLE subject_aggregate (
    tenant_id      TEXT        NOT NULL,
    cycle_id       UUID        NOT NULL,
    subject_id     TEXT        NOT NULL,
    submissions    INT         NOT NULL, -- stored submissions (one per rater key)
    summary        JSON COMPRESSION lz4, -- null while the cycle (and so its instrument) is unknown
    digest         TEXT,                 -- SHA-256 of the summary as written: a rebuild compares digests
    applied_events BIGINT      NOT NULL DEFAULT 0, -- ResponseSubmitted events applied by the consumer
    last_event_at  TIMESTAMPTZ,          -- CloudEvents time of the newest applied response
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, cycle_id, subject_id)
);

-- Frozen reports of released cycles: written once per (tenant, cycle, subject), then only read
-- (an operator's rebuild may rewrite one whose stored ratings changed).
CREATE TABLE report (
    tenant_id          TEXT             NOT NULL,
    cycle_id           UUID             NOT NULL,
    subject_id         TEXT             NOT NULL,
    report             JSON COMPRESSION lz4 NOT NULL,
    digest             TEXT             NOT NULL, -- SHA-256 of the report as written: a rebuild compares digests
    submissions        INT              NOT NULL,
    followers_basis    TEXT             NOT NULL,
    alignment_index    DOUBLE PRECISION,
    category           TEXT,
    alignment_withheld TEXT,
    released_at        TIMESTAMPTZ      NOT NULL,
    frozen_at          TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, cycle_id, subject_id)
);

-- A subject's trend across cycles, in release order.
CREATE INDEX report_subject ON report (tenant_id, subject_id, released_at);
