-- =====================================================================================
-- V18__vesting_policies_per_venture.sql — vesting policies a venture's owner creates (EQ-6, ID-3, ID-5)
--
-- The seed's vesting_policies are platform-wide templates. Owners now define their own policies for
-- their venture, so a policy gets the venture it belongs to (NULL: a platform template every venture
-- may use, as before) and who created it when.
--
-- What the database holds on to, whoever writes:
--  * shape (CHECK vesting_policies_terms): a non-blank name of at most 80 characters, a cliff of 0..120
--    months, a duration of 1..120 months, a cliff no longer than the duration. NULL terms stay allowed
--    for the seed-shaped template rows (the readers fall back to the seed's defaults 12/48/monthly);
--    a venture's own policy has every term (CHECK vesting_policies_venture_terms).
--  * names are unique per venture, ignoring case, so an owner picking "4y/1y" knows which one it is.
--  * terms are never rewritten (EQ-5's spirit for EQ-6): ledger rows vest by them on every past date,
--    so changing a cliff would silently rewrite history. A different schedule is a new policy.
--  * a ledger row may only vest by a template or by a policy of its own venture (SSE06, EQ-6).
--  * ID-3: a venture's policy is written by its owner or a global admin; a template by a global admin.
--  * ID-5: a venture's policies are read by whoever may read that venture (templates by everyone).
-- =====================================================================================

ALTER TABLE vesting_policies
    ADD COLUMN venture_id uuid NULL REFERENCES ventures (id) ON DELETE RESTRICT,
    ADD COLUMN created_at timestamptz NULL DEFAULT now(),
    ADD COLUMN created_by uuid NULL REFERENCES users (id) ON DELETE RESTRICT;

ALTER TABLE vesting_policies
    ADD CONSTRAINT vesting_policies_terms CHECK (
        length(btrim(name)) BETWEEN 1 AND 80
        AND cliff_months BETWEEN 0 AND 120
        AND duration_months BETWEEN 1 AND 120
        AND cliff_months <= duration_months),
    ADD CONSTRAINT vesting_policies_venture_terms CHECK (
        venture_id IS NULL OR (cliff_months IS NOT NULL AND duration_months IS NOT NULL AND frequency IS NOT NULL));

CREATE UNIQUE INDEX uq_vesting_policies_venture_name ON vesting_policies (venture_id, lower(btrim(name)))
    WHERE venture_id IS NOT NULL;
CREATE INDEX idx_vesting_policies_venture ON vesting_policies (venture_id);

-- Terms and owner of a policy are fixed once written; only its name (a label) may be corrected.
CREATE FUNCTION rules_eq6_policy_terms_fixed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.cliff_months IS DISTINCT FROM OLD.cliff_months
       OR NEW.duration_months IS DISTINCT FROM OLD.duration_months
       OR NEW.frequency IS DISTINCT FROM OLD.frequency
       OR NEW.venture_id IS DISTINCT FROM OLD.venture_id THEN
        RAISE EXCEPTION USING ERRCODE = 'SSE06', MESSAGE = format(
            'EQ-6: the terms of vesting policy "%s" are fixed once written (ledger rows vest by them on every past date); create a new policy instead',
            OLD.name);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t10_eq6_policy_terms_fixed
    BEFORE UPDATE ON vesting_policies
    FOR EACH ROW EXECUTE FUNCTION rules_eq6_policy_terms_fixed();

-- A ledger row vests by a template or by a policy of its own venture.
CREATE FUNCTION rules_eq6_policy_of_the_venture() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    policy_venture uuid;
    policy_name    text;
BEGIN
    IF NEW.vesting_policy_id IS NULL
       OR (TG_OP = 'UPDATE' AND NEW.vesting_policy_id IS NOT DISTINCT FROM OLD.vesting_policy_id
           AND NEW.venture_id IS NOT DISTINCT FROM OLD.venture_id) THEN
        RETURN NEW;
    END IF;
    SELECT venture_id, name INTO policy_venture, policy_name FROM vesting_policies WHERE id = NEW.vesting_policy_id;
    IF policy_venture IS NOT NULL AND policy_venture IS DISTINCT FROM NEW.venture_id THEN
        RAISE EXCEPTION USING ERRCODE = 'SSE06', MESSAGE = format(
            'EQ-6: vesting policy "%s" belongs to %s; a row of %s may vest only by its own venture''s policies or a platform template',
            policy_name, rules_venture_name(policy_venture), rules_venture_name(NEW.venture_id));
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t20_eq6_policy_of_the_venture
    BEFORE INSERT OR UPDATE ON equity_ledger
    FOR EACH ROW EXECUTE FUNCTION rules_eq6_policy_of_the_venture();

-- ID-3: a venture's policies are part of editing its cap table.
CREATE FUNCTION rules_id3_vesting_policy_writer() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF rules_id5_is_system() OR rules_id5_has_global_role('admin')
       OR (NEW.venture_id IS NOT NULL AND rules_id5_has_venture_role(NEW.venture_id, 'owner')) THEN
        RETURN NEW;
    END IF;
    PERFORM rules_id3_refuse(
        CASE WHEN NEW.venture_id IS NULL THEN format('write the platform vesting template "%s"', NEW.name)
             ELSE format('write vesting policy "%s" of %s', NEW.name, rules_venture_name(NEW.venture_id)) END,
        CASE WHEN NEW.venture_id IS NULL THEN 'the global admin role'
             ELSE 'the owner role on that venture or the global admin role' END);
    RETURN NEW;
END
$$;

CREATE TRIGGER t90_id3_vesting_policy_writer
    BEFORE INSERT OR UPDATE ON vesting_policies
    FOR EACH ROW EXECUTE FUNCTION rules_id3_vesting_policy_writer();

-- ID-5: templates are for everyone, a venture's own policies for those who may read the venture
-- (including someone holding a row that vests by it).
ALTER TABLE vesting_policies ENABLE ROW LEVEL SECURITY;
CREATE POLICY id5_read ON vesting_policies FOR SELECT TO backoffice_app
    USING (venture_id IS NULL OR rules_id5_can_read_venture(venture_id) OR rules_id5_takes_part_in(venture_id));
CREATE POLICY id5_insert ON vesting_policies FOR INSERT TO backoffice_app
    WITH CHECK (venture_id IS NULL OR rules_id5_can_read_venture(venture_id));
CREATE POLICY id5_update ON vesting_policies FOR UPDATE TO backoffice_app
    USING (venture_id IS NULL OR rules_id5_can_read_venture(venture_id));

COMMENT ON COLUMN vesting_policies.venture_id IS 'The venture whose owner defined the policy; NULL: a platform template (V18).';

-- -------------------------------------------------------------------------------------
-- ID-5 for reading a whole ledger at once. The row policies on equity_ledger ask who may read the venture
-- once per row; on a ledger of 10,000 rows that was 0.8 s of every cap table read (bench/RESULTS.md,
-- issue 4). This asks once per read and then applies the same two policies: everything to whoever may
-- read the venture (rules_id5_can_read_venture), only their own rows to a holder who merely takes part.
-- -------------------------------------------------------------------------------------
CREATE FUNCTION cap_table_ledger(p_venture uuid)
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
         WHERE l.venture_id = p_venture AND (whole OR l.holder_id = reader)
         ORDER BY l.effective_from, l.created_at, l.id;
END
$$;

-- The cap table on one date needs only that date's rows, plus the ledger's revision and change dates,
-- which PostgreSQL works out without sending 10,000 rows over the wire. The revision is
-- CapTable.revisionOf's: "<rows>-<closed rows>-<first 8 bytes of sha256 of 'id:effective_to;' by id, hex>".
CREATE FUNCTION cap_table_rows_on(p_venture uuid, p_on date)
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
         WHERE l.venture_id = p_venture AND l.effective_from <= p_on AND (l.effective_to IS NULL OR l.effective_to >= p_on)
           AND (whole OR l.holder_id = reader)
         ORDER BY l.effective_from, l.created_at, l.id;
END
$$;

CREATE FUNCTION cap_table_digest(p_venture uuid, OUT revision text, OUT change_dates date[])
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    whole boolean := rules_id5_can_read_venture(p_venture);
    reader uuid := rules_id5_current_user();
BEGIN
    SELECT count(*) || '-' || count(l.effective_to) || '-'
               || substr(encode(sha256(convert_to(coalesce(string_agg(l.id::text || ':'
                      || coalesce(to_char(l.effective_to, 'YYYY-MM-DD'), 'null') || ';', '' ORDER BY l.id), ''), 'UTF8')), 'hex'), 1, 16),
           coalesce((SELECT array_agg(DISTINCT d ORDER BY d)
                       FROM equity_ledger x
                      CROSS JOIN LATERAL (VALUES (x.effective_from), (x.effective_to + 1)) AS c(d)
                      WHERE x.venture_id = p_venture AND c.d IS NOT NULL AND (whole OR x.holder_id = reader)), '{}')
      INTO revision, change_dates
      FROM equity_ledger l
     WHERE l.venture_id = p_venture AND (whole OR l.holder_id = reader);
END
$$;
