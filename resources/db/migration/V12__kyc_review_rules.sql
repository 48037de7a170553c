-- =====================================================================================
-- V12__kyc_review_rules.sql — the KYC/KYB review workflow in PostgreSQL: KY-1, KY-2, KY-3, KY-4, KY-7
-- (KY-5 and KY-6 are in V3).
--
-- V1 already has the decision, claim and four-eyes columns; this adds what a decision still has to
-- record (its time, the sha256 of the bytes reviewed, who gave the second approval and when) and the
-- history of decisions, then the triggers:
--  * KY-1  SSK01  a document goes pending -> verified | rejected only, never back or sideways; the
--                 decision names reviewer, time, reason code, internal comment and applicant comment;
--                 a rejection says whether it is final or "resubmit".
--  * KY-2  SSK02  users.kyc_status follows from the user's KYC documents after every decision
--                 (rules_ky2_derive); setting it by hand to anything else is refused once the user has
--                 decided documents.
--  * KY-3  SSK03  the reviewer of a decision (or first approval) holds an unexpired claim on the
--                 document at the decision's time, and is the acting user; nobody claims or decides
--                 their own document (their own KYC, or a KYB document of a venture they own).
--  * KY-4  SSK04  approving a document with risk_score >= 70 goes through 'awaiting'; only a
--                 different compliance officer confirms (-> verified) or overturns (-> pending again).
--  * KY-7  SSK07  a decision records the sha256 of the bytes reviewed, equal to the stored one.
-- Checks run in one BEFORE UPDATE trigger per table (one row, one decision), SECURITY DEFINER so a
-- rule sees the venture owner whatever the acting user may browse. The acting user
-- (app.current_user_id) is empty for the system itself (demo data, maintenance): the "decider is the
-- acting user" part of KY-3 then does not apply, everything else does.
-- =====================================================================================

ALTER TABLE kyc_documents
    ADD COLUMN decided_at         timestamptz NULL,
    ADD COLUMN reviewed_sha256    char(64)    NULL,
    ADD COLUMN first_approved_at  timestamptz NULL,
    ADD COLUMN second_approved_by uuid        NULL REFERENCES users (id) ON DELETE RESTRICT,
    ADD COLUMN second_approved_at timestamptz NULL;

ALTER TABLE kyb_documents
    ADD COLUMN decided_at         timestamptz NULL,
    ADD COLUMN reviewed_sha256    char(64)    NULL,
    ADD COLUMN first_approved_at  timestamptz NULL,
    ADD COLUMN second_approved_by uuid        NULL REFERENCES users (id) ON DELETE RESTRICT,
    ADD COLUMN second_approved_at timestamptz NULL;

-- The history of every decision step on a document, oldest first: the document row keeps only the
-- latest state (an overturned first approval would otherwise be lost). Append-only for the app.
CREATE TABLE kyc_review_decisions (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- the order the steps were taken in (two steps may share a decided_at)
    seq               bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    document_kind     varchar(3)  NOT NULL CHECK (document_kind IN ('kyc', 'kyb')),
    document_id       uuid        NOT NULL,
    step              varchar(16) NOT NULL CHECK (step IN ('decision', 'first_approval', 'confirm', 'overturn')),
    outcome           varchar(16) NOT NULL,
    reviewer_id       uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    decided_at        timestamptz NOT NULL,
    reason_code       varchar(64) NULL,
    internal_comment  text        NULL,
    applicant_comment text        NULL,
    reviewed_sha256   char(64)    NULL
);
CREATE INDEX idx_kyc_review_decisions_document ON kyc_review_decisions (document_id, seq);
REVOKE UPDATE, DELETE, TRUNCATE ON kyc_review_decisions FROM backoffice_app;

-- -------------------------------------------------------------------------------------
-- KY-2: the status a user's KYC documents give
-- -------------------------------------------------------------------------------------
CREATE FUNCTION rules_ky2_derived_status(p_user uuid) RETURNS kyc_status
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT CASE
        -- a final rejection is final, whatever else was accepted
        WHEN EXISTS (SELECT 1 FROM kyc_documents WHERE user_id = p_user AND status = 'rejected' AND rejection_final)
            THEN 'rejected'::kyc_status
        WHEN EXISTS (SELECT 1 FROM kyc_documents WHERE user_id = p_user AND status = 'verified'
                        AND doc_type IN ('passport', 'id_card', 'drivers_license'))
         AND EXISTS (SELECT 1 FROM kyc_documents WHERE user_id = p_user AND status = 'verified'
                        AND doc_type = 'proof_of_address')
            THEN 'verified'::kyc_status
        ELSE 'pending'::kyc_status
    END
$$;

CREATE FUNCTION rules_ky2_derive() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    derived kyc_status := rules_ky2_derived_status(NEW.user_id);
BEGIN
    UPDATE users SET kyc_status = derived, updated_at = now()
     WHERE id = NEW.user_id AND kyc_status IS DISTINCT FROM derived;
    RETURN NULL;
