-- =====================================================================================
-- V4__audit_chain.sql — the tamper-evident audit trail in the database (AU-2, AU-3)
--
-- How entries get into the chain: a change writes its entry unsealed into audit_outbox inside
-- its own transaction (no seq, no hashes, so concurrent writers never wait for each other); the
-- sealer (org.smartstart.backoffice.persistence.audit.AuditSealer) then moves committed entries
-- into audit_log in batches, computing seq, prev_tx_hash and tx_hash. The database cannot
-- recompute tx_hash (RFC 8785 canonical JSON is not something jsonb::text gives), so it checks
-- the chain's SHAPE on every insert, from any client, and the verifier (AU-4) checks content.
--
-- No NOTIFY on audit_outbox inserts, on purpose: a transaction that sent NOTIFY takes a
-- database-wide lock at commit and holds it through its WAL flush, so every audited mutation
-- would commit one after another again — the very serialisation the outbox exists to avoid.
-- Sealers poll the outbox cheaply instead, and the process that made a change wakes its own.
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- AU-2: every row inserted into audit_log must continue the chain at its head.
-- SECURITY DEFINER because the application role may not touch audit_chain_head itself (V5):
-- the head moves only here, together with the entries that move it.
--
-- The head row is locked per row but written once per statement (below): a sealer appends a
-- thousand entries in one INSERT, and rewriting one row a thousand times in one transaction
-- leaves a thousand versions that every later lookup of that row has to step through. Within the
-- statement the effective head is the last entry already inserted: a row-level BEFORE trigger
-- sees the rows its statement inserted before, and no other transaction can add entries while
-- this one holds the head lock.
-- -------------------------------------------------------------------------------------
CREATE FUNCTION audit_log_continue_chain() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    head_seq  bigint;
    head_hash text;
    last_seq  bigint;
    last_hash text;
BEGIN
    -- the row lock serialises every writer of the chain (sealers, psql, seed scripts)
    SELECT h.seq, h.tx_hash INTO head_seq, head_hash FROM audit_chain_head h WHERE h.singleton FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'SSA02',
            MESSAGE = 'AU-2: the audit chain head row is missing, so no entry can be chained';
    END IF;
    -- entries this statement inserted before this one are past the head row until the statement ends
    SELECT l.seq, l.tx_hash INTO last_seq, last_hash FROM audit_log l WHERE l.seq > head_seq ORDER BY l.seq DESC LIMIT 1;
    IF FOUND THEN
        head_seq := last_seq;
        head_hash := last_hash;
    END IF;

    -- a seed-shaped INSERT names no seq: it is the next one, but its prev_tx_hash must still be right
    IF NEW.seq IS NULL THEN
        NEW.seq := head_seq + 1;
    END IF;

    IF NEW.seq <> head_seq + 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'SSA02',
            MESSAGE = format('AU-2: entry seq %s does not continue the chain: the head is seq %s with tx_hash %s…',
                             NEW.seq, head_seq, left(head_hash, 16)),
            HINT = 'Entries are chained by the sealer; insert the next seq with the head''s tx_hash as prev_tx_hash.';
    END IF;
    IF NEW.prev_tx_hash IS DISTINCT FROM head_hash THEN
        RAISE EXCEPTION USING ERRCODE = 'SSA02',
            MESSAGE = format('AU-2: entry seq %s does not continue the chain: its prev_tx_hash is %s… but the head is seq %s with tx_hash %s…',
                             NEW.seq, left(coalesce(NEW.prev_tx_hash, 'null'), 16), head_seq, left(head_hash, 16));
    END IF;
    IF NEW.tx_hash IS NULL OR NEW.tx_hash !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION USING ERRCODE = 'SSA02',
            MESSAGE = format('AU-2: entry seq %s has tx_hash "%s", which is not 64 lowercase hexadecimal digits (a SHA-256)',
                             NEW.seq, coalesce(NEW.tx_hash, 'null'));
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_log_continue_chain
    BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_continue_chain();

