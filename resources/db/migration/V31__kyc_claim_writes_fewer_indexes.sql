-- V31: a claim writes 4 index entries instead of 11, its head reads its own index, the KY triggers build
-- nothing on a claim, the actor's ventures come from an index, and the counts per status come from counters
-- the documents' triggers keep (issue 5; measurements in bench/RESULTS.md, "fourth round").
--
-- 1. Fewer document indexes. A claim changes claimed_by, which is indexed and part of partial-index
--    predicates, so it can never be a HOT update: its new row version goes into every index whose predicate
--    it meets. Those were the primary key, (status, submitted_at) of V1, claimed_by, the three pending orders
--    of V15/V19, the three any-status orders of V17/V19, (user_id | venture_id, submitted_at) and V27's
--    claims_until: 11 per claim. The pending and any-status orders are also why the claim head could walk past
--    live claims again: with statistics taken before the claims (every claimed_by NULL), PostgreSQL rated
--    idx_*_pending_oldest as good as V27's idx_*_unclaimed_oldest for "pending AND claimed_by IS NULL" and
--    took it: 893 claimed rows skipped, 1,395 buffers per head after 3,500 claims (bench, 2026-12-01).
--    The queue now reads a pending page as two parts, unclaimed (V27's three orders) and claimed (few, found
--    by claims_until and sorted), and an any-status page as those plus verified and rejected (V19's orders),
--    merged in one statement (JdbcKycReviewStore.queueOf). So none of the dropped indexes is needed, and a
--    claim writes the primary key, claimed_by, the subject's index and claims_until only. (Ordered indexes of
--    the claimed pending documents would spare the claimed part its sort — 1.5 ms for the benchmark's 1,761
--    live claims per table — at three more index entries per claim; not taken.)
DROP INDEX idx_kyc_documents_queue;
DROP INDEX idx_kyb_documents_queue;
DROP INDEX idx_kyc_documents_pending_oldest;
DROP INDEX idx_kyc_documents_pending_riskiest;
DROP INDEX idx_kyc_documents_pending_due;
DROP INDEX idx_kyb_documents_pending_oldest;
DROP INDEX idx_kyb_documents_pending_riskiest;
DROP INDEX idx_kyb_documents_pending_due;
DROP INDEX idx_kyc_documents_all_oldest;
DROP INDEX idx_kyc_documents_all_riskiest;
DROP INDEX idx_kyc_documents_all_due;
DROP INDEX idx_kyb_documents_all_oldest;
DROP INDEX idx_kyb_documents_all_riskiest;
DROP INDEX idx_kyb_documents_all_due;

-- 2. The ventures someone owns, for the actor of every use case (ActorLoader: "owner" of each venture whose
--    owner_user_id is the user). Without an index PostgreSQL read all of ventures for each use case: 41
--    buffers and 0.46 ms per claim with 2,000 ventures, the largest single statement of a claim.
CREATE INDEX idx_ventures_owner ON ventures (owner_user_id) WHERE archived_at IS NULL;

-- 3. KY-1, KY-3, KY-4, KY-7 on one document update, as V12 with the same checks and messages, but a claim
--    (and any update of a pending document) no longer converts OLD and NEW to jsonb, and the KYB owner's
--    venture is named only in the message of a refusal: both ran on every claim. The whole-row comparison
--    stays for decided documents (KY-1: nothing but the claim columns may change there), where it is rare.
--    NEW.user_id / NEW.venture_id are read only on their own table (PL/pgSQL plans each expression when it
--    first runs, and keeps a compiled copy of a trigger function per table).
CREATE OR REPLACE FUNCTION rules_ky_document_review() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    kyc         boolean := TG_TABLE_NAME = 'kyc_documents';
    kind        text := CASE WHEN TG_TABLE_NAME = 'kyc_documents' THEN 'KYC' ELSE 'KYB' END;
    doc         text;
    acting      uuid;
    owner_id    uuid;
    is_decision boolean := OLD.status IS NOT DISTINCT FROM 'pending' AND NEW.status IS DISTINCT FROM 'pending';
    is_first    boolean := NEW.second_approval_status IS NOT DISTINCT FROM 'awaiting'
                           AND OLD.second_approval_status IS DISTINCT FROM 'awaiting';
    is_second   boolean := OLD.second_approval_status IS NOT DISTINCT FROM 'awaiting'
                           AND COALESCE(NEW.second_approval_status IN ('confirmed', 'overturned'), false);
    decider     uuid;
    decided     timestamptz;
