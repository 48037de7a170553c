-- The outbox is a hand-off, not a record: every entry is checked again when the sealer appends it to
-- audit_log, whose foreign keys (actor -> users, venture -> ventures) stay. Users and ventures are
-- never deleted (soft delete), so nothing can vanish between the two. Dropping the outbox's own
-- foreign keys saves every audited change two index look-ups and two row locks (bench/RESULTS.md).
ALTER TABLE audit_outbox DROP CONSTRAINT IF EXISTS audit_outbox_actor_user_id_fkey;
ALTER TABLE audit_outbox DROP CONSTRAINT IF EXISTS audit_outbox_venture_id_fkey;
