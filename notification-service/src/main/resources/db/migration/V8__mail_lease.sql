-- Mail is sent outside any transaction: a claim marks it SENDING until lease_until and commits,
-- the mail goes out, and its outcome is written on its own. So a slow SMTP server can no longer
-- roll back the record of mail already sent; a lease that runs out (its instance died mid-send)
-- makes the mail claimable again.
ALTER TABLE mail_outbox ADD COLUMN lease_until TIMESTAMPTZ;
CREATE INDEX mail_outbox_leased ON mail_outbox (lease_until) WHERE status = 'SENDING';