END
$$;

CREATE TRIGGER t90_ky2_derive
    AFTER UPDATE OF status ON kyc_documents
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION rules_ky2_derive();

CREATE FUNCTION rules_ky2_status_is_derived() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    derived kyc_status;
BEGIN
    -- users without a decision yet keep the status they were given (sign-up, imports)
    IF NOT EXISTS (SELECT 1 FROM kyc_documents WHERE user_id = NEW.id AND status <> 'pending') THEN
        RETURN NEW;
    END IF;
    derived := rules_ky2_derived_status(NEW.id);
    IF NEW.kyc_status IS DISTINCT FROM derived THEN
        RAISE EXCEPTION USING ERRCODE = 'SSK02', MESSAGE = format(
            'KY-2: The KYC status of %s is derived from their documents (%s); it cannot be set to %s',
            NEW.display_name, derived, COALESCE(NEW.kyc_status::text, 'nothing'));
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t20_ky2_status_is_derived
    BEFORE UPDATE OF kyc_status ON users
    FOR EACH ROW WHEN (OLD.kyc_status IS DISTINCT FROM NEW.kyc_status)
    EXECUTE FUNCTION rules_ky2_status_is_derived();

-- -------------------------------------------------------------------------------------
-- KY-1, KY-3, KY-4, KY-7 on one document update
-- -------------------------------------------------------------------------------------
CREATE FUNCTION rules_ky_document_review() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    kind        text := CASE WHEN TG_TABLE_NAME = 'kyc_documents' THEN 'KYC' ELSE 'KYB' END;
    doc         text;
    acting      uuid := nullif(current_setting('app.current_user_id', true), '')::uuid;
    owner_id    uuid;
    owner_words text;
    o           jsonb := to_jsonb(OLD);
    n           jsonb := to_jsonb(NEW);
    is_decision boolean := OLD.status IS NOT DISTINCT FROM 'pending' AND NEW.status IS DISTINCT FROM 'pending';
    is_first    boolean := NEW.second_approval_status IS NOT DISTINCT FROM 'awaiting'
                           AND OLD.second_approval_status IS DISTINCT FROM 'awaiting';
    is_second   boolean := OLD.second_approval_status IS NOT DISTINCT FROM 'awaiting'
                           AND COALESCE(NEW.second_approval_status IN ('confirmed', 'overturned'), false);
    decider     uuid;
    decided     timestamptz;