BEGIN
    doc := format('The %s document %s (%s)', kind, NEW.id, NEW.doc_type);

    -- KY-1: decided documents stay as decided
    IF OLD.status IS DISTINCT FROM 'pending' THEN
        IF NEW.status IS DISTINCT FROM OLD.status
           OR (to_jsonb(OLD) - 'version' - 'claimed_by' - 'claimed_until')
              IS DISTINCT FROM (to_jsonb(NEW) - 'version' - 'claimed_by' - 'claimed_until') THEN
            RAISE EXCEPTION USING ERRCODE = 'SSK01', MESSAGE = format(
                'KY-1: %s was already %s on %s by %s; a decided document is never changed (status %s refused)',
                doc, OLD.status, COALESCE(OLD.decided_at::text, 'an unknown date'), rules_user_name(OLD.reviewed_by), NEW.status);
        END IF;
        RETURN NEW;
    END IF;

    -- KY-3: nobody claims their own document
    IF NEW.claimed_by IS NOT NULL AND NEW.claimed_by IS DISTINCT FROM OLD.claimed_by THEN
        IF kyc THEN
            owner_id := NEW.user_id;
        ELSE
            SELECT owner_user_id INTO owner_id FROM ventures WHERE id = NEW.venture_id;
        END IF;
        IF NEW.claimed_by = owner_id THEN
            RAISE EXCEPTION USING ERRCODE = 'SSK03', MESSAGE = format(
                'KY-3: %s cannot claim %s: %s', rules_user_name(NEW.claimed_by), lower(doc), rules_ky_owner_words(kyc, NEW));
        END IF;
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
    IF kyc THEN
        owner_id := NEW.user_id;
    ELSE
        SELECT owner_user_id INTO owner_id FROM ventures WHERE id = NEW.venture_id;
    END IF;
    IF decider = owner_id THEN
        RAISE EXCEPTION USING ERRCODE = 'SSK03', MESSAGE = format(
            'KY-3: %s cannot decide %s: %s', rules_user_name(decider), lower(doc), rules_ky_owner_words(kyc, NEW));
    END IF;
    acting := nullif(current_setting('app.current_user_id', true), '')::uuid;
    IF acting IS NOT NULL AND decider IS DISTINCT FROM acting THEN
        RAISE EXCEPTION USING ERRCODE = 'SSK03', MESSAGE = format(
            'KY-3: %s records %s as the decider, but %s is acting', doc, rules_user_name(decider), rules_user_name(acting));
    END IF;
    RETURN NEW;
END
$$;

-- Why the owner may not claim or decide it, for the message of a refusal.
CREATE FUNCTION rules_ky_owner_words(p_kyc boolean, p_doc record) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF p_kyc THEN
        RETURN 'it is their own KYC document';
    END IF;
    RETURN format('they own the venture %s', rules_venture_name(p_doc.venture_id));
END
$$;

-- 4. Counts per status for the queue screen, exact and in a few index reads instead of every row of both tables
--    through row-level security (62-97 ms quiet, 160-240 ms loaded; from the partial indexes instead, 22-40 ms,
--    because the index-only scans need a visibility map that claims keep clearing). The number of documents in
--    each status is kept in kyc_review_status_counts by the documents' own triggers, in the same transaction as
--    the change, so it is as exact as counting: per statement for inserts and deletes (one update for a bulk
--    load), per row when status or second_approval_status changes (a decision, a first or second approval).
--    A claim changes neither column, so it does not fire them (UPDATE OF: not even called). Concurrent
--    decisions wait for each other on the counter rows until commit; each decision updates its two rows in one
--    statement, in the order of the key, so two decisions never wait on each other crosswise. The claimed count
--    changes with time (a claim expires), so it is counted: the live claims of pending documents, by V27's
--    claims_until index.
CREATE TABLE kyc_review_status_counts (
    kind   text   NOT NULL CHECK (kind IN ('KYC', 'KYB')),
    status text   NOT NULL CHECK (status IN ('pending', 'awaiting', 'verified', 'rejected')),
    n      bigint NOT NULL,
    PRIMARY KEY (kind, status)
);
-- written only by the triggers below and read only by kyc_review_counts (both SECURITY DEFINER)
REVOKE ALL ON kyc_review_status_counts FROM backoffice_app;
INSERT INTO kyc_review_status_counts (kind, status, n)
SELECT k.kind, s.status, 0 FROM (VALUES ('KYC'), ('KYB')) k(kind), (VALUES ('pending'), ('awaiting'), ('verified'), ('rejected')) s(status);

