-- V19: the review queue's remaining filters and orders (issue 5): review deadline (due, overdue), country,
-- risk range, age, assignee; and the reads of the review pane (the applicant's or venture's other documents,
-- the applicant's devices).
--
-- Review deadline. Every document carries review_due_at: the time by which it should be decided. Risky
-- documents (risk_score >= 70, KY-4) need two officers and are the ones fraud hides in, so they are due
-- within 24 hours of submission; the others within 72 hours. It is a stored column, kept by a trigger,
-- not an expression: a comparison of two timestamptz is leakproof, so with row-level security on these
-- tables PostgreSQL may still use "review_due_at < now" as an index condition, where an expression with
-- interval arithmetic would be checked only after the row-level-security policy, row by row.
-- (Not a generated column: the KY-1 trigger compares whole OLD and NEW rows in a BEFORE trigger, where
-- generated columns are not yet computed.)
--
-- Indexes. The queue reads each table on its own columns in queue order and stops after a page
-- (JdbcKycReviewStore.queue). Each table gets the due order (pending and any status), which also serves
-- "overdue" as a range, and one index per decided status and order (below). Document type, country,
-- risk range and age are served by the order indexes (V15, V17, these) walked in order, each row checked
-- (cheaply, since the policy change at the end); assignee by idx_*_claimed_by (V1).
-- users (country_code) serves a country filter of few applicants from the other side.

CREATE FUNCTION rules_ky_review_due(p_submitted timestamptz, p_risk integer) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    -- hours only, no days or months: the result does not depend on the session's time zone
    SELECT p_submitted + CASE WHEN p_risk >= 70 THEN interval '24 hours' ELSE interval '72 hours' END
$$;

CREATE FUNCTION rules_ky_set_review_due() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.review_due_at := rules_ky_review_due(NEW.submitted_at, NEW.risk_score);
    RETURN NEW;
END
$$;

ALTER TABLE kyc_documents ADD COLUMN review_due_at timestamptz NULL;
ALTER TABLE kyb_documents ADD COLUMN review_due_at timestamptz NULL;

-- Filling the new column is no change of a document: the review and decider triggers (KY-1, ID-3) must
-- not see it as one.
ALTER TABLE kyc_documents DISABLE TRIGGER USER;
ALTER TABLE kyb_documents DISABLE TRIGGER USER;
UPDATE kyc_documents SET review_due_at = rules_ky_review_due(submitted_at, risk_score);
UPDATE kyb_documents SET review_due_at = rules_ky_review_due(submitted_at, risk_score);
ALTER TABLE kyc_documents ENABLE TRIGGER USER;
ALTER TABLE kyb_documents ENABLE TRIGGER USER;

ALTER TABLE kyc_documents ALTER COLUMN review_due_at SET NOT NULL;
ALTER TABLE kyb_documents ALTER COLUMN review_due_at SET NOT NULL;

-- t05: before every other row trigger, so the rules see the deadline set
CREATE TRIGGER t05_ky_review_due
    BEFORE INSERT OR UPDATE OF submitted_at, risk_score, review_due_at ON kyc_documents
    FOR EACH ROW EXECUTE FUNCTION rules_ky_set_review_due();
CREATE TRIGGER t05_ky_review_due
    BEFORE INSERT OR UPDATE OF submitted_at, risk_score, review_due_at ON kyb_documents
    FOR EACH ROW EXECUTE FUNCTION rules_ky_set_review_due();

-- due order and overdue
CREATE INDEX idx_kyc_documents_pending_due ON kyc_documents (review_due_at, submitted_at, id) WHERE status = 'pending';
CREATE INDEX idx_kyb_documents_pending_due ON kyb_documents (review_due_at, submitted_at, id) WHERE status = 'pending';
CREATE INDEX idx_kyc_documents_all_due ON kyc_documents (review_due_at, submitted_at, id);
CREATE INDEX idx_kyb_documents_all_due ON kyb_documents (review_due_at, submitted_at, id);

-- per decided status, each order. Under row-level security an enum comparison (status = 'verified') is
-- not leakproof, so it can be no index condition: PostgreSQL walked the whole "any status" index filtering
-- for the few verified documents (250-330 ms at 100,000 pending). A partial index whose predicate the
-- query implies is still used, and holds exactly the rows asked for.
CREATE INDEX idx_kyc_documents_verified_oldest ON kyc_documents (submitted_at, id) WHERE status = 'verified';
CREATE INDEX idx_kyc_documents_verified_riskiest ON kyc_documents (risk_score DESC, submitted_at, id) WHERE status = 'verified';
CREATE INDEX idx_kyc_documents_verified_due ON kyc_documents (review_due_at, submitted_at, id) WHERE status = 'verified';
CREATE INDEX idx_kyc_documents_rejected_oldest ON kyc_documents (submitted_at, id) WHERE status = 'rejected';
CREATE INDEX idx_kyc_documents_rejected_riskiest ON kyc_documents (risk_score DESC, submitted_at, id) WHERE status = 'rejected';
CREATE INDEX idx_kyc_documents_rejected_due ON kyc_documents (review_due_at, submitted_at, id) WHERE status = 'rejected';
CREATE INDEX idx_kyb_documents_verified_oldest ON kyb_documents (submitted_at, id) WHERE status = 'verified';
CREATE INDEX idx_kyb_documents_verified_riskiest ON kyb_documents (risk_score DESC, submitted_at, id) WHERE status = 'verified';
CREATE INDEX idx_kyb_documents_verified_due ON kyb_documents (review_due_at, submitted_at, id) WHERE status = 'verified';
CREATE INDEX idx_kyb_documents_rejected_oldest ON kyb_documents (submitted_at, id) WHERE status = 'rejected';
CREATE INDEX idx_kyb_documents_rejected_riskiest ON kyb_documents (risk_score DESC, submitted_at, id) WHERE status = 'rejected';
CREATE INDEX idx_kyb_documents_rejected_due ON kyb_documents (review_due_at, submitted_at, id) WHERE status = 'rejected';

-- the review pane: a person's or a venture's documents, a person's devices; the country filter
CREATE INDEX idx_kyc_documents_user ON kyc_documents (user_id, submitted_at);
CREATE INDEX idx_kyb_documents_venture ON kyb_documents (venture_id, submitted_at);
CREATE INDEX idx_device_posture_reports_user ON device_posture_reports (user_id, last_seen_at DESC);
CREATE INDEX idx_users_country ON users (country_code);

-- Row-level security at the price of one check per statement, not per row (ID-5 unchanged). The read
-- policies of the documents and of ventures call rules_id5_is_global_staff() — a query on
-- role_assignments, SECURITY DEFINER so never inlined — once for every row a query reads: a queue page
-- with a selective filter (a rare country, one risk score) reads thousands of index entries to find 50
-- rows, and paid 80-250 ms in these calls alone (bench/RESULTS.md, issue 5). The same conditions, with
-- the parts that do not depend on the row wrapped in a sub-select: PostgreSQL evaluates such a sub-select
-- once per statement (an InitPlan) and, for the staff, stops there.
ALTER POLICY id5_read ON kyc_documents
    USING ((SELECT rules_id5_is_system() OR rules_id5_is_global_staff()) OR user_id = rules_id5_current_user());
ALTER POLICY id5_read ON kyb_documents
    USING ((SELECT rules_id5_is_system() OR rules_id5_is_global_staff())
           OR rules_id5_has_venture_role(venture_id, 'owner', 'contributor', 'reviewer'));
ALTER POLICY id5_read ON ventures
    USING ((SELECT rules_id5_is_system() OR rules_id5_is_global_staff())
           OR rules_id5_has_venture_role(id, 'owner', 'contributor', 'reviewer') OR rules_id5_takes_part_in(id));
