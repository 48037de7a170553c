-- =====================================================================================
-- V3__platform_rules.sql — SmartStart back office: the platform rules in PostgreSQL
--
-- DOMAIN.md enforces every rule twice; this is the database half of BZ-1, BZ-2, BZ-3, BZ-6,
-- KY-5, KY-6, LG-1, LH-1 (release fields), LH-2, DS-1, DS-2, ID-1, ID-2 and the soft delete of
-- users and ventures, so that no client (the remote API, a second desktop, psql) can break them.
--
-- Conventions:
--  * A violation raises SQLSTATE 'SS' + family letter + two digits of the rule number
--    (BZ-1 -> SSB01, KY-5 -> SSK05, LG-1 -> SSG01, LH-2 -> SSH02, DS-2 -> SSD02, ID-1 -> SSI01 ...)
--    with a message '<RULE>: <sentence naming the objects and the figures>', so the Java side can
--    map it to the same rejection the domain policy gives.
--  * Soft delete is a data-model rule without a number in DOMAIN.md. Decided here: DELETE and
--    TRUNCATE on users and ventures raise SQLSTATE 'SSS01' with the message prefix 'SD-1:'
--    ("archive instead"), one code for both tables so the app maps one rejection.
--  * Checks about one row are BEFORE row triggers (they run before the table's CHECK constraints,
--    so the rule's own message wins). Checks spanning rows that a transaction must be able to write
--    in any order are DEFERRABLE INITIALLY DEFERRED constraint triggers, run at commit.
--  * Trigger functions are SECURITY DEFINER with the migration's search_path: the application role
--    works under row-level security and narrow grants, and a rule must see every row it depends on
--    (a hold on a venture the acting user cannot browse still blocks that venture).
--  * Trigger names start with a number: PostgreSQL fires same-event triggers in name order, and
--    cheap checks go before the one that takes a lock (BZ-3).
--  * Helper objects are prefixed rules_ (V2 and V4/V5 are written by others).
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- Helpers: how the messages name things
-- -------------------------------------------------------------------------------------
CREATE FUNCTION rules_user_name(p_user uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT COALESCE((SELECT display_name::text FROM users WHERE id = p_user),
                    'unknown user ' || COALESCE(p_user::text, '(none)'))
$$;

CREATE FUNCTION rules_venture_name(p_venture uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT COALESCE((SELECT name::text FROM ventures WHERE id = p_venture),
                    'unknown venture ' || COALESCE(p_venture::text, '(none)'))
$$;

CREATE FUNCTION rules_wallet_owner(p_wallet uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT COALESCE((SELECT u.display_name::text FROM user_wallets w JOIN users u ON u.id = w.user_id
                     WHERE w.id = p_wallet),
                    'unknown owner (wallet ' || COALESCE(p_wallet::text, '(none)') || ')')
$$;

CREATE FUNCTION rules_utc(p_ts timestamptz) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT to_char(p_ts AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')
$$;

-- The keys whose values differ between two row images, minus the ones an edit may change.
CREATE FUNCTION rules_changed_columns(p_old jsonb, p_new jsonb, p_allowed text[]) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(k, ', ' ORDER BY k)
    FROM (SELECT jsonb_object_keys(p_old) AS k UNION SELECT jsonb_object_keys(p_new)) keys
    WHERE NOT (k = ANY (p_allowed))
      AND (p_old -> k) IS DISTINCT FROM (p_new -> k)
$$;

-- =====================================================================================
-- BZ-1  Wallet balances never go below zero; every balance change is a buz_transaction; the
--       balance equals the sum of its transactions; writers are serialized by version.
--
-- The sign of an amount follows its type: earn and unlock credit (> 0); convert, redeem and lock
-- debit (< 0). A lock moves BUZ from the spendable balance into the locked balance, an unlock
-- moves it back. Hence, for every wallet:
--     buz_balance    =  SUM(amount) over all the wallet's transactions
--     locked_balance = -SUM(amount) over its lock and unlock transactions
-- The equality is checked at commit for every wallet touched by a transaction insert or a wallet
-- insert/update, so the application may write the transaction and the balance in either order.
-- A wallet update that changes a balance must raise version by exactly 1 (optimistic lock: the
-- writer read version n and writes n + 1 WHERE version = n; a concurrent writer then misses).
-- buz_transactions are append-only: corrections are new, compensating transactions.
-- =====================================================================================
CREATE FUNCTION rules_bz1_wallet_row() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.buz_balance IS NULL OR NEW.locked_balance IS NULL
       OR NEW.buz_balance < 0 OR NEW.locked_balance < 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'SSB01', MESSAGE = format(
            'BZ-1: The wallet of %s would hold %s BUZ with %s BUZ locked; balances never go below zero',
            rules_user_name(NEW.user_id), COALESCE(NEW.buz_balance::text, 'no'),
            COALESCE(NEW.locked_balance::text, 'no'));
    END IF;
    IF TG_OP = 'UPDATE'
       AND (NEW.buz_balance, NEW.locked_balance) IS DISTINCT FROM (OLD.buz_balance, OLD.locked_balance)
       AND NEW.version IS DISTINCT FROM COALESCE(OLD.version, 0) + 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'SSB01', MESSAGE = format(
            'BZ-1: The wallet of %s changed from %s to %s BUZ (locked %s to %s) but its version went from %s to %s; '
            'a balance change must raise the version by exactly 1 (optimistic lock)',
            rules_user_name(NEW.user_id), OLD.buz_balance, NEW.buz_balance, OLD.locked_balance,
            NEW.locked_balance, COALESCE(OLD.version::text, 'none'), COALESCE(NEW.version::text, 'none'));
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t10_bz1_wallet_row
    BEFORE INSERT OR UPDATE ON user_wallets
    FOR EACH ROW EXECUTE FUNCTION rules_bz1_wallet_row();

CREATE FUNCTION rules_bz1_amount_sign() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF (NEW.type IN ('earn', 'unlock') AND NEW.amount <= 0)
       OR (NEW.type IN ('convert', 'redeem', 'lock') AND NEW.amount >= 0) THEN
        RAISE EXCEPTION USING ERRCODE = 'SSB01', MESSAGE = format(
            'BZ-1: A %s of %s BUZ for the wallet of %s has the wrong sign: earn and unlock are positive, '
            'convert, redeem and lock negative',
            NEW.type, NEW.amount, rules_wallet_owner(NEW.wallet_id));
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t10_bz1_amount_sign
    BEFORE INSERT ON buz_transactions
    FOR EACH ROW EXECUTE FUNCTION rules_bz1_amount_sign();

CREATE FUNCTION rules_bz1_append_only() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        RAISE EXCEPTION USING ERRCODE = 'SSB01', MESSAGE =
            'BZ-1: BUZ transactions are append-only; TRUNCATE refused';
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'SSB01', MESSAGE = format(
        'BZ-1: BUZ transactions are append-only; %s of the %s of %s BUZ for the wallet of %s refused '
        '(write a compensating transaction instead)',
        TG_OP, OLD.type, OLD.amount, rules_wallet_owner(OLD.wallet_id));
END
$$;

CREATE TRIGGER t10_bz1_append_only
    BEFORE UPDATE OR DELETE ON buz_transactions
    FOR EACH ROW EXECUTE FUNCTION rules_bz1_append_only();
CREATE TRIGGER t10_bz1_no_truncate
    BEFORE TRUNCATE ON buz_transactions
    FOR EACH STATEMENT EXECUTE FUNCTION rules_bz1_append_only();

CREATE FUNCTION rules_bz1_check_wallet(p_wallet uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    w          record;
    sum_all    bigint;
    sum_locked bigint;
BEGIN
    IF p_wallet IS NULL THEN
        RETURN;
    END IF;
    SELECT buz_balance, locked_balance, user_id INTO w FROM user_wallets WHERE id = p_wallet;
    IF NOT FOUND THEN
        RETURN; -- the foreign key refuses transactions of a missing wallet
    END IF;
    SELECT COALESCE(SUM(amount), 0),
           COALESCE(-SUM(amount) FILTER (WHERE type IN ('lock', 'unlock')), 0)
      INTO sum_all, sum_locked
      FROM buz_transactions WHERE wallet_id = p_wallet;
    IF w.buz_balance IS DISTINCT FROM sum_all OR w.locked_balance IS DISTINCT FROM sum_locked THEN
        RAISE EXCEPTION USING ERRCODE = 'SSB01', MESSAGE = format(
            'BZ-1: The wallet of %s shows %s BUZ with %s BUZ locked, but its transactions add up to %s BUZ '
            'with %s BUZ locked; every balance change must be a BUZ transaction',
            rules_user_name(w.user_id), w.buz_balance, w.locked_balance, sum_all, sum_locked);
    END IF;
END
$$;

CREATE FUNCTION rules_bz1_balance_matches() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_TABLE_NAME = 'buz_transactions' THEN
        PERFORM rules_bz1_check_wallet(NEW.wallet_id);
    ELSE
        PERFORM rules_bz1_check_wallet(NEW.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER t90_bz1_balance_matches
    AFTER INSERT ON buz_transactions
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION rules_bz1_balance_matches();
CREATE CONSTRAINT TRIGGER t90_bz1_balance_matches
    AFTER INSERT OR UPDATE ON user_wallets
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION rules_bz1_balance_matches();

-- =====================================================================================
-- BZ-2  No BUZ transaction for a wallet whose user's kyc_status is not 'verified'.
-- =====================================================================================
CREATE FUNCTION rules_bz2_kyc_verified() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    u record;
BEGIN
    SELECT users.display_name, users.kyc_status INTO u
      FROM user_wallets JOIN users ON users.id = user_wallets.user_id
     WHERE user_wallets.id = NEW.wallet_id;
    IF NOT FOUND OR u.kyc_status IS DISTINCT FROM 'verified' THEN
        RAISE EXCEPTION USING ERRCODE = 'SSB02', MESSAGE = format(
            'BZ-2: %s is not KYC-verified (status %s); no BUZ transaction (%s of %s BUZ) for their wallet',
            COALESCE(u.display_name::text, rules_wallet_owner(NEW.wallet_id)),
            COALESCE(u.kyc_status::text, 'unknown'), NEW.type, NEW.amount);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t20_bz2_kyc_verified
    BEFORE INSERT ON buz_transactions
    FOR EACH ROW EXECUTE FUNCTION rules_bz2_kyc_verified();

-- =====================================================================================
-- BZ-6  While a hold with applies_to 'buz' or 'all' is active (released_at IS NULL) on the
--       venture, no BUZ transaction for that venture.
-- =====================================================================================
CREATE FUNCTION rules_bz6_no_active_hold() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    h record;
BEGIN
    SELECT applies_to, imposed_at, reason INTO h
      FROM legal_holds
     WHERE venture_id = NEW.venture_id AND applies_to IN ('buz', 'all') AND released_at IS NULL
     ORDER BY imposed_at
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'SSB06', MESSAGE = format(
            'BZ-6: %s is under a legal hold on %s since %s (%s); no BUZ transaction (%s of %s BUZ) may be written',
            rules_venture_name(NEW.venture_id), h.applies_to, rules_utc(h.imposed_at), h.reason,
            NEW.type, NEW.amount);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t30_bz6_no_active_hold
    BEFORE INSERT ON buz_transactions
    FOR EACH ROW EXECUTE FUNCTION rules_bz6_no_active_hold();

-- =====================================================================================
-- BZ-3  The 'earn' amounts of a venture in one calendar month (UTC, by created_at) total at most
--       the monthly_issue_cap of the venture's current issuance rule (replaced_at IS NULL).
--
-- Concurrency: the trigger locks the current rule row (FOR UPDATE) before summing, so two
-- transactions earning for the same venture take turns; under READ COMMITTED (the application's
-- level) the second one's sum is a new snapshot taken after the first committed, so both cannot
-- squeeze under the cap. (Under SERIALIZABLE the read/write dependency makes one fail with 40001
-- instead; REPEATABLE READ keeps its old snapshot and is not used for earning.)
-- =====================================================================================
CREATE FUNCTION rules_bz3_monthly_cap() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    rule        record;
    month_start timestamp;
    earned      bigint;
BEGIN
    IF NEW.type <> 'earn' THEN
        RETURN NEW;
    END IF;
    SELECT id, monthly_issue_cap INTO rule
      FROM buz_issuance_rules
     WHERE venture_id = NEW.venture_id AND replaced_at IS NULL
       FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'SSB03', MESSAGE = format(
            'BZ-3: %s has no BUZ issuance rule; %s BUZ cannot be earned',
            rules_venture_name(NEW.venture_id), NEW.amount);
    END IF;
    month_start := date_trunc('month', COALESCE(NEW.created_at, now()) AT TIME ZONE 'UTC');
    SELECT COALESCE(SUM(amount), 0) INTO earned
      FROM buz_transactions
     WHERE venture_id = NEW.venture_id AND type = 'earn'
       AND created_at >= month_start AT TIME ZONE 'UTC'
       AND created_at < (month_start + interval '1 month') AT TIME ZONE 'UTC';
    IF earned + NEW.amount > rule.monthly_issue_cap THEN
        RAISE EXCEPTION USING ERRCODE = 'SSB03', MESSAGE = format(
            'BZ-3: Earning %s BUZ would bring %s''s issuance in %s (UTC) to %s BUZ, above its monthly cap of %s BUZ '
            '(%s BUZ already earned)',
            NEW.amount, rules_venture_name(NEW.venture_id), to_char(month_start, 'YYYY-MM'),
            earned + NEW.amount, rule.monthly_issue_cap, earned);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t40_bz3_monthly_cap
    BEFORE INSERT ON buz_transactions
    FOR EACH ROW EXECUTE FUNCTION rules_bz3_monthly_cap();

-- =====================================================================================
-- KY-5  A role assignment needs the user's kyc_status 'verified' (on insert, and on an update
--       that would make a revoked assignment active again, which ID-2 refuses anyway).
-- =====================================================================================
CREATE FUNCTION rules_ky5_role_needs_kyc() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    status kyc_status;
BEGIN
    IF TG_OP = 'UPDATE' AND NOT (OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS NULL) THEN
        RETURN NEW;
    END IF;
    SELECT kyc_status INTO status FROM users WHERE id = NEW.user_id;
    IF status IS DISTINCT FROM 'verified' THEN
        RAISE EXCEPTION USING ERRCODE = 'SSK05', MESSAGE = format(
            'KY-5: %s is not KYC-verified (status %s); the role %s %s cannot be assigned',
            rules_user_name(NEW.user_id), COALESCE(status::text, 'unknown'), NEW.role,
            CASE WHEN NEW.venture_id IS NULL THEN 'on the platform'
                 ELSE 'on ' || rules_venture_name(NEW.venture_id) END);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t10_ky5_role_needs_kyc
    BEFORE INSERT OR UPDATE ON role_assignments
    FOR EACH ROW EXECUTE FUNCTION rules_ky5_role_needs_kyc();

-- =====================================================================================
-- ID-2  Roles per venture ('venture' scope, venture_id set) or global ('global' scope, no
--       venture). One active (revoked_at IS NULL) assignment per (user, venture, role); the
--       partial unique index idx_role_assignments_unique stays as the backstop for races.
--       Revoked assignments stay as history: never deleted; the only update is revoking
--       (revoked_at from NULL to a time, with revoked_by and revoke_reason; version may move).
-- =====================================================================================
CREATE FUNCTION rules_id2_role_assignment() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    changed  text;
    existing record;
    target   text;
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        RAISE EXCEPTION USING ERRCODE = 'SSI02', MESSAGE =
            'ID-2: Role assignments stay as history; TRUNCATE refused (revoke instead)';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION USING ERRCODE = 'SSI02', MESSAGE = format(
            'ID-2: The %s role of %s %s stays as history and is never deleted; revoke it instead',
            OLD.role, rules_user_name(OLD.user_id),
            CASE WHEN OLD.venture_id IS NULL THEN 'on the platform' ELSE 'on ' || rules_venture_name(OLD.venture_id) END);
    END IF;
    target := CASE WHEN NEW.venture_id IS NULL THEN 'on the platform' ELSE 'on ' || rules_venture_name(NEW.venture_id) END;
    IF TG_OP = 'UPDATE' THEN
        changed := rules_changed_columns(to_jsonb(OLD), to_jsonb(NEW),
                                         ARRAY['revoked_at', 'revoked_by', 'revoke_reason', 'version']);
        IF OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL OR changed IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'SSI02', MESSAGE = format(
                'ID-2: The %s role of %s %s can only be revoked once, nothing else edited (%s)',
                OLD.role, rules_user_name(OLD.user_id), target,
                CASE WHEN OLD.revoked_at IS NOT NULL THEN 'it was revoked on ' || rules_utc(OLD.revoked_at)
                     WHEN changed IS NOT NULL THEN 'changed: ' || changed
                     ELSE 'revoked_at must be set' END);
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.role IS NULL OR NEW.user_id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SSI02', MESSAGE = format(
            'ID-2: A role assignment names a user and a role (user %s, role %s)',
            COALESCE(NEW.user_id::text, 'none'), COALESCE(NEW.role::text, 'none'));
    END IF;
    IF (NEW.scope = 'global') <> (NEW.venture_id IS NULL) OR NEW.scope IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SSI02', MESSAGE = format(
            'ID-2: The %s role of %s has scope %s but %s; a global role has no venture, a venture role has one',
            NEW.role, rules_user_name(NEW.user_id), COALESCE(NEW.scope::text, 'none'),
            CASE WHEN NEW.venture_id IS NULL THEN 'no venture' ELSE 'venture ' || rules_venture_name(NEW.venture_id) END);
    END IF;
    IF NEW.revoked_at IS NULL THEN
        SELECT granted_at INTO existing
          FROM role_assignments
         WHERE user_id = NEW.user_id AND venture_id IS NOT DISTINCT FROM NEW.venture_id
           AND role = NEW.role AND revoked_at IS NULL AND id <> NEW.id
         LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'SSI02', MESSAGE = format(
                'ID-2: %s already holds the %s role %s (granted %s); one active assignment per user, venture and role',
                rules_user_name(NEW.user_id), NEW.role, target, COALESCE(rules_utc(existing.granted_at), 'at an unknown time'));
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t20_id2_role_assignment
    BEFORE INSERT OR UPDATE OR DELETE ON role_assignments
    FOR EACH ROW EXECUTE FUNCTION rules_id2_role_assignment();
CREATE TRIGGER t20_id2_no_truncate
    BEFORE TRUNCATE ON role_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION rules_id2_role_assignment();

-- =====================================================================================
-- KY-6  A venture becomes 'active' (inserted active, or updated to active) only with a verified
--       'articles_of_inc' and a verified 'tax_id' KYB document of its own.
-- =====================================================================================
CREATE FUNCTION rules_ky6_active_needs_kyb() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    missing text;
BEGIN
    IF NEW.status IS DISTINCT FROM 'active'
       OR (TG_OP = 'UPDATE' AND OLD.status = 'active') THEN
        RETURN NEW;
    END IF;
    SELECT string_agg(needed::text, ' and ' ORDER BY needed) INTO missing
      FROM unnest(ARRAY['articles_of_inc', 'tax_id']::kyb_doc_type[]) AS needed
     WHERE NOT EXISTS (SELECT 1 FROM kyb_documents d
                        WHERE d.venture_id = NEW.id AND d.doc_type = needed AND d.status = 'verified');
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SSK06', MESSAGE = format(
            'KY-6: %s cannot become active: no verified %s KYB document',
            NEW.name, missing);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t10_ky6_active_needs_kyb
    BEFORE INSERT OR UPDATE ON ventures
    FOR EACH ROW EXECUTE FUNCTION rules_ky6_active_needs_kyb();

-- =====================================================================================
-- LG-1  A task becomes 'approved' only if its assignee has a signed 'contributor' contract for
--       that venture: contracts.type = 'contributor', same venture, signed_at set, and signers
--       (JSONB array of {user_id, name, email, signed_at}) holds an element for the assignee.
--       Also checked when an approved task changes assignee or venture.
-- =====================================================================================
CREATE FUNCTION rules_lg1_approval_needs_contract() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM 'approved'
       OR (TG_OP = 'UPDATE' AND OLD.status = 'approved'
           AND OLD.assignee_user_id IS NOT DISTINCT FROM NEW.assignee_user_id
           AND OLD.venture_id IS NOT DISTINCT FROM NEW.venture_id) THEN
        RETURN NEW;
    END IF;
    IF NEW.assignee_user_id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SSG01', MESSAGE = format(
            'LG-1: Task "%s" of %s cannot be approved: it has no assignee with a signed contributor contract',
            NEW.title, rules_venture_name(NEW.venture_id));
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM contracts c
         WHERE c.venture_id = NEW.venture_id AND c.type = 'contributor' AND c.signed_at IS NOT NULL
           AND jsonb_typeof(c.signers) = 'array'
           AND EXISTS (SELECT 1 FROM jsonb_array_elements(c.signers) s
                        WHERE s ->> 'user_id' = NEW.assignee_user_id::text)) THEN
        RAISE EXCEPTION USING ERRCODE = 'SSG01', MESSAGE = format(
            'LG-1: Task "%s" of %s cannot be approved: its assignee %s has no signed contributor contract for %s',
            NEW.title, rules_venture_name(NEW.venture_id), rules_user_name(NEW.assignee_user_id),
            rules_venture_name(NEW.venture_id));
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t10_lg1_approval_needs_contract
    BEFORE INSERT OR UPDATE ON tasks
    FOR EACH ROW EXECUTE FUNCTION rules_lg1_approval_needs_contract();

-- =====================================================================================
-- LH-1 / LH-2  A legal hold is never deleted or edited, only released, once: released_at from
--       NULL to a time together with released_by_user_id and a non-blank release_reason; every
--       other column unchanged (version may move). Who may impose or release (compliance) is a
--       privilege matter for the application role's migration.
-- =====================================================================================
CREATE FUNCTION rules_lh2_hold_only_released() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    changed text;
    hold    text;
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        RAISE EXCEPTION USING ERRCODE = 'SSH02', MESSAGE =
            'LH-2: Legal holds are never deleted, only released; TRUNCATE refused';
    END IF;
    hold := format('the %s legal hold on %s imposed %s', OLD.applies_to, rules_venture_name(OLD.venture_id),
                   COALESCE(rules_utc(OLD.imposed_at), 'at an unknown time'));
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION USING ERRCODE = 'SSH02', MESSAGE = format(
            'LH-2: %s is never deleted; release it instead', hold);
    END IF;
    changed := rules_changed_columns(to_jsonb(OLD), to_jsonb(NEW),
                                     ARRAY['released_at', 'released_by_user_id', 'release_reason', 'version']);
    IF OLD.released_at IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SSH02', MESSAGE = format(
            'LH-2: %s was released on %s and is never edited again', hold, rules_utc(OLD.released_at));
    END IF;
    IF changed IS NOT NULL OR NEW.released_at IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SSH02', MESSAGE = format(
            'LH-2: %s is never edited, only released (%s)', hold,
            COALESCE('changed: ' || changed, 'released_at must be set'));
    END IF;
    IF NEW.released_by_user_id IS NULL OR NULLIF(btrim(NEW.release_reason), '') IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SSH01', MESSAGE = format(
            'LH-1: Releasing %s needs a release reason and who released it (reason: %s, released by: %s)',
            hold, COALESCE(NULLIF(btrim(NEW.release_reason), ''), 'none'),
            CASE WHEN NEW.released_by_user_id IS NULL THEN 'nobody' ELSE rules_user_name(NEW.released_by_user_id) END);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t10_lh2_hold_only_released
    BEFORE UPDATE OR DELETE ON legal_holds
    FOR EACH ROW EXECUTE FUNCTION rules_lh2_hold_only_released();