-- The queue's status of a document: pending, awaiting (the second officer), verified or rejected.
CREATE FUNCTION rules_ky_count_status(p_status doc_status, p_second_approval_status text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN p_status = 'pending' AND p_second_approval_status = 'awaiting' THEN 'awaiting' ELSE p_status::text END
$$;

CREATE FUNCTION rules_ky_count_rows() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    v_kind text := CASE WHEN TG_TABLE_NAME = 'kyc_documents' THEN 'KYC' ELSE 'KYB' END;
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE kyc_review_status_counts c SET n = c.n + d.n
          FROM (SELECT rules_ky_count_status(status, second_approval_status) AS status, count(*) AS n FROM new_rows GROUP BY 1) d
         WHERE c.kind = v_kind AND c.status = d.status;
    ELSE
        UPDATE kyc_review_status_counts c SET n = c.n - d.n
          FROM (SELECT rules_ky_count_status(status, second_approval_status) AS status, count(*) AS n FROM old_rows GROUP BY 1) d
         WHERE c.kind = v_kind AND c.status = d.status;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION rules_ky_count_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    v_kind   text := CASE WHEN TG_TABLE_NAME = 'kyc_documents' THEN 'KYC' ELSE 'KYB' END;
    v_before text := rules_ky_count_status(OLD.status, OLD.second_approval_status);
    v_after  text := rules_ky_count_status(NEW.status, NEW.second_approval_status);
BEGIN
    IF v_before <> v_after THEN
        UPDATE kyc_review_status_counts c SET n = c.n + CASE WHEN c.status = v_after THEN 1 ELSE -1 END
         WHERE c.kind = v_kind AND c.status IN (v_before, v_after);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER t95_ky_count_inserted AFTER INSERT ON kyc_documents
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rules_ky_count_rows();
CREATE TRIGGER t95_ky_count_deleted AFTER DELETE ON kyc_documents
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rules_ky_count_rows();
CREATE TRIGGER t95_ky_count_changed AFTER UPDATE OF status, second_approval_status ON kyc_documents
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.second_approval_status IS DISTINCT FROM NEW.second_approval_status)
    EXECUTE FUNCTION rules_ky_count_change();
CREATE TRIGGER t95_ky_count_inserted AFTER INSERT ON kyb_documents
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rules_ky_count_rows();
CREATE TRIGGER t95_ky_count_deleted AFTER DELETE ON kyb_documents
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rules_ky_count_rows();
CREATE TRIGGER t95_ky_count_changed AFTER UPDATE OF status, second_approval_status ON kyb_documents
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.second_approval_status IS DISTINCT FROM NEW.second_approval_status)
    EXECUTE FUNCTION rules_ky_count_change();

-- The documents already there, counted once (no other session writes while the migration runs).
UPDATE kyc_review_status_counts c SET n = d.n
  FROM (SELECT 'KYC' AS kind, rules_ky_count_status(status, second_approval_status) AS status, count(*) AS n FROM kyc_documents GROUP BY 1, 2
        UNION ALL
        SELECT 'KYB', rules_ky_count_status(status, second_approval_status), count(*) FROM kyb_documents GROUP BY 1, 2) d
 WHERE c.kind = d.kind AND c.status = d.status;

-- Counting every document is only for those who may read every document (ID-5: the system and global staff;
-- the use case asks for global compliance); anyone else is refused rather than given counts of rows they cannot
-- see. claimed = pending under a claim that has not expired (awaiting ones included), as before.
CREATE FUNCTION kyc_review_counts(p_now timestamptz,
                                  OUT pending bigint, OUT awaiting bigint, OUT verified bigint, OUT rejected bigint,
                                  OUT claimed bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT (rules_id5_is_system() OR rules_id5_is_global_staff()) THEN
        RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = format(
            'ID-5: %s may not count every KYC/KYB document: that takes a global staff role',
            rules_user_name(rules_id5_current_user()));
    END IF;
    SELECT COALESCE(sum(n) FILTER (WHERE status = 'pending'), 0), COALESCE(sum(n) FILTER (WHERE status = 'awaiting'), 0),
           COALESCE(sum(n) FILTER (WHERE status = 'verified'), 0), COALESCE(sum(n) FILTER (WHERE status = 'rejected'), 0)
      INTO pending, awaiting, verified, rejected
      FROM kyc_review_status_counts;
    claimed := (SELECT count(*) FROM kyc_documents WHERE status = 'pending' AND claimed_by IS NOT NULL AND claimed_until > p_now)
             + (SELECT count(*) FROM kyb_documents WHERE status = 'pending' AND claimed_by IS NOT NULL AND claimed_until > p_now);
END
$$;
