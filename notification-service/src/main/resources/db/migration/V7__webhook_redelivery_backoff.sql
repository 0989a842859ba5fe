-- The attempts a delivery had when it was last redelivered by hand. Its backoff counts retries
-- from there, so the first retry of a redelivery comes as soon as any first retry would, not
-- after the hour-long waits its earlier attempts had grown to.
ALTER TABLE webhook_delivery ADD COLUMN backoff_base INT NOT NULL DEFAULT 0;
