-- =====================================================================================
-- V13__holds_and_disputes.sql — what V3 left open of LH-1, DS-1 and DS-3, for the legal holds and
-- disputes use cases.
--
-- Already enforced elsewhere and not repeated here:
--  * LH-1 release fields (released_by_user_id and a non-blank release_reason) and LH-2 (never
--    deleted or edited, only released once): V3 rules_lh2_hold_only_released.
--  * EQ-7 / BZ-6 (what an active hold freezes): V2 eq_refuse_if_held, V3 rules_bz6_no_active_hold.
--  * DS-1 workflow, resolution required, the raiser cannot decide, one appeal: V3 rules_ds1_dispute_workflow.
--  * DS-2 the disputed object exists in the dispute's venture: V3 rules_ds2_dispute_object.
--
-- Added here:
--  * LH-1 "only compliance imposes or releases a hold": when the application role writes a hold, the
--    acting user (app.current_user_id) must hold an active global compliance role and must be the
--    one the row names as imposer or releaser; a hold is imposed with a non-blank reason. SSH01.
--    The owner (migrations, maintenance) is not the application and is not checked: it can alter
--    triggers anyway.
--  * DS-3 deadlines: first_response_due_at = created_at + 24 hours, resolution_due_at = created_at
--    + 7 days, set by the trigger whatever the writer sent; an appeal gives a fresh resolution
--    deadline (appealed_at + 7 days). Otherwise the deadlines, created_at and a recorded first
--    response never change. SSD03.
--  * DS-1 "a decided dispute is not reassigned": assigned_to changes only while the dispute is open or
--    in review, or with the appeal that reopens it. SSD01.
--  * disputes.reason (why it was raised) and the appeal's own record (reason, who, when).
--
-- Helper objects are prefixed rules_lh_ / rules_ds_ (role helpers of other migrations have generic
-- names; these stay private to the two rules).
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- Disputes: why it was raised, and the appeal's record (DS-1 allows one appeal)
-- -------------------------------------------------------------------------------------
ALTER TABLE disputes
    ADD COLUMN reason        text NULL CHECK (reason IS NULL OR btrim(reason) <> ''),
    ADD COLUMN appeal_reason text NULL CHECK (appeal_reason IS NULL OR btrim(appeal_reason) <> ''),
    ADD COLUMN appealed_by   uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
    ADD COLUMN appealed_at   timestamptz NULL;

COMMENT ON COLUMN disputes.reason IS 'Why the raiser disputes the object (DS-1); required by the use case, NULL only for rows older than V13.';
COMMENT ON COLUMN disputes.appeal_reason IS 'Why the decision was appealed (DS-1: one appeal).';

-- The work queue: disputes by status, oldest first, and by assignee.
CREATE INDEX idx_disputes_status_created ON disputes (status, created_at);
CREATE INDEX idx_disputes_assigned_to ON disputes (assigned_to) WHERE assigned_to IS NOT NULL;
CREATE INDEX idx_legal_holds_venture_imposed ON legal_holds (venture_id, imposed_at);

-- =====================================================================================
-- LH-1  Only compliance imposes or releases a hold (ID-3), and the hold names who did it.
-- =====================================================================================

-- The acting user of the application's transaction, or NULL when none is set.
CREATE FUNCTION rules_lh_acting_user() RETURNS uuid
    LANGUAGE sql STABLE AS $$
    SELECT NULLIF(current_setting('app.current_user_id', true), '')::uuid
$$;

-- SECURITY DEFINER: row-level security on role_assignments must never hide the role from the rule.
CREATE FUNCTION rules_lh_is_compliance(p_user uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT EXISTS (SELECT 1 FROM role_assignments
                    WHERE user_id = p_user AND role = 'compliance' AND scope = 'global'
                      AND venture_id IS NULL AND revoked_at IS NULL)
$$;

-- Not SECURITY DEFINER on purpose: current_user must be the role that writes (backoffice_app for the
-- application, the owner for migrations), which a definer function would hide.
CREATE FUNCTION rules_lh1_compliance_only() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    actor   uuid;
    acting  text;
    hold    text;
    named   uuid;
BEGIN
    IF TG_OP = 'INSERT' AND NULLIF(btrim(NEW.reason), '') IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SSH01', MESSAGE = format(
            'LH-1: A %s legal hold on %s needs a reason (the matter it preserves records for)',
            NEW.applies_to, rules_venture_name(NEW.venture_id));
    END IF;
    IF current_user <> 'backoffice_app' THEN
        RETURN NEW;
    END IF;
    actor := rules_lh_acting_user();
    -- No acting user: the system itself (demo data, maintenance), as everywhere in ID-3 (V14).
    IF actor IS NULL THEN
        RETURN NEW;
    END IF;
    hold := format('the %s legal hold on %s', NEW.applies_to, rules_venture_name(NEW.venture_id));
    acting := rules_user_name(actor);
    IF NOT rules_lh_is_compliance(actor) THEN
        RAISE EXCEPTION USING ERRCODE = 'SSH01', MESSAGE = format(
            'LH-1: Only compliance imposes or releases a legal hold; %s may not %s %s',
            acting, CASE WHEN TG_OP = 'INSERT' THEN 'impose' ELSE 'release' END, hold);
    END IF;
    named := CASE WHEN TG_OP = 'INSERT' THEN NEW.imposed_by_user_id ELSE NEW.released_by_user_id END;
    IF named IS DISTINCT FROM actor THEN
        RAISE EXCEPTION USING ERRCODE = 'SSH01', MESSAGE = format(
            'LH-1: %s is %s by %s but names %s as the one who did it',
            hold, CASE WHEN TG_OP = 'INSERT' THEN 'imposed' ELSE 'released' END, acting,
            CASE WHEN named IS NULL THEN 'nobody' ELSE rules_user_name(named) END);
    END IF;
    RETURN NEW;
