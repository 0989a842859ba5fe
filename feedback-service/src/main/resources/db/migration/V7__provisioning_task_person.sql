-- The relay asks, for each task, whether an earlier one of the same person exists (a person seen
-- for the first time is created in Keycloak without searching it first).
CREATE INDEX provisioning_task_person ON provisioning_task (tenant_id, employee_id, created_at);
