-- V27: "claim next" reads the head of the unclaimed queue, not past every claim held (issue 5, KY-3).
--
-- A claim is one statement per table (JdbcKycReviewStore.claimNext): the first claimable document in queue
-- order, locked with FOR UPDATE SKIP LOCKED, claimed and returned. Claimable means pending, not awaiting the
-- second officer, and unclaimed or its claim expired. Walking V15's pending indexes, every document under an
-- unexpired claim at the head of the queue was read and skipped, and claimed documents gather exactly there:
-- 16 officers holding 4,000 claims made each claim read thousands of rows. So the claimable documents come
-- from two sets, each served by its own partial index:
--   * never claimed or released (claimed_by IS NULL), in each queue order: the head is the first index entry;
--   * claimed but expired, found by claimed_until (the expired ones are the few at the low end), then sorted.
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
