-- Applied event ids and inbox items are deleted after their retention (see Retention): indexes
-- on their age, so the hourly purge finds them without reading the whole table.
CREATE INDEX processed_event_age ON processed_event (processed_at);
CREATE INDEX inbox_item_age ON inbox_item (created_at);
