-- Questionnaires. Built-in instruments are global rows (tenant_id NULL) that every tenant
-- sees; a tenant's own instruments carry its tenant id. A version is one row and never
-- changes once a cycle refers to it (locked_at set): a new version is a new row.
CREATE TABLE instrument (
    id           UUID PRIMARY KEY,
    tenant_id    TEXT,
    key          TEXT        NOT NULL,
    version      INTEGER     NOT NULL CHECK (version >= 1),
    built_in     BOOLEAN     NOT NULL,
    definition   JSONB       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    locked_at    TIMESTAMPTZ,
    CONSTRAINT instrument_built_in_is_global CHECK (built_in = (tenant_id IS NULL))
);

CREATE UNIQUE INDEX instrument_key_version ON instrument (COALESCE(tenant_id, ''), key, version);
