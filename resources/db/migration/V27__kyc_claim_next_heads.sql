-- V27: "claim next" reads the head of the unclaimed queue, not past every claim held (issue 5, KY-3).
--
-- A claim is one statement per table (JdbcKycReviewStore.claimNext): the first claimable document in queue
-- order, locked with FOR UPDATE SKIP LOCKED, claimed and returned. Claimable means pending, not awaiting the
-- second officer, and unclaimed or its claim expired. Walking V15's pending indexes, every document under an
-- unexpired claim at the head of the queue was read and skipped, and claimed documents gather exactly there:
-- 16 officers holding 4,000 claims made each claim read thousands of rows. So the claimable documents come
-- from two sets, each served by its own partial index:
--   * never claimed or released (claimed_by IS NULL), in each queue order: the head is the first index entry;
--   * claimed but expired, found by claimed_until (the expired ones are the few at the low end), then sorted;
--     a claim without an end counts as expired, as before, and is its own head (claimed_until IS NULL): with
--     "claimed_until IS NULL OR claimed_until <= now", or COALESCE(…) <= now (not leakproof, so under row-level
--     security no index condition), PostgreSQL read every live claim.
-- The rules do not change: KY-3 stays enforced by rules_ky_document_review (V12) on every claim.

CREATE INDEX idx_kyc_documents_unclaimed_oldest ON kyc_documents (submitted_at, id)
    WHERE status = 'pending' AND claimed_by IS NULL;
CREATE INDEX idx_kyc_documents_unclaimed_riskiest ON kyc_documents (risk_score DESC, submitted_at, id)
    WHERE status = 'pending' AND claimed_by IS NULL;
CREATE INDEX idx_kyc_documents_unclaimed_due ON kyc_documents (review_due_at, submitted_at, id)
    WHERE status = 'pending' AND claimed_by IS NULL;
CREATE INDEX idx_kyc_documents_claims_until ON kyc_documents (claimed_until)
    WHERE status = 'pending' AND claimed_by IS NOT NULL;

CREATE INDEX idx_kyb_documents_unclaimed_oldest ON kyb_documents (submitted_at, id)
    WHERE status = 'pending' AND claimed_by IS NULL;
CREATE INDEX idx_kyb_documents_unclaimed_riskiest ON kyb_documents (risk_score DESC, submitted_at, id)
    WHERE status = 'pending' AND claimed_by IS NULL;
CREATE INDEX idx_kyb_documents_unclaimed_due ON kyb_documents (review_due_at, submitted_at, id)
    WHERE status = 'pending' AND claimed_by IS NULL;
CREATE INDEX idx_kyb_documents_claims_until ON kyb_documents (claimed_until)
    WHERE status = 'pending' AND claimed_by IS NOT NULL;

-- Row-level security of a claim at the price of one check per statement (ID-5 unchanged). SELECT … FOR UPDATE
-- and UPDATE apply the tables' UPDATE policies (V14), whose rules_id5_can_read_user / rules_id5_can_read_venture
-- end in rules_id5_has_global_role: an SQL function that is SECURITY DEFINER, so never inlined, and planned
-- again on every call. Profiled with pg_stat_statements under 16 claimers: about 12 such calls per claim,
-- 2.4 ms of PostgreSQL's time per claim, the largest single cost (bench/RESULTS.md, issue 5). As V19 did for
-- the read policies: the same conditions, the parts that do not depend on the row in a sub-select, which
-- PostgreSQL evaluates once per statement (an InitPlan).
ALTER POLICY id5_update ON kyc_documents
    USING ((SELECT rules_id5_is_system() OR rules_id5_is_global_staff()) OR user_id = rules_id5_current_user())
    WITH CHECK ((SELECT rules_id5_is_system() OR rules_id5_is_global_staff()) OR user_id = rules_id5_current_user());
ALTER POLICY id5_update ON kyb_documents
    USING ((SELECT rules_id5_is_system() OR rules_id5_is_global_staff())
           OR rules_id5_has_venture_role(venture_id, 'owner', 'contributor', 'reviewer'))
    WITH CHECK ((SELECT rules_id5_is_system() OR rules_id5_is_global_staff())
                OR rules_id5_has_venture_role(venture_id, 'owner', 'contributor', 'reviewer'));

-- The same answer as V14's rules_id5_has_global_role, in PL/pgSQL: an SQL function that cannot be inlined
-- (SECURITY DEFINER) plans its query on every call — 0.1-0.2 ms each, several times per claim and per use case
-- (every InitPlan above, the ID-3 decider trigger) — where PL/pgSQL keeps the plan for the session.
CREATE OR REPLACE FUNCTION rules_id5_has_global_role(VARIADIC p_roles text[]) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM role_assignments
                    WHERE user_id = rules_id5_current_user() AND venture_id IS NULL
                      AND revoked_at IS NULL AND role::text = ANY (p_roles));
END
$$;
