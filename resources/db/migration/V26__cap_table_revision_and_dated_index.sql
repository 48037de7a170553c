-- =====================================================================================
-- V26__cap_table_revision_and_dated_index.sql — a cap table of one date in O(rows of that date), and a
-- commit-time EQ-1..EQ-3 check from the first date a transaction touches (issue 4's benchmark).
--
--  * The ledger's revision is kept per venture by the ledger's own triggers instead of being hashed
--    from every row on each read. Its meaning is unchanged: "<rows>-<closed rows>-<fingerprint>", and
--    any change of the ledger (a row added, a row closed) gives another revision, whoever made it. The
--    fingerprint is now order-free so that it can be kept up to date row by row: the XOR of one 64-bit
--    hash per row, the first 8 bytes of sha256('<id>:<effective_to or null>;'), as 16 hex digits.
--    CapTable.revisionOf computes the same from a list of rows (the contract test compares them).
--  * The change dates (each effective_from, the day after each effective_to) are kept per venture with
--    the number of row ends that fall on each, so reading them is an index range scan.
--  * cap_table_rows_on finds a date's rows through a GiST index on (venture, [effective_from,
--    effective_to]) instead of walking every row that started before the date.
--  * EQ-1..EQ-3 at commit (eq_check_venture, V2): the earliest date each transaction changes per venture
--    is noted as it writes; the dated check then runs from that date on. A cap table before that date is
--    the one the last commit left, which passed the same check, so it cannot break a rule now. A change
--    of a venture's owner or platform cap touches every date and checks from the beginning.
-- =====================================================================================

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- -------------------------------------------------------------------------------------
-- A date's rows: [effective_from, effective_to] contains the date.
-- -------------------------------------------------------------------------------------
CREATE INDEX idx_equity_ledger_venture_span ON equity_ledger
    USING gist (venture_id, daterange(effective_from, effective_to, '[]'));

-- The rows still in force on or after a date (the commit-time check from the first touched date).
CREATE INDEX idx_equity_ledger_venture_to ON equity_ledger (venture_id, effective_to);

CREATE OR REPLACE FUNCTION cap_table_rows_on(p_venture uuid, p_on date)
    RETURNS TABLE (id uuid, holder_type text, holder_id uuid, percent numeric, effective_from date, effective_to date,
                   vesting_policy_id uuid, created_at timestamptz, created_by uuid)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    whole boolean := rules_id5_can_read_venture(p_venture);
    reader uuid := rules_id5_current_user();
BEGIN
    RETURN QUERY
        SELECT l.id, l.holder_type::text, l.holder_id, l.percent, l.effective_from, l.effective_to, l.vesting_policy_id,
               l.created_at, l.created_by
          FROM equity_ledger l
         WHERE l.venture_id = p_venture AND daterange(l.effective_from, l.effective_to, '[]') @> p_on
           AND (whole OR l.holder_id = reader)
         ORDER BY l.effective_from, l.created_at, l.id;
END
$$;

-- -------------------------------------------------------------------------------------
-- The revision, kept per venture.
-- -------------------------------------------------------------------------------------
CREATE FUNCTION cap_table_row_hash(p_id uuid, p_to date) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ('x' || substr(encode(sha256(convert_to(p_id::text || ':' || coalesce(to_char(p_to, 'YYYY-MM-DD'), 'null') || ';',
                                                   'UTF8')), 'hex'), 1, 16))::bit(64)::bigint;

