-- =====================================================================================
-- V11__buz_chain.sql — BZ-5 in PostgreSQL: every wallet's BUZ transactions form a hash chain,
-- computed and checked by the database itself (docs/adr/0011-buz-chain-in-sql.md).
--
-- BZ-5 (DOMAIN.md): tx_hash = hex(sha256(prev_tx_hash ‖ canonical JSON of the transaction)), both
-- as UTF-8; prev_tx_hash is the tx_hash of the wallet's previous transaction, 64 zeros for its
-- first. The canonical JSON is RFC 8785 of the transaction's content columns:
--     {"amount":-500,"artifact_hash":null,["contribution_event_id":"…",]"created_at":"…",
--      "id":"…",["memo":"…",]"type":"redeem","venture_id":"…","wallet_id":"…"}
--  * keys in RFC 8785 order (UTF-16 code units); no white space;
--  * contribution_event_id and memo (added here) are left out when NULL, so every transaction
--    hashed before V11 (which had neither) keeps its hash; artifact_hash is always present;
--  * created_at as Java's Instant.toString() prints the stored microseconds: UTC, seconds always,
--    the fraction in groups of three digits and only as long as needed (…:05Z, …:05.120Z,
--    …:05.123456Z);
--  * amount as a JSON integer, which RFC 8785 only keeps exact up to 2^53 - 1 in magnitude.
--
-- The trigger t50_bz5_chain (after the cheaper BZ-1/2/6/3 checks, so their sentences win):
--  * locks the wallet row, so appends to one wallet take turns (the application holds that lock
--    already: it raises the wallet's version before or after inserting, BZ-1);
--  * fills prev_tx_hash and tx_hash when an INSERT leaves them out (plain SQL can write a valid
--    transaction without hashing in its head);
--  * refuses, with SQLSTATE SSB05, an INSERT whose given prev_tx_hash is not the wallet's head (a
--    broken link or a fork) or whose given tx_hash is not the one computed here (a forged or
--    differently computed hash): the application's Java hash (BuzTransactionWriter) is checked
--    against this one on every write, so the two definitions cannot drift apart unnoticed.
-- UPDATE, DELETE and TRUNCATE stay refused by BZ-1's append-only trigger (V3, SSB01).
-- =====================================================================================

ALTER TABLE buz_transactions
    ADD COLUMN prev_tx_hash          char(64) NULL,
    ADD COLUMN contribution_event_id uuid NULL REFERENCES contribution_events (id) ON DELETE RESTRICT,
    ADD COLUMN memo                  varchar(500) NULL;

-- Transactions written before V11 are linked in the order they were written (the order the old
-- writers chained them in). They are not re-hashed: the check below applies to new rows only.
ALTER TABLE buz_transactions DISABLE TRIGGER t10_bz1_append_only;
UPDATE buz_transactions t
   SET prev_tx_hash = o.prev
  FROM (SELECT id, coalesce(lag(tx_hash) OVER (PARTITION BY wallet_id ORDER BY created_at, id), repeat('0', 64)) AS prev
          FROM buz_transactions) o
 WHERE o.id = t.id;
ALTER TABLE buz_transactions ENABLE TRIGGER t10_bz1_append_only;

ALTER TABLE buz_transactions ALTER COLUMN prev_tx_hash SET NOT NULL;

-- A wallet's chain has no forks: no two transactions continue the same one.
CREATE UNIQUE INDEX uq_buz_transactions_wallet_prev ON buz_transactions (wallet_id, prev_tx_hash);
CREATE INDEX idx_buz_transactions_contribution ON buz_transactions (contribution_event_id)
    WHERE contribution_event_id IS NOT NULL;

COMMENT ON COLUMN buz_transactions.prev_tx_hash IS
    'BZ-5: tx_hash of the wallet''s previous transaction; 64 zeros for its first.';
COMMENT ON COLUMN buz_transactions.contribution_event_id IS 'The contribution an earn pays for, if any.';
COMMENT ON COLUMN buz_transactions.memo IS 'Why the BUZ moved, in the words of whoever moved it.';

-- Instant.toString() of a timestamptz as stored (microseconds): 2026-03-01T09:30:05.120Z.
CREATE FUNCTION buz_chain_instant(p_ts timestamptz) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog AS $$
    SELECT to_char(utc, 'YYYY-MM-DD"T"HH24:MI:SS')
           || CASE WHEN us = 0 THEN ''
                   WHEN us % 1000 = 0 THEN '.' || lpad((us / 1000)::text, 3, '0')
                   ELSE '.' || lpad(us::text, 6, '0') END
           || 'Z'
      FROM (SELECT p_ts AT TIME ZONE 'UTC' AS utc,
                   (extract(microseconds FROM p_ts AT TIME ZONE 'UTC')::bigint % 1000000) AS us) t
$$;