-- Moves the head to the last entry the statement appended, once per statement.
CREATE FUNCTION audit_log_advance_head() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    UPDATE audit_chain_head h SET seq = last.seq, tx_hash = last.tx_hash
      FROM (SELECT a.seq, a.tx_hash FROM appended a ORDER BY a.seq DESC LIMIT 1) last
     WHERE h.singleton;
    RETURN NULL;
END
$$;

CREATE TRIGGER audit_log_advance_head
    AFTER INSERT ON audit_log
    REFERENCING NEW TABLE AS appended
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_advance_head();

-- -------------------------------------------------------------------------------------
-- The sealer's way to lock the head. SELECT ... FOR UPDATE needs UPDATE privilege, which the
-- application role must not have on audit_chain_head; this function takes the same row lock
-- (held until the caller's transaction ends) without giving that privilege away.
-- -------------------------------------------------------------------------------------
CREATE FUNCTION audit_chain_head_for_sealing(OUT seq bigint, OUT tx_hash text)
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    SELECT h.seq, h.tx_hash INTO seq, tx_hash FROM audit_chain_head h WHERE h.singleton FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'SSA02',
            MESSAGE = 'AU-2: the audit chain head row is missing, so no entry can be sealed';
    END IF;
END
$$;
-- executable by the application role only (granted in V5), not by every login
REVOKE EXECUTE ON FUNCTION audit_chain_head_for_sealing() FROM PUBLIC;

-- -------------------------------------------------------------------------------------
-- AU-3: the log is append-only for everyone who goes through triggers, owner included.
-- (The application role additionally lacks the privileges, V5.) A superuser can still switch
-- triggers off; that is what AU-4 verification and AU-5 checkpoints are for.
-- -------------------------------------------------------------------------------------
CREATE FUNCTION audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION USING ERRCODE = 'SSA03',
            MESSAGE = 'AU-3: the audit log is append-only: it cannot be truncated';
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'SSA03',
        MESSAGE = format('AU-3: the audit log is append-only: entry seq %s (%s on %s) cannot be %s',
                         OLD.seq, OLD.action, OLD.object_type,
                         CASE TG_OP WHEN 'UPDATE' THEN 'changed' ELSE 'deleted' END);
END
$$;

CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- -------------------------------------------------------------------------------------
-- The head moves only with an entry: a direct UPDATE (even by the owner) would let the next
-- sealed entry chain onto a hash that is not in the log. pg_trigger_depth() > 1 only when the
-- UPDATE is issued by a trigger, and the only trigger that touches the head is
-- audit_log_advance_head().
-- -------------------------------------------------------------------------------------
CREATE FUNCTION audit_chain_head_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'SSA02',
        MESSAGE = 'AU-2: the audit chain head only moves when an entry is appended to audit_log; it cannot be '
                  || CASE TG_OP WHEN 'UPDATE' THEN 'changed' WHEN 'INSERT' THEN 'added' ELSE 'removed' END
                  || ' directly';
END
$$;

CREATE TRIGGER audit_chain_head_guard
    BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();

CREATE TRIGGER audit_chain_head_no_truncate
    BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_guard();

-- -------------------------------------------------------------------------------------
-- AU-1: personal data in audit entries is replaced by keyed tokens (HMAC-SHA256), so the log
-- can be searched for "everything about this e-mail" without ever containing the e-mail.
-- One random key per database, created by the application on first use (so databases copied
-- from one template do not share it); it never changes, or earlier tokens would stop matching.
-- -------------------------------------------------------------------------------------
CREATE TABLE audit_token_key (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    hmac_key   bytea NOT NULL CHECK (length(hmac_key) = 32),
    created_at timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON audit_token_key FROM PUBLIC;

COMMENT ON TABLE audit_outbox IS 'Unsealed audit entries (AU-1), moved into audit_log in entry_no order by the sealer (AU-2).';
COMMENT ON TABLE audit_chain_head IS 'The last sealed entry of audit_log (seq, tx_hash); moved only by the audit_log triggers (AU-2).';