END
$$;

-- t05: before V3's t10_lh2 (which explains what may change) only for inserts; on updates LH-2's
-- sentence about edits is the better one, so the permission check runs after it.
CREATE TRIGGER t05_lh1_compliance_imposes
    BEFORE INSERT ON legal_holds
    FOR EACH ROW EXECUTE FUNCTION rules_lh1_compliance_only();
CREATE TRIGGER t15_lh1_compliance_releases
    BEFORE UPDATE ON legal_holds
    FOR EACH ROW EXECUTE FUNCTION rules_lh1_compliance_only();

-- =====================================================================================
-- DS-3  Each dispute has a first-response and a resolution deadline; breaches are visible.
--
-- The figures are the service levels of the support desk and must equal
-- org.smartstart.backoffice.domain.disputes.DisputeDeadlines (FIRST_RESPONSE, RESOLUTION):
--     first response within 24 hours of raising, resolution within 7 days of raising
--     (after an appeal: within 7 days of the appeal).
-- A breach is not stored: it is "deadline passed and the response / decision not yet given, or
-- given late", computed when read.
-- =====================================================================================
CREATE FUNCTION rules_ds_first_response_within() RETURNS interval
    LANGUAGE sql IMMUTABLE AS $$ SELECT interval '24 hours' $$;

CREATE FUNCTION rules_ds_resolution_within() RETURNS interval
    LANGUAGE sql IMMUTABLE AS $$ SELECT interval '7 days' $$;

CREATE FUNCTION rules_ds3_deadlines() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    dispute text;
    changed text;
    appeal  boolean;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.first_responded_at IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'SSD03', MESSAGE = format(
                'DS-3: A dispute on %s is raised without a first response (first_responded_at %s given)',
                rules_venture_name(NEW.venture_id), rules_utc(NEW.first_responded_at));
        END IF;
        NEW.created_at := COALESCE(NEW.created_at, now());
        NEW.first_response_due_at := NEW.created_at + rules_ds_first_response_within();
        NEW.resolution_due_at := NEW.created_at + rules_ds_resolution_within();
        RETURN NEW;
    END IF;
    dispute := format('The dispute on %s raised %s', rules_venture_name(OLD.venture_id),
                      COALESCE(rules_utc(OLD.created_at), 'at an unknown time'));
    appeal := OLD.status IN ('resolved', 'rejected') AND NEW.status = 'in_review';
    IF appeal THEN
        NEW.resolution_due_at := COALESCE(NEW.appealed_at, now()) + rules_ds_resolution_within();
    END IF;
    changed := rules_changed_columns(
        jsonb_build_object('created_at', OLD.created_at, 'first_response_due_at', OLD.first_response_due_at,
                           'resolution_due_at', OLD.resolution_due_at),
        jsonb_build_object('created_at', NEW.created_at, 'first_response_due_at', NEW.first_response_due_at,
                           'resolution_due_at', NEW.resolution_due_at),
        CASE WHEN appeal THEN ARRAY['resolution_due_at'] ELSE ARRAY[]::text[] END);
    IF changed IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD03', MESSAGE = format(
            '%s: its deadlines (first response by %s, resolution by %s) are set when it is raised or appealed, '
            'never by hand (changed: %s)',
            'DS-3: ' || dispute, rules_utc(OLD.first_response_due_at), rules_utc(OLD.resolution_due_at), changed);
    END IF;
    IF OLD.first_responded_at IS NOT NULL AND NEW.first_responded_at IS DISTINCT FROM OLD.first_responded_at THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD03', MESSAGE = format(
            'DS-3: %s was first answered on %s; the first response is recorded once and never moved',
            dispute, rules_utc(OLD.first_responded_at));
    END IF;
    RETURN NEW;
END
$$;

-- t05: the deadlines are in place before the workflow (t10) and object (t20) checks see the row.
CREATE TRIGGER t05_ds3_deadlines
    BEFORE INSERT OR UPDATE ON disputes
    FOR EACH ROW EXECUTE FUNCTION rules_ds3_deadlines();

-- =====================================================================================
-- DS-1 (addition)  A decided dispute is not reassigned; the appeal that reopens its review may give
--       it to someone new.
-- =====================================================================================
CREATE FUNCTION rules_ds1_assign_undecided() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.assigned_to IS DISTINCT FROM OLD.assigned_to
       AND OLD.status IN ('resolved', 'rejected') AND NEW.status IS DISTINCT FROM 'in_review' THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD01', MESSAGE = format(
            'DS-1: The dispute on %s is %s; a decided dispute is not reassigned (an appeal reopens its review), so it stays with %s',
            rules_venture_name(NEW.venture_id), OLD.status,
            CASE WHEN OLD.assigned_to IS NULL THEN 'nobody' ELSE rules_user_name(OLD.assigned_to) END);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t11_ds1_assign_undecided
    BEFORE UPDATE ON disputes
    FOR EACH ROW EXECUTE FUNCTION rules_ds1_assign_undecided();