CREATE TRIGGER t10_lh2_no_truncate
    BEFORE TRUNCATE ON legal_holds
    FOR EACH STATEMENT EXECUTE FUNCTION rules_lh2_hold_only_released();

-- =====================================================================================
-- DS-2  disputes.object_type/object_id name an existing row of the dispute's venture:
--       task -> tasks, review -> reviews (venture of its task), buz_tx -> buz_transactions,
--       equity -> equity_ledger. The disputed rows cannot be deleted while a dispute names them.
-- =====================================================================================
CREATE FUNCTION rules_ds2_dispute_object() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    found_it       boolean;
    object_venture uuid;
BEGIN
    IF TG_OP = 'UPDATE'
       AND (OLD.object_type, OLD.object_id, OLD.venture_id) IS NOT DISTINCT FROM
           (NEW.object_type, NEW.object_id, NEW.venture_id) THEN
        RETURN NEW;
    END IF;
    CASE NEW.object_type
        WHEN 'task' THEN
            SELECT true, venture_id INTO found_it, object_venture FROM tasks WHERE id = NEW.object_id;
        WHEN 'review' THEN
            SELECT true, t.venture_id INTO found_it, object_venture
              FROM reviews r LEFT JOIN tasks t ON t.id = r.task_id WHERE r.id = NEW.object_id;
        WHEN 'buz_tx' THEN
            SELECT true, venture_id INTO found_it, object_venture FROM buz_transactions WHERE id = NEW.object_id;
        WHEN 'equity' THEN
            SELECT true, venture_id INTO found_it, object_venture FROM equity_ledger WHERE id = NEW.object_id;
    END CASE;
    IF found_it IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD02', MESSAGE = format(
            'DS-2: The dispute on %s names %s %s, which does not exist',
            rules_venture_name(NEW.venture_id), NEW.object_type, NEW.object_id);
    END IF;
    IF object_venture IS DISTINCT FROM NEW.venture_id THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD02', MESSAGE = format(
            'DS-2: The dispute on %s names %s %s, which belongs to %s',
            rules_venture_name(NEW.venture_id), NEW.object_type, NEW.object_id,
            CASE WHEN object_venture IS NULL THEN 'no venture' ELSE rules_venture_name(object_venture) END);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t20_ds2_dispute_object
    BEFORE INSERT OR UPDATE ON disputes
    FOR EACH ROW EXECUTE FUNCTION rules_ds2_dispute_object();

