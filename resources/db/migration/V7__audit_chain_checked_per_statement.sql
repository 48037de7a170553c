-- AU-2, checked once per statement instead of once per row (bench/RESULTS.md).
--
-- V4 checked every appended row against the head in a row-level trigger: two look-ups per entry,
-- on the sealer's path for every audited change. The same rule holds when the whole set a
-- statement appended is checked at its end, in one query over the transition table: under the
-- head lock, the appended seqs must run head.seq + 1, + 2, ... without a gap, each prev_tx_hash
-- must be the tx_hash before it (the head's for the first), each tx_hash a SHA-256 in hex. The
-- first row that breaks this is reported with the same sentence as before. The row trigger now only
-- numbers seed-shaped inserts (seq NULL), which need the head to know their seq, and refuses a seq
-- already sealed (one look-up, no lock).

CREATE OR REPLACE FUNCTION audit_log_continue_chain() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    head_seq  bigint;
    head_hash text;
    last_seq  bigint;
BEGIN
    IF NEW.seq IS NOT NULL THEN
        -- A seq at or below the head would first meet the unique index, whose error names no rule:
        -- refuse it here. Everything else about the row is checked with its whole statement by
        -- audit_log_advance_head().
        SELECT h.seq, h.tx_hash INTO head_seq, head_hash FROM audit_chain_head h WHERE h.singleton;
        IF NEW.seq <= head_seq THEN
            RAISE EXCEPTION USING ERRCODE = 'SSA02',
                MESSAGE = format('AU-2: entry seq %s does not continue the chain: the head is seq %s with tx_hash %s…',
                                 NEW.seq, head_seq, left(head_hash, 16)),
                HINT = 'Entries are chained by the sealer; insert the next seq with the head''s tx_hash as prev_tx_hash.';
        END IF;
        RETURN NEW;
    END IF;
    SELECT h.seq INTO head_seq FROM audit_chain_head h WHERE h.singleton FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'SSA02',
            MESSAGE = 'AU-2: the audit chain head row is missing, so no entry can be chained';
    END IF;
    -- entries this statement inserted before this one are past the head row until the statement ends
    SELECT l.seq INTO last_seq FROM audit_log l WHERE l.seq > head_seq ORDER BY l.seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, head_seq) + 1;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION audit_log_advance_head() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    head_seq  bigint;
    head_hash text;
    bad       record;
BEGIN
    -- the row lock serialises every writer of the chain (sealers, psql, seed scripts)
    SELECT h.seq, h.tx_hash INTO head_seq, head_hash FROM audit_chain_head h WHERE h.singleton FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'SSA02',
            MESSAGE = 'AU-2: the audit chain head row is missing, so no entry can be chained';
    END IF;

    SELECT x.* INTO bad
      FROM (SELECT a.seq, a.prev_tx_hash, a.tx_hash,
                   head_seq + row_number() OVER w - 1 AS before_seq,
                   coalesce(lag(a.tx_hash) OVER w, head_hash) AS before_hash
              FROM appended a
            WINDOW w AS (ORDER BY a.seq)) x
     WHERE x.seq <> x.before_seq + 1
        OR x.prev_tx_hash IS DISTINCT FROM x.before_hash
        OR x.tx_hash IS NULL OR x.tx_hash !~ '^[0-9a-f]{64}$'
     ORDER BY x.seq
     LIMIT 1;
    IF FOUND THEN
        IF bad.seq <> bad.before_seq + 1 THEN
            RAISE EXCEPTION USING ERRCODE = 'SSA02',
                MESSAGE = format('AU-2: entry seq %s does not continue the chain: the head is seq %s with tx_hash %s…',
                                 bad.seq, bad.before_seq, left(bad.before_hash, 16)),
                HINT = 'Entries are chained by the sealer; insert the next seq with the head''s tx_hash as prev_tx_hash.';
        ELSIF bad.prev_tx_hash IS DISTINCT FROM bad.before_hash THEN
            RAISE EXCEPTION USING ERRCODE = 'SSA02',
                MESSAGE = format('AU-2: entry seq %s does not continue the chain: its prev_tx_hash is %s… but the head is seq %s with tx_hash %s…',
                                 bad.seq, left(coalesce(bad.prev_tx_hash, 'null'), 16), bad.before_seq, left(bad.before_hash, 16));
        ELSE
            RAISE EXCEPTION USING ERRCODE = 'SSA02',
                MESSAGE = format('AU-2: entry seq %s has tx_hash "%s", which is not 64 lowercase hexadecimal digits (a SHA-256)',
                                 bad.seq, coalesce(bad.tx_hash, 'null'));
        END IF;
    END IF;

    UPDATE audit_chain_head h SET seq = last.seq, tx_hash = last.tx_hash
      FROM (SELECT a.seq, a.tx_hash FROM appended a ORDER BY a.seq DESC LIMIT 1) last
     WHERE h.singleton;
    RETURN NULL;
END
$$;
