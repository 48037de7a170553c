-- =====================================================================================
-- V30__cap_table_of_one_date_in_one_read.sql — everything a cap table of one date needs, in one statement
-- (issue 4's benchmark: the date's rows take 0.4 ms inside PostgreSQL, the read's five statements the rest).
--
-- cap_table_of_day(venture, day) answers, in one result:
--   * a first row (id IS NULL) with the venture's facts — name, owner, platform cap, its active holds — and
--     the ledger's digest (revision and change dates, as cap_table_digest gives them);
--   * then the rows in force on the day (as cap_table_rows_on gives them, in its order), each with its
--     holder's display name and its vesting policy's terms.
-- Nothing at all when the venture does not exist, is archived, or may not be seen by the current user.
-- Given the revision the caller already holds the change dates of, the first row leaves the dates out (NULL)
-- while the revision is still that one: they change only with the revision, and a ledger of thousands of rows
-- has about a thousand of them (a third of the statement's time at 10,000 rows).
--
-- It is SECURITY INVOKER on purpose: it runs exactly the reads the use case ran as separate statements,
-- under the caller's row-level security — ventures and legal_holds through their ID-5 policies,
-- vesting_policies through V18's, the ledger through cap_table_rows_on and cap_table_digest (V26), which
-- apply the row policies of equity_ledger once per call. It widens nothing.
-- =====================================================================================

-- The digest, with the change dates left out (NULL) when the revision is the one the caller knows. For a reader of
-- the whole ledger the revision is one row (V26) and the dates are not aggregated at all; for anyone else it
-- is V26's own-rows digest.
CREATE FUNCTION cap_table_digest(p_venture uuid, p_known_revision text, OUT revision text, OUT change_dates date[])
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT rules_id5_can_read_venture(p_venture) THEN
        SELECT d.revision, CASE WHEN d.revision IS DISTINCT FROM p_known_revision THEN d.change_dates END
          INTO revision, change_dates
          FROM cap_table_digest(p_venture) d;
        RETURN;
    END IF;
    revision := coalesce((SELECT cap_table_revision_text(r.row_count, r.closed_rows, r.fingerprint)
                            FROM cap_table_revisions r WHERE r.venture_id = p_venture),
                         cap_table_revision_text(0, 0, 0));
    IF revision IS DISTINCT FROM p_known_revision THEN
        change_dates := coalesce((SELECT array_agg(d.day ORDER BY d.day) FROM cap_table_change_dates d WHERE d.venture_id = p_venture), '{}');
    END IF;
END
$$;

CREATE FUNCTION cap_table_of_day(p_venture uuid, p_on date, p_known_revision text DEFAULT NULL)
    RETURNS TABLE (venture_name text, owner_user_id uuid, alice_equity_cap numeric, holds text, revision text,
                   change_dates text,
                   id uuid, holder_type text, holder_id uuid, percent numeric, effective_from date, effective_to date,
                   vesting_policy_id uuid, holder_name text,
                   policy_venture_id uuid, policy_name text, cliff_months integer, duration_months integer,
                   frequency text)
    LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, public AS $$
#variable_conflict use_column
BEGIN
    -- PL/pgSQL rather than SQL: its statement's plan is kept for the session (an SQL function that is not
    -- inlined, as one with SET is not, is planned again on every call).
    RETURN QUERY
    WITH venture AS (
        SELECT v.name, v.owner_user_id, v.alice_equity_cap,
               coalesce(array_to_string(array_agg(DISTINCT h.applies_to::text) FILTER (WHERE h.id IS NOT NULL), ','), '') AS holds
          FROM ventures v
          LEFT JOIN legal_holds h ON h.venture_id = v.id AND h.released_at IS NULL
         WHERE v.id = p_venture AND v.archived_at IS NULL
         GROUP BY v.id)
    SELECT x.venture_name, x.owner_user_id, x.alice_equity_cap, x.holds, x.revision, x.change_dates,
           x.id, x.holder_type, x.holder_id, x.percent, x.effective_from, x.effective_to, x.vesting_policy_id, x.holder_name,
           x.policy_venture_id, x.policy_name, x.cliff_months, x.duration_months, x.frequency
      FROM (
        -- The change dates as one ISO text (the driver decodes a date[] element by element through a Calendar).
        SELECT 0::bigint AS ord, v.name::text AS venture_name, v.owner_user_id, v.alice_equity_cap::numeric, v.holds, d.revision,
               array_to_string(d.change_dates, ',') AS change_dates,
               NULL::uuid AS id, NULL::text AS holder_type, NULL::uuid AS holder_id, NULL::numeric AS percent,
               NULL::date AS effective_from, NULL::date AS effective_to, NULL::uuid AS vesting_policy_id,
               NULL::text AS holder_name, NULL::uuid AS policy_venture_id, NULL::text AS policy_name,
               NULL::integer AS cliff_months, NULL::integer AS duration_months, NULL::text AS frequency
          FROM venture v CROSS JOIN cap_table_digest(p_venture, p_known_revision) d
        UNION ALL
        -- A policy's NULL terms: the seed's defaults, as the store reads a template (12/48/monthly).
        SELECT r.ord, NULL, NULL, NULL, NULL, NULL, NULL,
               r.id, r.holder_type, r.holder_id, r.percent, r.effective_from, r.effective_to, r.vesting_policy_id,
               u.display_name::text, p.venture_id, p.name::text,
               CASE WHEN p.id IS NOT NULL THEN coalesce(p.cliff_months, 12) END,
               CASE WHEN p.id IS NOT NULL THEN coalesce(p.duration_months, 48) END,
               CASE WHEN p.id IS NOT NULL THEN coalesce(p.frequency::text, 'monthly') END
          FROM cap_table_rows_on(p_venture, p_on) WITH ORDINALITY
                   AS r(id, holder_type, holder_id, percent, effective_from, effective_to, vesting_policy_id,
                        created_at, created_by, ord)
          LEFT JOIN users u ON u.id = r.holder_id
          LEFT JOIN vesting_policies p ON p.id = r.vesting_policy_id
         WHERE EXISTS (SELECT 1 FROM venture)
      ) x
     ORDER BY x.ord;
END
$$;

COMMENT ON FUNCTION cap_table_of_day(uuid, date, text) IS
    'A venture''s cap table of one date in one read (V30): a first row with the venture''s facts and the ledger''s digest, '
    'then the date''s rows with holder names and vesting terms; SECURITY INVOKER, so the caller''s row-level security applies.';