-- TG_ARGV[0]: the dispute_object_type the table stands for.
CREATE FUNCTION rules_ds2_keep_disputed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    d record;
BEGIN
    SELECT venture_id, status INTO d FROM disputes
     WHERE object_type = TG_ARGV[0]::dispute_object_type AND object_id = OLD.id
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD02', MESSAGE = format(
            'DS-2: %s %s is named by a dispute (%s) on %s and cannot be deleted',
            TG_ARGV[0], OLD.id, d.status, rules_venture_name(d.venture_id));
    END IF;
    RETURN OLD;
END
$$;

CREATE TRIGGER t20_ds2_keep_disputed BEFORE DELETE ON tasks
    FOR EACH ROW EXECUTE FUNCTION rules_ds2_keep_disputed('task');
CREATE TRIGGER t20_ds2_keep_disputed BEFORE DELETE ON reviews
    FOR EACH ROW EXECUTE FUNCTION rules_ds2_keep_disputed('review');
CREATE TRIGGER t20_ds2_keep_disputed BEFORE DELETE ON equity_ledger
    FOR EACH ROW EXECUTE FUNCTION rules_ds2_keep_disputed('equity');

-- =====================================================================================
-- DS-1  A dispute is raised 'open' and moves open -> in_review -> resolved | rejected; one
--       appeal (resolved/rejected -> in_review) raises appeal_count from 0 to 1. Deciding (to
--       resolved or rejected) needs a non-blank resolution and a decider (decided_by) other than
--       the person who raised it.
-- =====================================================================================
CREATE FUNCTION rules_ds1_dispute_workflow() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    from_status dispute_status;
    appeal      boolean;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status IS DISTINCT FROM 'open' OR NEW.appeal_count <> 0 THEN
            RAISE EXCEPTION USING ERRCODE = 'SSD01', MESSAGE = format(
                'DS-1: A dispute on %s is raised open with no appeal, not %s with %s appeal(s)',
                rules_venture_name(NEW.venture_id), COALESCE(NEW.status::text, 'no status'), NEW.appeal_count);
        END IF;
        RETURN NEW;
    END IF;
    from_status := OLD.status;
    appeal := from_status IN ('resolved', 'rejected') AND NEW.status = 'in_review';
    IF NEW.status IS DISTINCT FROM from_status THEN
        IF NOT ((from_status = 'open' AND NEW.status = 'in_review')
                OR (from_status = 'in_review' AND NEW.status IN ('resolved', 'rejected'))
                OR appeal) THEN
            RAISE EXCEPTION USING ERRCODE = 'SSD01', MESSAGE = format(
                'DS-1: The dispute on %s cannot move from %s to %s (open -> in_review -> resolved or rejected)',
                rules_venture_name(NEW.venture_id), from_status, COALESCE(NEW.status::text, 'no status'));
        END IF;
    END IF;
    IF appeal THEN
        IF OLD.appeal_count >= 1 OR NEW.appeal_count IS DISTINCT FROM OLD.appeal_count + 1 THEN
            RAISE EXCEPTION USING ERRCODE = 'SSD01', MESSAGE = format(
                'DS-1: The dispute on %s allows one appeal; it has had %s, and an appeal must set appeal_count to %s (not %s)',
                rules_venture_name(NEW.venture_id), OLD.appeal_count, OLD.appeal_count + 1, NEW.appeal_count);
        END IF;
    ELSIF NEW.appeal_count IS DISTINCT FROM OLD.appeal_count THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD01', MESSAGE = format(
            'DS-1: The dispute on %s changes appeal_count from %s to %s without an appeal',
            rules_venture_name(NEW.venture_id), OLD.appeal_count, NEW.appeal_count);
    END IF;
    IF NEW.status IN ('resolved', 'rejected') AND NEW.status IS DISTINCT FROM from_status THEN
        IF NULLIF(btrim(NEW.resolution), '') IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'SSD01', MESSAGE = format(
                'DS-1: The dispute on %s cannot be %s without a resolution text',
                rules_venture_name(NEW.venture_id), NEW.status);
        END IF;
        IF NEW.decided_by IS NULL OR NEW.decided_by = NEW.raised_by_user_id THEN
            RAISE EXCEPTION USING ERRCODE = 'SSD01', MESSAGE = format(
                'DS-1: The dispute on %s raised by %s cannot be %s by %s; it needs a decider other than the person who raised it',
                rules_venture_name(NEW.venture_id), rules_user_name(NEW.raised_by_user_id), NEW.status,
                CASE WHEN NEW.decided_by IS NULL THEN 'nobody' ELSE rules_user_name(NEW.decided_by) END);
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t10_ds1_dispute_workflow
    BEFORE INSERT OR UPDATE ON disputes
    FOR EACH ROW EXECUTE FUNCTION rules_ds1_dispute_workflow();

