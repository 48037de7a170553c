-- =====================================================================================
-- V2__equity_rules.sql — the cap table rules EQ-1..EQ-5 and EQ-7 (DOMAIN.md "Cap table"),
-- enforced by PostgreSQL so that no client (the app, the remote API, psql) can break them.
--
--  * EQ-4 shape, EQ-5 history, EQ-7 legal hold: BEFORE triggers, refused at the statement.
--    They fire before the seed's CHECK constraints, so the rule's own message wins; the CHECKs
--    stay as a backstop.
--  * EQ-1 total, EQ-2 owner floor, EQ-3 platform cap and the EQ-4 "one row per holder and date"
--    part: DEFERRABLE INITIALLY DEFERRED constraint triggers, checked at COMMIT, so one
--    transaction may close rows and add rows in any order.
--  * Errors: RAISE with SQLSTATE SSE0n and a message starting with the rule id, naming the venture
--    and the figures, e.g. "EQ-1: On 2026-03-01 the cap table of Acme totals 97.500%, not 100.000%".
--
-- The dated check: a cap table only changes on "change points" (each row's effective_from and the
-- day after its effective_to). One query turns the rows into +percent / -percent events, groups
-- them by date and keeps a running sum (window function), giving the total, the owner's stake and
-- the platform's stake on every change point; the first failing one is reported. Every touched
-- venture is checked once per commit: the ventures already checked are remembered in the
-- transaction-local setting smartstart.eq_checked. "One row per holder and date" is probed per
-- touched row through an index (a whole-venture sort by holder would cost more than the dated
-- check itself); the whole-venture form only runs to explain a failure.
--
-- After the last change point the total is whatever the open rows add up to; if every row is
-- closed it is 0.000%, which EQ-1 refuses (a cap table never vanishes once it began). A venture
-- with no rows at all has no cap table yet and is fine. A venture without owner_user_id has no
-- owner floor to check (EQ-2 applies from the moment an owner is set). A NULL alice_equity_cap
-- means the platform ceiling of 20.000%.
-- =====================================================================================

-- Active holds are looked up on every ledger or conversion write (EQ-7).
CREATE INDEX idx_legal_holds_active_venture ON legal_holds (venture_id) WHERE released_at IS NULL;

-- -------------------------------------------------------------------------------------
-- Formatting helpers: figures in messages always have three decimals, dates are ISO.
-- -------------------------------------------------------------------------------------
CREATE FUNCTION eq_pct(p numeric) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN to_char(p, 'FM99999990.000') || '%';

CREATE FUNCTION eq_day(d date) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN to_char(d, 'YYYY-MM-DD');