BEGIN
    doc := format('The %s document %s (%s)', kind, NEW.id, NEW.doc_type);
    IF kind = 'KYC' THEN
        owner_id := (n ->> 'user_id')::uuid;
        owner_words := 'it is their own KYC document';
    ELSE
        SELECT owner_user_id INTO owner_id FROM ventures WHERE id = (n ->> 'venture_id')::uuid;
        owner_words := format('they own the venture %s', rules_venture_name((n ->> 'venture_id')::uuid));
    END IF;

    -- KY-1: decided documents stay as decided
    IF OLD.status IS DISTINCT FROM 'pending' THEN
        IF NEW.status IS DISTINCT FROM OLD.status
           OR (o - 'version' - 'claimed_by' - 'claimed_until') IS DISTINCT FROM (n - 'version' - 'claimed_by' - 'claimed_until') THEN
            RAISE EXCEPTION USING ERRCODE = 'SSK01', MESSAGE = format(
                'KY-1: %s was already %s on %s by %s; a decided document is never changed (status %s refused)',
                doc, OLD.status, COALESCE(OLD.decided_at::text, 'an unknown date'), rules_user_name(OLD.reviewed_by), NEW.status);
        END IF;
        RETURN NEW;
    END IF;

    -- KY-3: nobody claims their own document
    IF NEW.claimed_by IS NOT NULL AND NEW.claimed_by IS DISTINCT FROM OLD.claimed_by AND NEW.claimed_by = owner_id THEN
        RAISE EXCEPTION USING ERRCODE = 'SSK03', MESSAGE = format(
            'KY-3: %s cannot claim %s: %s', rules_user_name(NEW.claimed_by), lower(doc), owner_words);
    END IF;

    IF is_decision THEN
        -- KY-1: the decision is complete
        IF NEW.status NOT IN ('verified', 'rejected') OR NEW.reviewed_by IS NULL OR NEW.decided_at IS NULL
           OR NEW.reason_code IS NULL OR btrim(NEW.reason_code) = '' OR NEW.reviewer_comment IS NULL
           OR btrim(NEW.reviewer_comment) = '' OR NEW.applicant_comment IS NULL
           OR (NEW.status = 'rejected' AND NEW.rejection_final IS NULL)
           OR (NEW.status = 'verified' AND NEW.rejection_final IS NOT NULL) THEN
            RAISE EXCEPTION USING ERRCODE = 'SSK01', MESSAGE = format(
                'KY-1: %s goes from pending to %s only with reviewer (%s), decision time (%s), reason code (%s), '
                || 'internal comment, applicant comment and, for a rejection, final or resubmit (%s)',
                doc, NEW.status, COALESCE(rules_user_name(NEW.reviewed_by), 'none'), COALESCE(NEW.decided_at::text, 'none'),
                COALESCE(NULLIF(btrim(NEW.reason_code), ''), 'none'),
                CASE WHEN NEW.rejection_final IS NULL THEN 'not given' WHEN NEW.rejection_final THEN 'final' ELSE 'resubmit' END);
        END IF;
    END IF;

    IF NOT (is_decision OR is_first OR is_second) THEN
        RETURN NEW;
    END IF;

    IF is_second THEN
        -- KY-4: a second, different officer confirms (-> verified) or overturns (-> pending)
        IF NEW.second_approved_by IS NULL OR NEW.second_approved_at IS NULL
           OR NEW.second_approved_by = OLD.first_approved_by THEN
            RAISE EXCEPTION USING ERRCODE = 'SSK04', MESSAGE = format(
                'KY-4: %s was first approved by %s; the second approval must come from a different compliance officer, not %s',
                doc, rules_user_name(OLD.first_approved_by), rules_user_name(NEW.second_approved_by));
        END IF;
        IF (NEW.second_approval_status = 'confirmed' AND NEW.status <> 'verified')
           OR (NEW.second_approval_status = 'overturned' AND NEW.status <> 'pending') THEN
            RAISE EXCEPTION USING ERRCODE = 'SSK04', MESSAGE = format(
                'KY-4: %s: a second approval %s leaves the document %s, not %s',
                doc, NEW.second_approval_status,
                CASE WHEN NEW.second_approval_status = 'confirmed' THEN 'verified' ELSE 'pending' END, NEW.status);
        END IF;
        decider := NEW.second_approved_by;
    ELSE
        -- KY-4: a risky approval waits for the second officer
        IF is_decision AND NEW.status = 'verified' AND NEW.risk_score >= 70 THEN
            RAISE EXCEPTION USING ERRCODE = 'SSK04', MESSAGE = format(
                'KY-4: %s has risk score %s (>= 70): approving it needs a second approval by a different compliance officer',
                doc, NEW.risk_score);
        END IF;
        IF is_first THEN
            decider := NEW.first_approved_by;
            decided := NEW.first_approved_at;
            IF decider IS NULL OR decided IS NULL OR NEW.status <> 'pending' THEN
                RAISE EXCEPTION USING ERRCODE = 'SSK01', MESSAGE = format(
                    'KY-1: %s awaits a second approval only while pending, with the first approver (%s) and time (%s)',
                    doc, COALESCE(rules_user_name(decider), 'none'), COALESCE(decided::text, 'none'));
            END IF;
        ELSE
            decider := NEW.reviewed_by;
            decided := NEW.decided_at;
        END IF;
        -- KY-3: decided under an unexpired claim of the decider
        IF NEW.claimed_by IS DISTINCT FROM decider OR NEW.claimed_until IS NULL OR NEW.claimed_until < decided THEN
            RAISE EXCEPTION USING ERRCODE = 'SSK03', MESSAGE = format(
                'KY-3: %s decided %s without holding its claim at %s (claimed by %s until %s)',
                rules_user_name(decider), lower(doc), decided,
                CASE WHEN NEW.claimed_by IS NULL THEN 'nobody' ELSE rules_user_name(NEW.claimed_by) END,
                COALESCE(NEW.claimed_until::text, 'never'));
        END IF;
        -- KY-7: the bytes reviewed are the bytes stored
        IF NEW.reviewed_sha256 IS NULL OR NEW.evidence_sha256 IS NULL OR NEW.reviewed_sha256 <> NEW.evidence_sha256 THEN
            RAISE EXCEPTION USING ERRCODE = 'SSK07', MESSAGE = format(
                'KY-7: %s: the reviewed bytes have sha256 %s but the stored document has sha256 %s; the decision must name the bytes reviewed',
                doc, COALESCE(NEW.reviewed_sha256, 'none'), COALESCE(NEW.evidence_sha256, 'none'));
        END IF;
    END IF;

    -- KY-3: never on one's own document, and only as oneself
    IF decider = owner_id THEN
        RAISE EXCEPTION USING ERRCODE = 'SSK03', MESSAGE = format(
            'KY-3: %s cannot decide %s: %s', rules_user_name(decider), lower(doc), owner_words);
    END IF;
    IF acting IS NOT NULL AND decider IS DISTINCT FROM acting THEN
        RAISE EXCEPTION USING ERRCODE = 'SSK03', MESSAGE = format(
            'KY-3: %s records %s as the decider, but %s is acting', doc, rules_user_name(decider), rules_user_name(acting));
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t30_ky_document_review
    BEFORE UPDATE ON kyc_documents
    FOR EACH ROW EXECUTE FUNCTION rules_ky_document_review();

CREATE TRIGGER t30_ky_document_review
    BEFORE UPDATE ON kyb_documents
    FOR EACH ROW EXECUTE FUNCTION rules_ky_document_review();