-- =====================================================================================
-- ID-1  e-mail unique ignoring case (the unique index on lower(email) stays as the backstop for
--       concurrent inserts); display_name non-blank and at most 80 characters (varchar(80) refuses
--       longer values itself, before any trigger); trust_score 0..100; country_code an ISO 3166-1
--       alpha-2 code in upper case, or NULL.
-- =====================================================================================
-- The 249 officially assigned ISO 3166-1 alpha-2 codes (2024), read by the rule and the screens.
CREATE TABLE iso_country_codes (
    code char(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$')
);
INSERT INTO iso_country_codes (code) VALUES
    ('AD'), ('AE'), ('AF'), ('AG'), ('AI'), ('AL'), ('AM'), ('AO'), ('AQ'), ('AR'), ('AS'), ('AT'), ('AU'), ('AW'), ('AX'), ('AZ'),
    ('BA'), ('BB'), ('BD'), ('BE'), ('BF'), ('BG'), ('BH'), ('BI'), ('BJ'), ('BL'), ('BM'), ('BN'), ('BO'), ('BQ'), ('BR'), ('BS'),
    ('BT'), ('BV'), ('BW'), ('BY'), ('BZ'), ('CA'), ('CC'), ('CD'), ('CF'), ('CG'), ('CH'), ('CI'), ('CK'), ('CL'), ('CM'), ('CN'),
    ('CO'), ('CR'), ('CU'), ('CV'), ('CW'), ('CX'), ('CY'), ('CZ'), ('DE'), ('DJ'), ('DK'), ('DM'), ('DO'), ('DZ'), ('EC'), ('EE'),
    ('EG'), ('EH'), ('ER'), ('ES'), ('ET'), ('FI'), ('FJ'), ('FK'), ('FM'), ('FO'), ('FR'), ('GA'), ('GB'), ('GD'), ('GE'), ('GF'),
    ('GG'), ('GH'), ('GI'), ('GL'), ('GM'), ('GN'), ('GP'), ('GQ'), ('GR'), ('GS'), ('GT'), ('GU'), ('GW'), ('GY'), ('HK'), ('HM'),
    ('HN'), ('HR'), ('HT'), ('HU'), ('ID'), ('IE'), ('IL'), ('IM'), ('IN'), ('IO'), ('IQ'), ('IR'), ('IS'), ('IT'), ('JE'), ('JM'),
    ('JO'), ('JP'), ('KE'), ('KG'), ('KH'), ('KI'), ('KM'), ('KN'), ('KP'), ('KR'), ('KW'), ('KY'), ('KZ'), ('LA'), ('LB'), ('LC'),
    ('LI'), ('LK'), ('LR'), ('LS'), ('LT'), ('LU'), ('LV'), ('LY'), ('MA'), ('MC'), ('MD'), ('ME'), ('MF'), ('MG'), ('MH'), ('MK'),
    ('ML'), ('MM'), ('MN'), ('MO'), ('MP'), ('MQ'), ('MR'), ('MS'), ('MT'), ('MU'), ('MV'), ('MW'), ('MX'), ('MY'), ('MZ'), ('NA'),
    ('NC'), ('NE'), ('NF'), ('NG'), ('NI'), ('NL'), ('NO'), ('NP'), ('NR'), ('NU'), ('NZ'), ('OM'), ('PA'), ('PE'), ('PF'), ('PG'),
    ('PH'), ('PK'), ('PL'), ('PM'), ('PN'), ('PR'), ('PS'), ('PT'), ('PW'), ('PY'), ('QA'), ('RE'), ('RO'), ('RS'), ('RU'), ('RW'),
    ('SA'), ('SB'), ('SC'), ('SD'), ('SE'), ('SG'), ('SH'), ('SI'), ('SJ'), ('SK'), ('SL'), ('SM'), ('SN'), ('SO'), ('SR'), ('SS'),
    ('ST'), ('SV'), ('SX'), ('SY'), ('SZ'), ('TC'), ('TD'), ('TF'), ('TG'), ('TH'), ('TJ'), ('TK'), ('TL'), ('TM'), ('TN'), ('TO'),
    ('TR'), ('TT'), ('TV'), ('TW'), ('TZ'), ('UA'), ('UG'), ('UM'), ('US'), ('UY'), ('UZ'), ('VA'), ('VC'), ('VE'), ('VG'), ('VI'),
    ('VN'), ('VU'), ('WF'), ('WS'), ('YE'), ('YT'), ('ZA'), ('ZM'), ('ZW');

CREATE FUNCTION rules_id1_user_identity() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    other record;
BEGIN
    IF NEW.email IS NOT NULL
       AND (TG_OP = 'INSERT' OR lower(NEW.email) IS DISTINCT FROM lower(OLD.email)) THEN
        SELECT display_name INTO other FROM users WHERE lower(email) = lower(NEW.email) AND id <> NEW.id LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'SSI01', MESSAGE = format(
                'ID-1: The e-mail address %s is already used by %s (e-mail addresses are unique ignoring case)',
                NEW.email, other.display_name);
        END IF;
    END IF;
    IF NEW.display_name IS NULL OR btrim(NEW.display_name) = '' OR char_length(NEW.display_name) > 80 THEN
        RAISE EXCEPTION USING ERRCODE = 'SSI01', MESSAGE = format(
            'ID-1: The user %s needs a display name of 1 to 80 characters, not "%s"',
            COALESCE(NEW.email::text, NEW.id::text), COALESCE(NEW.display_name::text, ''));
    END IF;
    IF NEW.trust_score < 0 OR NEW.trust_score > 100 THEN
        RAISE EXCEPTION USING ERRCODE = 'SSI01', MESSAGE = format(
            'ID-1: The trust score of %s must lie between 0 and 100, not %s',
            NEW.display_name, to_char(NEW.trust_score, 'FM999999990.00'));
    END IF;
    IF NEW.country_code IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM iso_country_codes WHERE code = NEW.country_code) THEN
        RAISE EXCEPTION USING ERRCODE = 'SSI01', MESSAGE = format(
            'ID-1: The country code "%s" of %s is not an ISO 3166-1 alpha-2 code (two upper-case letters such as CA, US, DE)',
            NEW.country_code, NEW.display_name);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t10_id1_user_identity
    BEFORE INSERT OR UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION rules_id1_user_identity();

