-- Invitations and reminders are pointless once the cycle has closed: such mail names the cycle
-- here, and the outbox worker expires it (status EXPIRED) instead of sending it late, e.g. after
-- SMTP was down for a day or when HR closed the cycle before its planned end.
ALTER TABLE mail_outbox ADD COLUMN open_cycle_id UUID;