CREATE FUNCTION cap_table_revision_text(p_rows bigint, p_closed bigint, p_fingerprint bigint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN p_rows || '-' || p_closed || '-' || lpad(to_hex(p_fingerprint), 16, '0');

CREATE TABLE cap_table_revisions (
    venture_id  uuid PRIMARY KEY REFERENCES ventures (id) ON DELETE CASCADE,
    row_count   bigint NOT NULL,
    closed_rows bigint NOT NULL,
    fingerprint bigint NOT NULL
);

CREATE TABLE cap_table_change_dates (
    venture_id uuid NOT NULL REFERENCES ventures (id) ON DELETE CASCADE,
    day        date NOT NULL,
    row_ends   integer NOT NULL CHECK (row_ends >= 0),
    PRIMARY KEY (venture_id, day)
);

-- Only the ledger's triggers and the readers below (SECURITY DEFINER) touch them.
REVOKE ALL ON cap_table_revisions, cap_table_change_dates FROM backoffice_app;
COMMENT ON TABLE cap_table_revisions IS 'The revision of each venture''s equity_ledger, kept by its triggers (V26); see CapTable.revisionOf.';
COMMENT ON TABLE cap_table_change_dates IS 'The dates on which each venture''s cap table changes, with how many row starts and ends fall on each (V26).';

INSERT INTO cap_table_revisions (venture_id, row_count, closed_rows, fingerprint)
SELECT l.venture_id, count(*), count(l.effective_to), bit_xor(cap_table_row_hash(l.id, l.effective_to))
  FROM equity_ledger l WHERE l.venture_id IS NOT NULL GROUP BY l.venture_id;

INSERT INTO cap_table_change_dates (venture_id, day, row_ends)
SELECT l.venture_id, c.d, count(*)
  FROM equity_ledger l CROSS JOIN LATERAL (VALUES (l.effective_from), (l.effective_to + 1)) AS c(d)
 WHERE l.venture_id IS NOT NULL AND c.d IS NOT NULL
 GROUP BY l.venture_id, c.d;

-- -------------------------------------------------------------------------------------
-- The earliest date a transaction changed, per venture (transaction-local setting smartstart.eq_from:
-- "<venture>=<date>," entries; NULL when nothing was noted). '-infinity' when every date must be checked.
-- -------------------------------------------------------------------------------------
CREATE FUNCTION eq_touched_from(v uuid) RETURNS date
    LANGUAGE sql STABLE
    RETURN substring(coalesce(current_setting('smartstart.eq_from', true), '') FROM v::text || '=([^,]*),')::date;

CREATE FUNCTION eq_note_touched(v uuid, d date) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    noted text := coalesce(current_setting('smartstart.eq_from', true), '');
    was text := substring(noted FROM v::text || '=([^,]*),');
BEGIN
    IF v IS NULL OR d IS NULL OR (was IS NOT NULL AND was::date <= d) THEN
        RETURN;
    END IF;
    IF was IS NOT NULL THEN
        noted := replace(noted, v::text || '=' || was || ',', '');
    END IF;
    PERFORM set_config('smartstart.eq_from', noted || v::text || '=' || d::text || ',', true);
END
$$;

-- After each statement: the revision, the change dates and the first touched date of every venture it wrote.
CREATE FUNCTION cap_table_after_insert() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    t record;
BEGIN
    INSERT INTO cap_table_revisions AS r (venture_id, row_count, closed_rows, fingerprint)
    SELECT n.venture_id, count(*), count(n.effective_to), bit_xor(cap_table_row_hash(n.id, n.effective_to))
      FROM added n WHERE n.venture_id IS NOT NULL GROUP BY n.venture_id
    ON CONFLICT (venture_id) DO UPDATE SET row_count = r.row_count + excluded.row_count,
                                           closed_rows = r.closed_rows + excluded.closed_rows,
                                           fingerprint = r.fingerprint # excluded.fingerprint;
    INSERT INTO cap_table_change_dates AS d (venture_id, day, row_ends)
    SELECT n.venture_id, c.d, count(*)
      FROM added n CROSS JOIN LATERAL (VALUES (n.effective_from), (n.effective_to + 1)) AS c(d)
     WHERE n.venture_id IS NOT NULL AND c.d IS NOT NULL
     GROUP BY n.venture_id, c.d
    ON CONFLICT (venture_id, day) DO UPDATE SET row_ends = d.row_ends + excluded.row_ends;
    FOR t IN SELECT n.venture_id, min(n.effective_from) AS d FROM added n GROUP BY n.venture_id LOOP
        PERFORM eq_note_touched(t.venture_id, t.d);
    END LOOP;
    RETURN NULL;
END
$$;

-- An update only ever closes an open row (EQ-5, eq_ledger_before_write): its end date is new.
CREATE FUNCTION cap_table_after_update() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    t record;
BEGIN
    UPDATE cap_table_revisions r
       SET closed_rows = r.closed_rows + x.closed, fingerprint = r.fingerprint # x.fp
      FROM (SELECT n.venture_id,
                   count(n.effective_to) - count(o.effective_to) AS closed,
                   bit_xor(cap_table_row_hash(o.id, o.effective_to) # cap_table_row_hash(n.id, n.effective_to)) AS fp
              FROM changed n JOIN was o ON o.id = n.id
             WHERE n.venture_id IS NOT NULL
             GROUP BY n.venture_id) x
     WHERE r.venture_id = x.venture_id;
    -- Dates an old end gave up, then dates a new end brings.
    WITH gone AS (
        SELECT o.venture_id, o.effective_to + 1 AS day, count(*) AS n
          FROM was o JOIN changed n ON n.id = o.id
         WHERE o.effective_to IS DISTINCT FROM n.effective_to AND o.effective_to IS NOT NULL
         GROUP BY 1, 2)
    UPDATE cap_table_change_dates d SET row_ends = d.row_ends - gone.n
      FROM gone WHERE d.venture_id = gone.venture_id AND d.day = gone.day;
    IF FOUND THEN -- never for a close (an open row had no end); only the dates just decremented are looked at
        DELETE FROM cap_table_change_dates d USING was o
         WHERE d.venture_id = o.venture_id AND d.day = o.effective_to + 1 AND d.row_ends = 0;
    END IF;
    INSERT INTO cap_table_change_dates AS d (venture_id, day, row_ends)
    SELECT n.venture_id, n.effective_to + 1, count(*)
      FROM changed n JOIN was o ON o.id = n.id
     WHERE o.effective_to IS DISTINCT FROM n.effective_to AND n.effective_to IS NOT NULL AND n.venture_id IS NOT NULL
     GROUP BY 1, 2
    ON CONFLICT (venture_id, day) DO UPDATE SET row_ends = d.row_ends + excluded.row_ends;
    FOR t IN SELECT n.venture_id, min(n.effective_to + 1) AS d FROM changed n GROUP BY n.venture_id LOOP
        PERFORM eq_note_touched(t.venture_id, coalesce(t.d, '-infinity'::date));
    END LOOP;
    RETURN NULL;
END
$$;

CREATE TRIGGER t60_cap_table_after_insert
    AFTER INSERT ON equity_ledger REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION cap_table_after_insert();

CREATE TRIGGER t60_cap_table_after_update
    AFTER UPDATE ON equity_ledger REFERENCING OLD TABLE AS was NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION cap_table_after_update();

-- The digest: the stored revision and change dates for whoever may read the whole venture; a mere
-- holder's digest covers only their own rows, as before (V18), worked out from those few rows.
CREATE OR REPLACE FUNCTION cap_table_digest(p_venture uuid, OUT revision text, OUT change_dates date[])
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    whole boolean := rules_id5_can_read_venture(p_venture);
    reader uuid := rules_id5_current_user();
BEGIN
    IF whole THEN
        SELECT coalesce((SELECT cap_table_revision_text(r.row_count, r.closed_rows, r.fingerprint)
                           FROM cap_table_revisions r WHERE r.venture_id = p_venture),
                        cap_table_revision_text(0, 0, 0)),
               coalesce((SELECT array_agg(d.day ORDER BY d.day) FROM cap_table_change_dates d WHERE d.venture_id = p_venture), '{}')
          INTO revision, change_dates;
        RETURN;
    END IF;
    SELECT cap_table_revision_text(count(*), count(l.effective_to), coalesce(bit_xor(cap_table_row_hash(l.id, l.effective_to)), 0)),
           coalesce((SELECT array_agg(DISTINCT d ORDER BY d)
                       FROM equity_ledger x
                      CROSS JOIN LATERAL (VALUES (x.effective_from), (x.effective_to + 1)) AS c(d)
                      WHERE x.venture_id = p_venture AND c.d IS NOT NULL AND x.holder_id = reader), '{}')
      INTO revision, change_dates
      FROM equity_ledger l
     WHERE l.venture_id = p_venture AND l.holder_id = reader;
END
$$;

-- -------------------------------------------------------------------------------------
-- EQ-1..EQ-3 at commit, from the first date this transaction changed (V2's check, narrowed).
-- -------------------------------------------------------------------------------------
CREATE FUNCTION eq_check_venture(v uuid, from_day date) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
    venture record;
    bad record;
    -- A row that ended the day before from_day still changes the cap table on from_day.
    ended_since date := CASE WHEN isfinite(from_day) THEN from_day - 1 ELSE from_day END;
BEGIN
    -- Serialises the commit-time checks of concurrent writers of one cap table: under READ
    -- COMMITTED the second one's check then sees the first one's committed rows.
    SELECT name, owner_user_id, coalesce(alice_equity_cap, 20.000) AS cap INTO venture
      FROM ventures WHERE id = v FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN;
    END IF;

    -- EQ-1..EQ-3 on every change point from from_day on, first failing date first. Only rows in force on
    -- or after the day before from_day count; one that began earlier enters the running sum on from_day
    -- (and one that ended the day before leaves it on the same day).
    SELECT * INTO bad FROM (
        SELECT p.d,
               sum(p.total) OVER w AS total,
               sum(p.owner_part) OVER w AS owner_pct,
               sum(p.alice_part) OVER w AS alice_pct
          FROM (
            SELECT e.d, sum(e.sign * g.total) AS total,
                   sum(e.sign * g.owner_part) AS owner_part, sum(e.sign * g.alice_part) AS alice_part
              FROM (
                SELECT greatest(l.effective_from, from_day) AS effective_from, l.effective_to,
                       sum(l.percent) AS total,
                       coalesce(sum(l.percent) FILTER (WHERE l.holder_type = 'user' AND l.holder_id = venture.owner_user_id), 0) AS owner_part,
                       coalesce(sum(l.percent) FILTER (WHERE l.holder_type = 'alice'), 0) AS alice_part
                  FROM equity_ledger l
                 WHERE l.venture_id = v AND (l.effective_to IS NULL OR l.effective_to >= ended_since)
                 GROUP BY 1, l.effective_to
              ) g
             CROSS JOIN LATERAL (VALUES (g.effective_from, 1), (g.effective_to + 1, -1)) AS e(d, sign)
             WHERE e.d IS NOT NULL
             GROUP BY e.d
          ) p
        WINDOW w AS (ORDER BY p.d)
    ) r
    WHERE r.total <> 100.000
       OR (venture.owner_user_id IS NOT NULL AND coalesce(r.owner_pct, 0) < 35.000)
       OR coalesce(r.alice_pct, 0) > venture.cap
    ORDER BY r.d
    LIMIT 1;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    PERFORM eq_refuse_overlap(v);
    IF bad.total <> 100.000 THEN
        RAISE EXCEPTION USING ERRCODE = 'SSE01',
            MESSAGE = format('EQ-1: On %s the cap table of %s totals %s, not 100.000%%',
                             eq_day(bad.d), venture.name, eq_pct(bad.total));
    ELSIF coalesce(bad.owner_pct, 0) < 35.000 THEN
        RAISE EXCEPTION USING ERRCODE = 'SSE02',
            MESSAGE = format('EQ-2: On %s the owner %s of %s holds %s, below the 35.000%% floor',
                             eq_day(bad.d), eq_user_name(venture.owner_user_id), venture.name,
                             eq_pct(coalesce(bad.owner_pct, 0)));
    ELSE
        RAISE EXCEPTION USING ERRCODE = 'SSE03',
            MESSAGE = format('EQ-3: On %s the platform stake (AliceSolutions) of %s is %s, above its cap of %s',
                             eq_day(bad.d), venture.name, eq_pct(bad.alice_pct), eq_pct(venture.cap));
    END IF;
END;
$$;

-- The whole ledger, as V2's check did (kept for callers of the one-argument form).
CREATE OR REPLACE FUNCTION eq_check_venture(v uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
    PERFORM eq_check_venture(v, '-infinity'::date);
END;
$$;

-- Each touched venture is checked once per transaction from the earliest date noted for it, and again
-- only if a later event names an earlier date (after SET CONSTRAINTS ... IMMEDIATE a row's deferred
-- event can fire before its statement noted the dates). smartstart.eq_checked holds "<venture>=<date>,".
CREATE FUNCTION eq_check_venture_from(v uuid, d date) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    checked text := coalesce(current_setting('smartstart.eq_checked', true), '');
    checked_from date := substring(checked FROM v::text || '=([^,]*),')::date;
    from_day date := coalesce(least(d, eq_touched_from(v)), '-infinity'::date);
BEGIN
    IF v IS NULL OR (checked_from IS NOT NULL AND checked_from <= from_day) THEN
        RETURN;
    END IF;
    PERFORM eq_check_venture(v, from_day);
    IF checked_from IS NOT NULL THEN
        checked := replace(checked, v::text || '=' || checked_from::text || ',', '');
    END IF;
    PERFORM set_config('smartstart.eq_checked', checked || v::text || '=' || from_day::text || ',', true);
END;
$$;

-- A change of the venture's owner or platform cap (eq_venture_deferred_check) concerns every date.
CREATE OR REPLACE FUNCTION eq_check_venture_once(v uuid) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM eq_check_venture_from(v, '-infinity'::date);
END;
$$;

-- A row's event: an added row changes the cap table from its first day, a closed row from the day after its end.
CREATE OR REPLACE FUNCTION eq_ledger_deferred_check() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM eq_check_holder_overlap(NEW.id);
    PERFORM eq_check_venture_from(NEW.venture_id,
        CASE WHEN TG_OP = 'UPDATE' THEN coalesce(NEW.effective_to + 1, NEW.effective_from) ELSE NEW.effective_from END);
    RETURN NULL;
END;
$$;

-- -------------------------------------------------------------------------------------
-- What a change from a date needs (the use case's save): the rows in force on or after that date and
-- the rows it names by id, under the same reading rule as cap_table_ledger (V18).
-- -------------------------------------------------------------------------------------
CREATE FUNCTION cap_table_ledger_from(p_venture uuid, p_from date, p_ids uuid[])
    RETURNS TABLE (id uuid, holder_type text, holder_id uuid, percent numeric, effective_from date, effective_to date,
                   vesting_policy_id uuid, created_at timestamptz, created_by uuid)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    whole boolean := rules_id5_can_read_venture(p_venture);
    reader uuid := rules_id5_current_user();
BEGIN
    RETURN QUERY
        SELECT l.id, l.holder_type::text, l.holder_id, l.percent, l.effective_from, l.effective_to, l.vesting_policy_id,
               l.created_at, l.created_by
          FROM equity_ledger l
         WHERE l.venture_id = p_venture AND (l.effective_to IS NULL OR l.effective_to >= p_from - 1 OR l.id = ANY (p_ids))
           AND (whole OR l.holder_id = reader)
         ORDER BY l.effective_from, l.created_at, l.id;
END
$$;

-- A new owner or platform cap changes what EQ-2 and EQ-3 say on every date: noted at once, so that a
-- ledger event of the same transaction checked before the venture's own event starts at the beginning
-- too and names the first failing date.
CREATE FUNCTION eq_venture_touched() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM eq_note_touched(NEW.id, '-infinity'::date);
    RETURN NULL;
END
$$;

CREATE TRIGGER t60_eq_venture_touched
    AFTER UPDATE ON ventures
    FOR EACH ROW
    WHEN (OLD.owner_user_id IS DISTINCT FROM NEW.owner_user_id
          OR OLD.alice_equity_cap IS DISTINCT FROM NEW.alice_equity_cap)
    EXECUTE FUNCTION eq_venture_touched();