-- The RFC 8785 text of one transaction's content (see the header). Strings go through to_json, whose
-- escapes (\" \\ \b \f \n \r \t, other controls as lower-case \u00xx) are RFC 8785's.
CREATE FUNCTION buz_chain_canonical_json(p_id uuid, p_wallet uuid, p_venture uuid, p_type buz_tx_type, p_amount bigint,
                                         p_artifact_hash text, p_contribution_event uuid, p_memo text,
                                         p_created_at timestamptz) RETURNS text
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public AS $$
    SELECT '{"amount":' || p_amount::text
           || ',"artifact_hash":' || coalesce(to_json(p_artifact_hash)::text, 'null')
           || CASE WHEN p_contribution_event IS NULL THEN ''
                   ELSE ',"contribution_event_id":"' || p_contribution_event::text || '"' END
           || ',"created_at":"' || buz_chain_instant(p_created_at) || '"'
           || ',"id":"' || p_id::text || '"'
           || CASE WHEN p_memo IS NULL THEN '' ELSE ',"memo":' || to_json(p_memo)::text END
           || ',"type":"' || p_type::text || '"'
           || ',"venture_id":' || coalesce('"' || p_venture::text || '"', 'null')
           || ',"wallet_id":"' || p_wallet::text || '"}'
$$;

CREATE FUNCTION buz_chain_tx_hash(p_prev text, p_canonical_json text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog AS $$
    SELECT encode(sha256(convert_to(p_prev || p_canonical_json, 'UTF8')), 'hex')
$$;

-- The tx_hash of the wallet's last transaction (the one no other transaction continues); genesis
-- when it has none. Callers hold the wallet's row lock.
CREATE FUNCTION buz_chain_head(p_wallet uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT coalesce(
        (SELECT t.tx_hash::text FROM buz_transactions t
          WHERE t.wallet_id = p_wallet
            AND NOT EXISTS (SELECT 1 FROM buz_transactions n
                             WHERE n.wallet_id = t.wallet_id AND n.prev_tx_hash = t.tx_hash)
          ORDER BY t.created_at DESC, t.id DESC
          LIMIT 1),
        repeat('0', 64))
$$;

CREATE FUNCTION rules_bz5_chain() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    head     text;
    expected text;
BEGIN
    IF NEW.wallet_id IS NULL OR NEW.created_at IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SSB05', MESSAGE = format(
            'BZ-5: A %s of %s BUZ needs a wallet and a creation time to be chained (wallet %s, created %s)',
            NEW.type, NEW.amount, coalesce(NEW.wallet_id::text, 'none'), coalesce(NEW.created_at::text, 'never'));
    END IF;
    IF abs(NEW.amount) > 9007199254740991 THEN
        RAISE EXCEPTION USING ERRCODE = 'SSB05', MESSAGE = format(
            'BZ-5: A %s of %s BUZ for the wallet of %s is beyond 9007199254740991 BUZ, the largest amount canonical JSON keeps exact',
            NEW.type, NEW.amount, rules_wallet_owner(NEW.wallet_id));
    END IF;
    PERFORM 1 FROM user_wallets WHERE id = NEW.wallet_id FOR UPDATE;
    head := buz_chain_head(NEW.wallet_id);
    IF NEW.prev_tx_hash IS NULL THEN
        NEW.prev_tx_hash := head;
    ELSIF NEW.prev_tx_hash::text IS DISTINCT FROM head THEN
        RAISE EXCEPTION USING ERRCODE = 'SSB05', MESSAGE = format(
            'BZ-5: A %s of %s BUZ for the wallet of %s names %s… as the previous transaction, but the wallet''s last transaction is %s…; the chain must not break',
            NEW.type, NEW.amount, rules_wallet_owner(NEW.wallet_id), left(NEW.prev_tx_hash, 16), left(head, 16));
    END IF;
    expected := buz_chain_tx_hash(NEW.prev_tx_hash::text,
        buz_chain_canonical_json(NEW.id, NEW.wallet_id, NEW.venture_id, NEW.type, NEW.amount, NEW.artifact_hash::text,
                                 NEW.contribution_event_id, NEW.memo, NEW.created_at));
    IF NEW.tx_hash IS NULL THEN
        NEW.tx_hash := expected;
    ELSIF NEW.tx_hash::text IS DISTINCT FROM expected THEN
        RAISE EXCEPTION USING ERRCODE = 'SSB05', MESSAGE = format(
            'BZ-5: A %s of %s BUZ for the wallet of %s carries tx_hash %s…, but sha256 of its previous hash and its canonical JSON is %s…',
            NEW.type, NEW.amount, rules_wallet_owner(NEW.wallet_id), left(NEW.tx_hash, 16), left(expected, 16));
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t50_bz5_chain
    BEFORE INSERT ON buz_transactions
    FOR EACH ROW EXECUTE FUNCTION rules_bz5_chain();