-- =====================================================================================
-- Soft delete (DOMAIN.md "Data model"): users and ventures are archived (archived_at), never
-- deleted, so history (ledger, audit, disputes) keeps naming them. SQLSTATE SSS01, prefix SD-1.
-- =====================================================================================
CREATE FUNCTION rules_sd1_archive_instead() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        RAISE EXCEPTION USING ERRCODE = 'SSS01', MESSAGE = format(
            'SD-1: %s are never deleted; TRUNCATE refused (archive instead: set archived_at)', TG_TABLE_NAME);
    END IF;
    IF TG_TABLE_NAME = 'users' THEN
        RAISE EXCEPTION USING ERRCODE = 'SSS01', MESSAGE = format(
            'SD-1: The user %s <%s> is never deleted; archive it instead (set archived_at)',
            OLD.display_name, OLD.email);
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'SSS01', MESSAGE = format(
        'SD-1: The venture %s is never deleted; archive it instead (set archived_at)', OLD.name);
END
$$;

CREATE TRIGGER t00_sd1_archive_instead BEFORE DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION rules_sd1_archive_instead();
CREATE TRIGGER t00_sd1_no_truncate BEFORE TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION rules_sd1_archive_instead();
CREATE TRIGGER t00_sd1_archive_instead BEFORE DELETE ON ventures
    FOR EACH ROW EXECUTE FUNCTION rules_sd1_archive_instead();
CREATE TRIGGER t00_sd1_no_truncate BEFORE TRUNCATE ON ventures
    FOR EACH STATEMENT EXECUTE FUNCTION rules_sd1_archive_instead();
