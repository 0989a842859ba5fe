-- The people directory of each tenant: the org chart that assignments are generated from.
CREATE TABLE person (
    id                  UUID PRIMARY KEY,
    tenant_id           TEXT        NOT NULL,
    employee_id         TEXT        NOT NULL,
    name                TEXT        NOT NULL,
    email               TEXT        NOT NULL,
    locale              TEXT        NOT NULL,
    manager_employee_id TEXT,
    active              BOOLEAN     NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CONSTRAINT person_employee_unique UNIQUE (tenant_id, employee_id),
    -- Deferred so a bulk import may name a manager that appears later in the same batch.
    CONSTRAINT person_manager_fk FOREIGN KEY (tenant_id, manager_employee_id)
        REFERENCES person (tenant_id, employee_id) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT person_not_own_manager CHECK (manager_employee_id IS NULL OR manager_employee_id <> employee_id)
);

-- One Keycloak user per e-mail: two people of a tenant may not share one.
CREATE UNIQUE INDEX person_email_unique ON person (tenant_id, lower(email));
CREATE INDEX person_manager ON person (tenant_id, manager_employee_id);

-- Outbox-style queue of identity changes for Keycloak, written in the directory's
-- transaction so no imported or deactivated person is ever missed by provisioning.
CREATE TABLE provisioning_task (
    id           UUID PRIMARY KEY,
    tenant_id    TEXT        NOT NULL,
    employee_id  TEXT        NOT NULL,
    action       TEXT        NOT NULL CHECK (action IN ('UPSERT', 'DISABLE')),
    email        TEXT        NOT NULL,
    name         TEXT        NOT NULL,
    locale       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    attempts     INTEGER     NOT NULL DEFAULT 0,
    last_error   TEXT,
    done_at      TIMESTAMPTZ
);

CREATE INDEX provisioning_task_pending ON provisioning_task (created_at) WHERE done_at IS NULL;
