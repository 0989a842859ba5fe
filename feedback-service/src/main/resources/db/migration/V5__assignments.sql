-- Who rates whom in a cycle, generated from the org chart when the cycle opens.
CREATE TABLE assignment (
    id                  UUID PRIMARY KEY,
    tenant_id           TEXT        NOT NULL,
    cycle_id            UUID        NOT NULL REFERENCES cycle (id),
    subject_employee_id TEXT        NOT NULL,
    rater_employee_id   TEXT        NOT NULL,
    rater_group         TEXT        NOT NULL CHECK (rater_group IN ('SELF', 'MANAGER', 'DIRECT_REPORT', 'PEER')),
    created_at          TIMESTAMPTZ NOT NULL,
    CONSTRAINT assignment_once UNIQUE (cycle_id, subject_employee_id, rater_employee_id),
    FOREIGN KEY (tenant_id, subject_employee_id) REFERENCES person (tenant_id, employee_id),
    FOREIGN KEY (tenant_id, rater_employee_id) REFERENCES person (tenant_id, employee_id)
);

-- A rater's to-do list is read far more often than anything else here.
CREATE INDEX assignment_rater ON assignment (tenant_id, rater_employee_id);
