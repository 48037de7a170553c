-- =====================================================================================
-- V14__row_level_security.sql — ID-5 (row-level security) and ID-3 (who may do what) in PostgreSQL
--
-- Every application transaction runs as backoffice_app with app.current_user_id set to the acting
-- user (Transactions.actAs); an empty or unset app.current_user_id is the system itself (the audit
-- sealer, sign-in, the demo loader), which sees and may do everything.
--
-- ID-5, row-level security:
--  * Venture data (ventures and every table keyed by a venture) is visible to the venture's owner
--    (ventures.owner_user_id or an active owner assignment), its contributors and reviewers, to the
--    global staff (admin, compliance, support) and to the system. Someone who only takes part in a
--    venture (an assigned task, a review, BUZ earned, a holding, a dispute) sees that venture's row
--    and their own rows in it, nothing else of it.
--  * A person's own data (wallet, KYC documents, sessions, credentials, devices, skills) is visible to
--    that person, to the global staff and to the system. Venture owners also see wallets, because they
--    issue, redeem and convert the BUZ of the people working on their ventures (BZ-3, BZ-4).
--  * ENABLE, not FORCE: the schema owner (migrations, test fixtures, SECURITY DEFINER rule triggers)
--    keeps seeing every row, so no rule can be blinded by a policy.
--  * Writes are allowed on the rows the acting user can see; what they may do with them is ID-3's
--    business, checked by the t90_id3_ triggers below (a clear SSI03 sentence instead of a silent
--    policy refusal). INSERT policies are deliberately no stricter than "can read that venture".
--  * Not covered on purpose: users (names appear on every cap table, dispute and audit entry; contact
--    data in the audit is tokenized), audit_log/audit_outbox (the chain is verified by replaying every
--    entry, and who browses which entries is AuditAccess's business), and reference tables
--    (vesting_policies, skills, badges, iso_country_codes, document_blobs addressed by sha256).
--
-- ID-3, the matrix in the database (SQLSTATE SSI03, message 'ID-3: ...' naming user, action and the
-- roles needed): ledger and conversion writes need the venture's owner or a global admin; legal hold
-- writes a global compliance officer; role assignments a global admin; KYC/KYB decisions (and the
-- derived users.kyc_status) a global compliance officer; opening accounts for others a global admin, editing a
-- profile the person or an admin. Trigger names start with t90_id3_ so they
-- fire after every rule trigger of the same table (BEFORE triggers fire in name order): a write that
-- breaks a business rule keeps getting that rule's SQLSTATE.
--
-- Helpers are rules_id5_*: SECURITY DEFINER with a fixed search_path where they read role tables (so a
-- policy on role_assignments or ventures never recurses into itself), STABLE (one answer per statement).
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- Who acts
-- -------------------------------------------------------------------------------------
-- The acting user, or NULL for the system (empty or unset app.current_user_id).
CREATE FUNCTION rules_id5_current_user() RETURNS uuid
    LANGUAGE sql STABLE AS $$
    SELECT NULLIF(current_setting('app.current_user_id', true), '')::uuid
$$;

CREATE FUNCTION rules_id5_is_system() RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT rules_id5_current_user() IS NULL
$$;

-- Whether the acting user holds one of these roles globally (never true for the system: ask
-- rules_id5_is_system for that).
CREATE FUNCTION rules_id5_has_global_role(VARIADIC p_roles text[]) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (SELECT 1 FROM role_assignments
                    WHERE user_id = rules_id5_current_user() AND venture_id IS NULL
                      AND revoked_at IS NULL AND role::text = ANY (p_roles))
$$;

-- Admin, compliance or support: the staff that reads every venture (ID-3 "read cap table").
CREATE FUNCTION rules_id5_is_global_staff() RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT rules_id5_has_global_role('admin', 'compliance', 'support')
$$;

-- Whether the acting user holds one of these roles on the venture; the venture's owner_user_id counts
-- as holding 'owner' (as Actor does in Java).
CREATE FUNCTION rules_id5_has_venture_role(p_venture uuid, VARIADIC p_roles text[]) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT p_venture IS NOT NULL AND rules_id5_current_user() IS NOT NULL AND (
           EXISTS (SELECT 1 FROM role_assignments
                    WHERE user_id = rules_id5_current_user() AND venture_id = p_venture
                      AND revoked_at IS NULL AND role::text = ANY (p_roles))
        OR ('owner' = ANY (p_roles)
            AND EXISTS (SELECT 1 FROM ventures
                         WHERE id = p_venture AND owner_user_id = rules_id5_current_user() AND archived_at IS NULL)))
$$;

-- ID-5: the system, the global staff, and the venture's owner, contributors and reviewers.
CREATE FUNCTION rules_id5_can_read_venture(p_venture uuid) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT rules_id5_is_system() OR rules_id5_is_global_staff()
        OR rules_id5_has_venture_role(p_venture, 'owner', 'contributor', 'reviewer')
$$;

-- A person's own rows: the person, the global staff and the system.
CREATE FUNCTION rules_id5_can_read_user(p_user uuid) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT rules_id5_is_system() OR p_user = rules_id5_current_user() OR rules_id5_is_global_staff()
$$;

-- Whether the acting user owns some venture (they issue and convert the BUZ of their people).
CREATE FUNCTION rules_id5_owns_a_venture() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT rules_id5_current_user() IS NOT NULL AND (
           EXISTS (SELECT 1 FROM role_assignments
                    WHERE user_id = rules_id5_current_user() AND role = 'owner' AND revoked_at IS NULL)
        OR EXISTS (SELECT 1 FROM ventures WHERE owner_user_id = rules_id5_current_user() AND archived_at IS NULL))
$$;

-- A wallet: its holder, the global staff, the system, and venture owners (BUZ issue/redeem/convert).
CREATE FUNCTION rules_id5_can_use_wallet(p_wallet_user uuid) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT rules_id5_can_read_user(p_wallet_user) OR rules_id5_owns_a_venture()
$$;

-- Whether the acting user takes part in something of the venture without a role on it: a task they
-- were assigned or created, a review they wrote, BUZ they earned there, a holding, a conversion, a
-- dispute they raised or work. They see the venture's row (its name and status), so a dispute they
-- raise or a task they did can be shown with its venture; the venture's other data stays closed.
CREATE FUNCTION rules_id5_takes_part_in(p_venture uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT rules_id5_current_user() IS NOT NULL AND (
           EXISTS (SELECT 1 FROM tasks WHERE venture_id = p_venture
                      AND rules_id5_current_user() IN (assignee_user_id, created_by_user_id))
        OR EXISTS (SELECT 1 FROM reviews r JOIN tasks t ON t.id = r.task_id
                    WHERE t.venture_id = p_venture AND r.reviewer_user_id = rules_id5_current_user())
        OR EXISTS (SELECT 1 FROM buz_transactions b JOIN user_wallets w ON w.id = b.wallet_id
                    WHERE b.venture_id = p_venture AND w.user_id = rules_id5_current_user())
        OR EXISTS (SELECT 1 FROM equity_ledger WHERE venture_id = p_venture AND holder_id = rules_id5_current_user())
        OR EXISTS (SELECT 1 FROM equity_conversions WHERE venture_id = p_venture AND user_id = rules_id5_current_user())
        OR EXISTS (SELECT 1 FROM disputes WHERE venture_id = p_venture
                      AND rules_id5_current_user() IN (raised_by_user_id, assigned_to)))
$$;

-- Rows that hang off another row: looked up as the owner, then judged by that row's venture.
CREATE FUNCTION rules_id5_can_read_task(p_task uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT rules_id5_is_system() OR rules_id5_is_global_staff()
        OR rules_id5_can_read_venture((SELECT venture_id FROM tasks WHERE id = p_task))
        OR EXISTS (SELECT 1 FROM tasks WHERE id = p_task
                      AND rules_id5_current_user() IN (assignee_user_id, created_by_user_id))
$$;

CREATE FUNCTION rules_id5_can_read_dispute(p_dispute uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT rules_id5_is_system() OR rules_id5_is_global_staff()
        OR EXISTS (SELECT 1 FROM disputes d WHERE d.id = p_dispute
                      AND (rules_id5_can_read_venture(d.venture_id)
                           OR rules_id5_current_user() IN (d.raised_by_user_id, d.assigned_to)))
$$;

CREATE FUNCTION rules_id5_can_read_billing_account(p_account uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT rules_id5_can_read_venture((SELECT venture_id FROM billing_accounts WHERE id = p_account))
$$;

CREATE FUNCTION rules_id5_can_use_wallet_id(p_wallet uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT rules_id5_is_system()
        OR rules_id5_can_use_wallet((SELECT user_id FROM user_wallets WHERE id = p_wallet))
$$;

-- =====================================================================================
-- ID-5  Policies. Each table: SELECT, INSERT and UPDATE on the rows the acting user can see. No
-- DELETE policy: backoffice_app may not delete these rows anyway (V5), and none is ever deleted.
-- =====================================================================================

-- Venture-scoped tables keyed by venture_id (ventures itself by id).
ALTER TABLE ventures ENABLE ROW LEVEL SECURITY;
CREATE POLICY id5_read ON ventures FOR SELECT TO backoffice_app
    USING (rules_id5_can_read_venture(id) OR rules_id5_takes_part_in(id));
-- a user founds a venture they own; staff and the system may create any
CREATE POLICY id5_insert ON ventures FOR INSERT TO backoffice_app
    WITH CHECK (rules_id5_is_system() OR rules_id5_is_global_staff() OR owner_user_id = rules_id5_current_user());
CREATE POLICY id5_update ON ventures FOR UPDATE TO backoffice_app
    USING (rules_id5_can_read_venture(id)) WITH CHECK (rules_id5_can_read_venture(id));

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['venture_it_pack', 'equity_ledger', 'buz_issuance_rules', 'tasks', 'contracts',
                             'legal_holds', 'kyb_documents', 'billing_accounts', 'security_policies']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY id5_read ON %I FOR SELECT TO backoffice_app USING (rules_id5_can_read_venture(venture_id))', t);
        EXECUTE format('CREATE POLICY id5_insert ON %I FOR INSERT TO backoffice_app WITH CHECK (rules_id5_can_read_venture(venture_id))', t);
        EXECUTE format('CREATE POLICY id5_update ON %I FOR UPDATE TO backoffice_app '
                       'USING (rules_id5_can_read_venture(venture_id)) WITH CHECK (rules_id5_can_read_venture(venture_id))', t);
    END LOOP;
END
$$;

-- A holder sees their own ledger rows (the object of an equity dispute they may raise).
CREATE POLICY id5_own_holding ON equity_ledger FOR SELECT TO backoffice_app
    USING (holder_id = rules_id5_current_user());

-- Tasks are also visible to their assignee and creator (a contributor whose role ended keeps seeing
-- their own work).
CREATE POLICY id5_own_work ON tasks FOR SELECT TO backoffice_app
    USING (rules_id5_current_user() IN (assignee_user_id, created_by_user_id));

-- ... and to whoever reviewed it (the review they wrote names it).
CREATE FUNCTION rules_id5_reviewed(p_task uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (SELECT 1 FROM reviews WHERE task_id = p_task AND reviewer_user_id = rules_id5_current_user())
$$;
CREATE POLICY id5_reviewed_work ON tasks FOR SELECT TO backoffice_app
    USING (rules_id5_reviewed(id));

-- Role assignments: the venture's people see who else works on it; everyone sees their own roles (the
-- actor is loaded from them at the start of every use case).
ALTER TABLE role_assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY id5_read ON role_assignments FOR SELECT TO backoffice_app
    USING (user_id = rules_id5_current_user() OR rules_id5_can_read_venture(venture_id));
CREATE POLICY id5_insert ON role_assignments FOR INSERT TO backoffice_app
    WITH CHECK (rules_id5_can_read_venture(venture_id));
CREATE POLICY id5_update ON role_assignments FOR UPDATE TO backoffice_app
    USING (rules_id5_can_read_venture(venture_id)) WITH CHECK (rules_id5_can_read_venture(venture_id));

-- Conversions: the venture's people, and the person whose BUZ was converted.
ALTER TABLE equity_conversions ENABLE ROW LEVEL SECURITY;
CREATE POLICY id5_read ON equity_conversions FOR SELECT TO backoffice_app
    USING (rules_id5_can_read_venture(venture_id) OR user_id = rules_id5_current_user());
CREATE POLICY id5_insert ON equity_conversions FOR INSERT TO backoffice_app
    WITH CHECK (rules_id5_can_read_venture(venture_id));
CREATE POLICY id5_update ON equity_conversions FOR UPDATE TO backoffice_app
    USING (rules_id5_can_read_venture(venture_id)) WITH CHECK (rules_id5_can_read_venture(venture_id));

-- Reviews and contribution events belong to a task.
ALTER TABLE reviews ENABLE ROW LEVEL SECURITY;
CREATE POLICY id5_read ON reviews FOR SELECT TO backoffice_app
    USING (rules_id5_can_read_task(task_id) OR reviewer_user_id = rules_id5_current_user());
CREATE POLICY id5_insert ON reviews FOR INSERT TO backoffice_app
    WITH CHECK (rules_id5_can_read_task(task_id));
CREATE POLICY id5_update ON reviews FOR UPDATE TO backoffice_app
    USING (rules_id5_can_read_task(task_id)) WITH CHECK (rules_id5_can_read_task(task_id));

ALTER TABLE contribution_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY id5_read ON contribution_events FOR SELECT TO backoffice_app
    USING (rules_id5_can_read_task(task_id) OR user_id = rules_id5_current_user());
CREATE POLICY id5_insert ON contribution_events FOR INSERT TO backoffice_app
    WITH CHECK (rules_id5_can_read_task(task_id));
CREATE POLICY id5_update ON contribution_events FOR UPDATE TO backoffice_app
    USING (rules_id5_can_read_task(task_id)) WITH CHECK (rules_id5_can_read_task(task_id));

-- Invoices belong to a billing account.
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
CREATE POLICY id5_read ON invoices FOR SELECT TO backoffice_app
    USING (rules_id5_can_read_billing_account(billing_account_id));
CREATE POLICY id5_insert ON invoices FOR INSERT TO backoffice_app
    WITH CHECK (rules_id5_can_read_billing_account(billing_account_id));
CREATE POLICY id5_update ON invoices FOR UPDATE TO backoffice_app
    USING (rules_id5_can_read_billing_account(billing_account_id))
    WITH CHECK (rules_id5_can_read_billing_account(billing_account_id));

-- Disputes: the venture's people and the global staff, plus whoever raised it or works it. Any
-- signed-in user may raise a dispute in their own name (DS-2 checks the object exists); working it
-- (support, admin) is ID-3's business in the disputes use cases.
ALTER TABLE disputes ENABLE ROW LEVEL SECURITY;
CREATE POLICY id5_read ON disputes FOR SELECT TO backoffice_app
    USING (rules_id5_can_read_venture(venture_id)
           OR rules_id5_current_user() IN (raised_by_user_id, assigned_to));
CREATE POLICY id5_insert ON disputes FOR INSERT TO backoffice_app
    WITH CHECK (rules_id5_can_read_venture(venture_id) OR raised_by_user_id = rules_id5_current_user());
CREATE POLICY id5_update ON disputes FOR UPDATE TO backoffice_app
    USING (rules_id5_can_read_venture(venture_id) OR rules_id5_current_user() IN (raised_by_user_id, assigned_to))
    WITH CHECK (rules_id5_can_read_venture(venture_id) OR rules_id5_current_user() IN (raised_by_user_id, assigned_to));

ALTER TABLE dispute_evidence ENABLE ROW LEVEL SECURITY;
CREATE POLICY id5_read ON dispute_evidence FOR SELECT TO backoffice_app
    USING (rules_id5_can_read_dispute(dispute_id));
CREATE POLICY id5_insert ON dispute_evidence FOR INSERT TO backoffice_app
    WITH CHECK (rules_id5_can_read_dispute(dispute_id));
CREATE POLICY id5_update ON dispute_evidence FOR UPDATE TO backoffice_app
    USING (rules_id5_can_read_dispute(dispute_id)) WITH CHECK (rules_id5_can_read_dispute(dispute_id));

-- A person's own rows.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['kyc_documents', 'user_sessions', 'user_credentials', 'device_posture_reports', 'user_skills']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY id5_read ON %I FOR SELECT TO backoffice_app USING (rules_id5_can_read_user(user_id))', t);
        EXECUTE format('CREATE POLICY id5_insert ON %I FOR INSERT TO backoffice_app WITH CHECK (rules_id5_can_read_user(user_id))', t);
        EXECUTE format('CREATE POLICY id5_update ON %I FOR UPDATE TO backoffice_app '
                       'USING (rules_id5_can_read_user(user_id)) WITH CHECK (rules_id5_can_read_user(user_id))', t);
    END LOOP;
END
$$;

-- Wallets and their transactions: the holder, staff, system and venture owners (who issue, redeem and
-- convert); a transaction of a venture is also visible to that venture's people.
ALTER TABLE user_wallets ENABLE ROW LEVEL SECURITY;
CREATE POLICY id5_read ON user_wallets FOR SELECT TO backoffice_app
    USING (rules_id5_can_use_wallet(user_id));
CREATE POLICY id5_insert ON user_wallets FOR INSERT TO backoffice_app
    WITH CHECK (rules_id5_can_use_wallet(user_id));
CREATE POLICY id5_update ON user_wallets FOR UPDATE TO backoffice_app
    USING (rules_id5_can_use_wallet(user_id)) WITH CHECK (rules_id5_can_use_wallet(user_id));

ALTER TABLE buz_transactions ENABLE ROW LEVEL SECURITY;
CREATE POLICY id5_read ON buz_transactions FOR SELECT TO backoffice_app
    USING (rules_id5_can_use_wallet_id(wallet_id) OR (venture_id IS NOT NULL AND rules_id5_can_read_venture(venture_id)));
CREATE POLICY id5_insert ON buz_transactions FOR INSERT TO backoffice_app
    WITH CHECK (rules_id5_can_use_wallet_id(wallet_id) OR (venture_id IS NOT NULL AND rules_id5_can_read_venture(venture_id)));
-- buz_transactions are append-only: an UPDATE policy lets BZ-1's trigger refuse an edit with its own
-- sentence instead of the edit silently finding no row.
CREATE POLICY id5_update ON buz_transactions FOR UPDATE TO backoffice_app
    USING (rules_id5_can_use_wallet_id(wallet_id) OR (venture_id IS NOT NULL AND rules_id5_can_read_venture(venture_id)));

-- =====================================================================================
-- ID-3  The matrix as triggers. The system (no acting user) may do everything.
-- =====================================================================================
CREATE FUNCTION rules_id3_refuse(p_action text, p_needed text) RETURNS void
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'SSI03', MESSAGE = format(
        'ID-3: %s may not %s: that takes %s',
        rules_user_name(rules_id5_current_user()), p_action, p_needed);
END
$$;

-- Cap table (equity_ledger) and BUZ conversions (equity_conversions): the venture's owner or a global admin.
CREATE FUNCTION rules_id3_equity_writer() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    v uuid;
BEGIN
    IF rules_id5_is_system() THEN
        RETURN NEW;
    END IF;
    FOREACH v IN ARRAY CASE WHEN TG_OP = 'UPDATE' AND OLD.venture_id IS DISTINCT FROM NEW.venture_id
                            THEN ARRAY[OLD.venture_id, NEW.venture_id] ELSE ARRAY[NEW.venture_id] END
    LOOP
        IF NOT (rules_id5_has_global_role('admin') OR rules_id5_has_venture_role(v, 'owner')) THEN
            PERFORM rules_id3_refuse(
                format('%s of %s', CASE WHEN TG_TABLE_NAME = 'equity_ledger' THEN 'edit the cap table'
                                        ELSE 'convert BUZ to equity' END,
                       CASE WHEN v IS NULL THEN 'no venture' ELSE rules_venture_name(v) END),
                'the owner role on that venture or the global admin role');
        END IF;
    END LOOP;
    RETURN NEW;
END
$$;

CREATE TRIGGER t90_id3_equity_writer
    BEFORE INSERT OR UPDATE ON equity_ledger
    FOR EACH ROW EXECUTE FUNCTION rules_id3_equity_writer();
CREATE TRIGGER t90_id3_equity_writer
    BEFORE INSERT OR UPDATE ON equity_conversions
    FOR EACH ROW EXECUTE FUNCTION rules_id3_equity_writer();

-- Legal holds: imposed and released by a global compliance officer (LH-1).
CREATE FUNCTION rules_id3_legal_hold_writer() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF rules_id5_is_system() OR rules_id5_has_global_role('compliance') THEN
        RETURN NEW;
    END IF;
    PERFORM rules_id3_refuse(
        format('%s the %s legal hold on %s', CASE WHEN TG_OP = 'INSERT' THEN 'impose' ELSE 'release' END,
               NEW.applies_to, rules_venture_name(NEW.venture_id)),
        'the global compliance role');
    RETURN NEW;
END
$$;

CREATE TRIGGER t90_id3_legal_hold_writer
    BEFORE INSERT OR UPDATE ON legal_holds
    FOR EACH ROW EXECUTE FUNCTION rules_id3_legal_hold_writer();

-- Role assignments: granted and revoked by a global admin.
CREATE FUNCTION rules_id3_role_writer() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF rules_id5_is_system() OR rules_id5_has_global_role('admin') THEN
        RETURN NEW;
    END IF;
    PERFORM rules_id3_refuse(
        format('%s the %s role %s %s', CASE WHEN TG_OP = 'INSERT' THEN 'grant' ELSE 'revoke' END,
               NEW.role, CASE WHEN TG_OP = 'INSERT' THEN 'to' ELSE 'of' END,
               rules_user_name(NEW.user_id) || CASE WHEN NEW.venture_id IS NULL THEN ' on the platform'
                                                    ELSE ' on ' || rules_venture_name(NEW.venture_id) END),
        'the global admin role');
    RETURN NEW;
END
$$;

CREATE TRIGGER t90_id3_role_writer
    BEFORE INSERT OR UPDATE ON role_assignments
    FOR EACH ROW EXECUTE FUNCTION rules_id3_role_writer();

-- KYC/KYB decisions: claiming, deciding and four eyes are a global compliance officer's. A submission
-- (a pending document without decision fields) is anyone's who may write the row (ID-5 above).
CREATE FUNCTION rules_id3_document_decider() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    decision_columns text[] := ARRAY['status', 'verifier', 'verified_at', 'reason_code', 'reviewer_comment',
                                     'reviewed_by', 'rejection_final', 'claimed_by', 'claimed_until',
                                     'first_approved_by', 'second_approval_status'];
    before jsonb;
    after  jsonb;
    c      text;
    decided boolean := false;
BEGIN
    IF rules_id5_is_system() OR rules_id5_has_global_role('compliance') THEN
        RETURN NEW;
    END IF;
    after := to_jsonb(NEW);
    before := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) ELSE '{}'::jsonb END;
    FOREACH c IN ARRAY decision_columns LOOP
        IF TG_OP = 'INSERT' THEN
            decided := decided OR (c = 'status' AND after ->> c IS DISTINCT FROM 'pending')
                               OR (c <> 'status' AND after -> c <> 'null'::jsonb);
        ELSE
            decided := decided OR (before -> c) IS DISTINCT FROM (after -> c);
        END IF;
    END LOOP;
    IF decided THEN
        PERFORM rules_id3_refuse(
            format('decide the %s %s document of %s', NEW.doc_type,
                   CASE WHEN TG_TABLE_NAME = 'kyc_documents' THEN 'KYC' ELSE 'KYB' END,
                   CASE WHEN TG_TABLE_NAME = 'kyc_documents' THEN rules_user_name((after ->> 'user_id')::uuid)
                        ELSE rules_venture_name((after ->> 'venture_id')::uuid) END),
            'the global compliance role');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t90_id3_document_decider
    BEFORE INSERT OR UPDATE ON kyc_documents
    FOR EACH ROW EXECUTE FUNCTION rules_id3_document_decider();
CREATE TRIGGER t90_id3_document_decider
    BEFORE INSERT OR UPDATE ON kyb_documents
    FOR EACH ROW EXECUTE FUNCTION rules_id3_document_decider();

-- People (users has no row-level security: names appear everywhere). Opening an account for someone
-- else is managing users (admin); editing a profile is the person's own or an admin's; the KYC status
-- follows from compliance decisions (KY-2), so only compliance moves it.
CREATE FUNCTION rules_id3_user_writer() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    me      uuid := rules_id5_current_user();
    changed text;
BEGIN
    IF me IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NOT rules_id5_has_global_role('admin') THEN
            PERFORM rules_id3_refuse(format('open an account for %s', NEW.display_name), 'the global admin role');
        END IF;
        IF NEW.kyc_status IS DISTINCT FROM 'pending' AND NOT rules_id5_has_global_role('compliance') THEN
            PERFORM rules_id3_refuse(format('open the account of %s as KYC %s', NEW.display_name,
                                            COALESCE(NEW.kyc_status::text, 'none')), 'the global compliance role');
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.kyc_status IS DISTINCT FROM OLD.kyc_status AND NOT rules_id5_has_global_role('compliance') THEN
        PERFORM rules_id3_refuse(
            format('set the KYC status of %s from %s to %s', OLD.display_name, COALESCE(OLD.kyc_status::text, 'none'),
                   COALESCE(NEW.kyc_status::text, 'none')),
            'the global compliance role');
    END IF;
    changed := rules_changed_columns(to_jsonb(OLD), to_jsonb(NEW), ARRAY['kyc_status', 'updated_at', 'version']);
    IF changed IS NOT NULL AND me IS DISTINCT FROM OLD.id AND NOT rules_id5_has_global_role('admin') THEN
        PERFORM rules_id3_refuse(format('edit %s of %s', changed, OLD.display_name),
                                 'the person themselves or the global admin role');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t90_id3_user_writer
    BEFORE INSERT OR UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION rules_id3_user_writer();
