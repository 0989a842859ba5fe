-- A review cycle: which instrument version, whom it reviews, when, and under what rules.
CREATE TABLE cycle (
    id                  UUID PRIMARY KEY,
    tenant_id           TEXT        NOT NULL,
    name                TEXT        NOT NULL,
    instrument_id       UUID        NOT NULL REFERENCES instrument (id),
    state               TEXT        NOT NULL CHECK (state IN ('DRAFT', 'OPEN', 'CLOSED', 'RELEASED')),
    opens_at            TIMESTAMPTZ NOT NULL,
    closes_at           TIMESTAMPTZ NOT NULL,
    anonymity_threshold INTEGER     NOT NULL CHECK (anonymity_threshold >= 2),
    manager_visible     BOOLEAN     NOT NULL,
    -- ISO-8601 durations before closes_at at which unsubmitted raters are reminded.
    reminders           TEXT[]      NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    opened_at           TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    released_at         TIMESTAMPTZ,
    version             BIGINT      NOT NULL,
    CONSTRAINT cycle_window CHECK (closes_at > opens_at)
);

CREATE INDEX cycle_tenant ON cycle (tenant_id, created_at);

-- The leaders under review; each must be a person of the cycle's tenant.
CREATE TABLE cycle_subject (
    cycle_id    UUID NOT NULL REFERENCES cycle (id),
    tenant_id   TEXT NOT NULL,
    employee_id TEXT NOT NULL,
    PRIMARY KEY (cycle_id, employee_id),
    FOREIGN KEY (tenant_id, employee_id) REFERENCES person (tenant_id, employee_id)
);