CREATE FUNCTION eq_venture_name(v uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    RETURN coalesce((SELECT name FROM ventures WHERE id = v), 'venture ' || v::text);

CREATE FUNCTION eq_user_name(u uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    RETURN coalesce((SELECT display_name FROM users WHERE id = u), 'user ' || u::text);

-- -------------------------------------------------------------------------------------
-- EQ-7: the active equity hold of a venture, if any.
-- SECURITY DEFINER so row-level security on legal_holds can never hide a hold from the check.
-- -------------------------------------------------------------------------------------
CREATE FUNCTION eq_refuse_if_held(v uuid, what text) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
    hold record;
BEGIN
    SELECT h.applies_to, h.imposed_at, h.reason INTO hold
      FROM legal_holds h
     WHERE h.venture_id = v AND h.released_at IS NULL AND h.applies_to IN ('equity', 'all')
     ORDER BY h.imposed_at
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'SSE07',
            MESSAGE = format('EQ-7: %s is under a legal hold on %s since %s (%s); no %s may be written while it is active',
                             eq_venture_name(v),
                             CASE hold.applies_to WHEN 'all' THEN 'all its records' ELSE 'its equity' END,
                             coalesce(eq_day(hold.imposed_at::date), 'an unknown date'),
                             hold.reason, what);
    END IF;
END;
$$;

-- -------------------------------------------------------------------------------------
-- BEFORE INSERT / UPDATE on equity_ledger: EQ-5 (only closing an open row), EQ-7, EQ-4 shape.
-- -------------------------------------------------------------------------------------
CREATE FUNCTION eq_ledger_before_write() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    venture_name text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- Compared as a whole row so that columns added later are protected too.
        IF to_jsonb(NEW) - 'effective_to' - 'version' IS DISTINCT FROM to_jsonb(OLD) - 'effective_to' - 'version' THEN
            RAISE EXCEPTION USING ERRCODE = 'SSE05',
                MESSAGE = format('EQ-5: A cap table row of %s (%s from %s) cannot be rewritten; only closing it is allowed, corrections are new rows',
                                 eq_venture_name(OLD.venture_id), eq_pct(OLD.percent), eq_day(OLD.effective_from));
        END IF;
        IF OLD.effective_to IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'SSE05',
                MESSAGE = format('EQ-5: The cap table row of %s (%s from %s) was closed on %s and cannot be reopened or closed again',
                                 eq_venture_name(OLD.venture_id), eq_pct(OLD.percent), eq_day(OLD.effective_from),
                                 eq_day(OLD.effective_to));
        END IF;
        IF NEW.effective_to IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'SSE05',
                MESSAGE = format('EQ-5: The open cap table row of %s (%s from %s) may only be changed by closing it with an end date',
                                 eq_venture_name(OLD.venture_id), eq_pct(OLD.percent), eq_day(OLD.effective_from));
        END IF;
    END IF;

    IF NEW.venture_id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SSE04',
            MESSAGE = 'EQ-4: A cap table row must belong to a venture (venture_id is empty)';
    END IF;

    PERFORM eq_refuse_if_held(NEW.venture_id, 'cap table row');

    IF NEW.holder_type = 'user' AND NEW.holder_id IS NULL THEN
        venture_name := eq_venture_name(NEW.venture_id);
        RAISE EXCEPTION USING ERRCODE = 'SSE04',
            MESSAGE = format('EQ-4: A cap table row of %s for a user must name the user (holder_id is empty; %s from %s)',
                             venture_name, eq_pct(NEW.percent), eq_day(NEW.effective_from));
    END IF;
    IF NEW.holder_type = 'alice' AND NEW.holder_id IS NOT NULL THEN
        venture_name := eq_venture_name(NEW.venture_id);
        RAISE EXCEPTION USING ERRCODE = 'SSE04',
            MESSAGE = format('EQ-4: The platform row (AliceSolutions) of %s must not name a user, but names %s (%s from %s)',
                             venture_name, eq_user_name(NEW.holder_id), eq_pct(NEW.percent), eq_day(NEW.effective_from));
    END IF;
    IF NEW.percent IS NOT NULL AND (NEW.percent <= 0 OR NEW.percent > 100) THEN
        venture_name := eq_venture_name(NEW.venture_id);
        RAISE EXCEPTION USING ERRCODE = 'SSE04',
            MESSAGE = format('EQ-4: A cap table row of %s holds %s; a row must hold more than 0.000%% and at most 100.000%%',
                             venture_name, eq_pct(NEW.percent));
    END IF;
    IF NEW.effective_from IS NOT NULL AND NOT isfinite(NEW.effective_from)
       OR NEW.effective_to IS NOT NULL AND NOT isfinite(NEW.effective_to) THEN
        RAISE EXCEPTION USING ERRCODE = 'SSE04',
            MESSAGE = format('EQ-4: A cap table row of %s must start and end on calendar dates, not %s to %s',
                             eq_venture_name(NEW.venture_id), NEW.effective_from, coalesce(NEW.effective_to::text, 'open'));
    END IF;
    IF NEW.effective_to < NEW.effective_from THEN
        RAISE EXCEPTION USING ERRCODE = 'SSE04',
            MESSAGE = format('EQ-4: A cap table row of %s would end on %s, before it starts on %s (%s)',
                             eq_venture_name(NEW.venture_id), eq_day(NEW.effective_to), eq_day(NEW.effective_from),
                             eq_pct(NEW.percent));
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER eq_ledger_before_write
    BEFORE INSERT OR UPDATE ON equity_ledger
    FOR EACH ROW EXECUTE FUNCTION eq_ledger_before_write();

-- -------------------------------------------------------------------------------------
-- EQ-5: history is never deleted, row by row or wholesale.
-- -------------------------------------------------------------------------------------
CREATE FUNCTION eq_ledger_refuse_delete() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        RAISE EXCEPTION USING ERRCODE = 'SSE05',
            MESSAGE = 'EQ-5: The cap table history (equity_ledger) is never truncated; rows are only closed, corrections are new rows';
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'SSE05',
        MESSAGE = format('EQ-5: The cap table row of %s (%s from %s) cannot be deleted; close it instead, corrections are new rows',
                         eq_venture_name(OLD.venture_id), eq_pct(OLD.percent), eq_day(OLD.effective_from));
END;
$$;

CREATE TRIGGER eq_ledger_refuse_delete
    BEFORE DELETE ON equity_ledger
    FOR EACH ROW EXECUTE FUNCTION eq_ledger_refuse_delete();

CREATE TRIGGER eq_ledger_refuse_truncate
    BEFORE TRUNCATE ON equity_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION eq_ledger_refuse_delete();

-- -------------------------------------------------------------------------------------
-- EQ-7 for conversions (BZ-4 writes them together with the ledger rows).
-- -------------------------------------------------------------------------------------
CREATE FUNCTION eq_conversion_before_write() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM eq_refuse_if_held(NEW.venture_id, 'equity conversion');
    RETURN NEW;
END;
$$;

CREATE TRIGGER eq_conversion_before_write
    BEFORE INSERT OR UPDATE ON equity_conversions
    FOR EACH ROW EXECUTE FUNCTION eq_conversion_before_write();

-- EQ-4, one row per holder and date: only the touched rows can have started an overlap, so each is
-- probed through the (venture_id, holder_id, effective_from) index instead of sorting the whole
-- cap table. The row is re-read: a deferred event carries the row as it was when written, and a
-- row inserted and closed in the same transaction must be judged as closed. holder_id alone
-- names the holder, since EQ-4's shape rule ties NULL to the platform.
CREATE FUNCTION eq_check_holder_overlap(row_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
    cur record;
    other record;
BEGIN
    SELECT l.id, l.venture_id, l.holder_type, l.holder_id, l.percent, l.effective_from,
           coalesce(l.effective_to, 'infinity'::date) AS until INTO cur
      FROM equity_ledger l WHERE l.id = row_id;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    IF cur.holder_id IS NULL THEN
        SELECT o.percent, o.effective_from INTO other
          FROM equity_ledger o
         WHERE o.venture_id = cur.venture_id AND o.holder_id IS NULL AND o.id <> cur.id
           AND o.effective_from <= cur.until AND coalesce(o.effective_to, 'infinity'::date) >= cur.effective_from
         ORDER BY o.effective_from
         LIMIT 1;
    ELSE
        SELECT o.percent, o.effective_from INTO other
          FROM equity_ledger o
         WHERE o.venture_id = cur.venture_id AND o.holder_id = cur.holder_id AND o.id <> cur.id
           AND o.effective_from <= cur.until AND coalesce(o.effective_to, 'infinity'::date) >= cur.effective_from
         ORDER BY o.effective_from
         LIMIT 1;
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'SSE04',
            MESSAGE = format('EQ-4: On %s %s would hold two rows of the cap table of %s at once (%s from %s and %s from %s)',
                             eq_day(greatest(cur.effective_from, other.effective_from)),
                             CASE WHEN cur.holder_id IS NULL THEN 'the platform (AliceSolutions)' ELSE eq_user_name(cur.holder_id) END,
                             eq_venture_name(cur.venture_id),
                             eq_pct(other.percent), eq_day(other.effective_from),
                             eq_pct(cur.percent), eq_day(cur.effective_from));
    END IF;
END;
$$;

-- EQ-4 over a whole venture: the first date on which a holder has two rows. Only run when a dated
-- rule already failed, because an overlap is then the likelier cause and the clearer message
-- (the per-row probe below keeps the common, valid path cheap).
CREATE FUNCTION eq_refuse_overlap(v uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
    clash record;
BEGIN
    SELECT s.id INTO clash FROM (
        SELECT l.id, l.effective_from,
               max(coalesce(l.effective_to, 'infinity'::date)) OVER (
                   PARTITION BY l.holder_id ORDER BY l.effective_from
                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_end
          FROM equity_ledger l
         WHERE l.venture_id = v
    ) s
    WHERE s.earlier_end >= s.effective_from
    ORDER BY s.effective_from
    LIMIT 1;
    IF FOUND THEN
        PERFORM eq_check_holder_overlap(clash.id);
    END IF;
END;
$$;

-- -------------------------------------------------------------------------------------
-- The dated check of one venture: EQ-1, EQ-2, EQ-3.
-- SECURITY DEFINER: it must see every row of the venture whatever row-level security shows the
-- acting user, and it locks the venture row (which needs UPDATE rights the app role may lack).
-- -------------------------------------------------------------------------------------
CREATE FUNCTION eq_check_venture(v uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
    venture record;
    bad record;
BEGIN
    -- Serialises the commit-time checks of concurrent writers of one cap table: under READ
    -- COMMITTED the second one's check then sees the first one's committed rows.
    SELECT name, owner_user_id, coalesce(alice_equity_cap, 20.000) AS cap INTO venture
      FROM ventures WHERE id = v FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN;
    END IF;

    -- EQ-1..EQ-3 on every change point, first failing date first. One pass groups the rows by
    -- their (start, end) span; only those few spans become +/- events for the running sum.
    SELECT * INTO bad FROM (
        SELECT p.d,
               sum(p.total) OVER w AS total,
               sum(p.owner_part) OVER w AS owner_pct,
               sum(p.alice_part) OVER w AS alice_pct
          FROM (
            SELECT e.d, sum(e.sign * g.total) AS total,
                   sum(e.sign * g.owner_part) AS owner_part, sum(e.sign * g.alice_part) AS alice_part
              FROM (
                SELECT l.effective_from, l.effective_to,
                       sum(l.percent) AS total,
                       coalesce(sum(l.percent) FILTER (WHERE l.holder_type = 'user' AND l.holder_id = venture.owner_user_id), 0) AS owner_part,
                       coalesce(sum(l.percent) FILTER (WHERE l.holder_type = 'alice'), 0) AS alice_part
                  FROM equity_ledger l
                 WHERE l.venture_id = v
                 GROUP BY l.effective_from, l.effective_to
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

-- -------------------------------------------------------------------------------------
-- Commit-time collection: each touched venture is checked once per transaction.
-- -------------------------------------------------------------------------------------
CREATE FUNCTION eq_check_venture_once(v uuid) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    checked text := coalesce(current_setting('smartstart.eq_checked', true), '');
BEGIN
    IF v IS NULL OR strpos(checked, v::text) > 0 THEN
        RETURN;
    END IF;
    PERFORM eq_check_venture(v);
    PERFORM set_config('smartstart.eq_checked', checked || v::text || ',', true);
END;
$$;

CREATE FUNCTION eq_ledger_deferred_check() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM eq_check_holder_overlap(NEW.id);
    PERFORM eq_check_venture_once(NEW.venture_id);
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER eq_ledger_dated_rules
    AFTER INSERT OR UPDATE ON equity_ledger
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION eq_ledger_deferred_check();

-- EQ-2 and EQ-3 depend on the venture's owner and platform cap as well.
CREATE FUNCTION eq_venture_deferred_check() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM eq_check_venture_once(NEW.id);
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER eq_venture_dated_rules
    AFTER UPDATE ON ventures
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN (OLD.owner_user_id IS DISTINCT FROM NEW.owner_user_id
          OR OLD.alice_equity_cap IS DISTINCT FROM NEW.alice_equity_cap)
    EXECUTE FUNCTION eq_venture_deferred_check();

-- A venture counts as checked only until the next change: after SET CONSTRAINTS ... IMMEDIATE the
-- check runs at the end of a statement, and a later statement of the same transaction must be
-- checked again. Forgetting every venture is enough (a second check is only redundant work).
CREATE FUNCTION eq_forget_checked() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF coalesce(current_setting('smartstart.eq_checked', true), '') <> '' THEN
        PERFORM set_config('smartstart.eq_checked', '', true);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER eq_ledger_forget_checked
    AFTER INSERT OR UPDATE ON equity_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION eq_forget_checked();

CREATE TRIGGER eq_venture_forget_checked
    AFTER UPDATE ON ventures
    FOR EACH STATEMENT EXECUTE FUNCTION eq_forget_checked();
