-- Invitations join the reminders as scheduled rater messages. An invitation round waits a short
-- settling time after the first assignment or opening that makes it due: the cycle's and the
-- assignments' events arrive on two topics in any order and spread over seconds, and a rater
-- asked about five leaders should get one mail listing five, not five mails.
ALTER TABLE reminder RENAME TO scheduled_message;
ALTER INDEX reminder_due RENAME TO scheduled_message_due;
ALTER TABLE scheduled_message
    ADD COLUMN kind TEXT NOT NULL DEFAULT 'REMINDER' CHECK (kind IN ('REMINDER', 'INVITATION'));
-- At most one round waiting per cycle: every event in its window joins it.
CREATE UNIQUE INDEX scheduled_message_one_invitation_round ON scheduled_message (cycle_id)
    WHERE kind = 'INVITATION' AND status = 'PENDING';
