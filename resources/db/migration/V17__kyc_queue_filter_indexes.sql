-- V17: the review queue's first page is served by an index for every filter of the review screen (issue 5).
--
-- The queue reads each table on its own columns, in queue order, and stops after one page (JdbcKycReviewStore.queue).
-- V15's partial indexes serve pending documents; these serve the other statuses the screen filters by:
-- the risky approvals awaiting a second officer (few rows among many pending ones: without their own index
-- every pending row was read and checked by row-level security), the decided documents (verified,
-- rejected) and "any status", in both orders. Measured with bench/KycQueueBenchmark (bench/RESULTS.md).

CREATE INDEX idx_kyc_documents_awaiting_oldest ON kyc_documents (submitted_at, id)
    WHERE status = 'pending' AND second_approval_status = 'awaiting';
CREATE INDEX idx_kyc_documents_awaiting_riskiest ON kyc_documents (risk_score DESC, submitted_at, id)
    WHERE status = 'pending' AND second_approval_status = 'awaiting';
CREATE INDEX idx_kyb_documents_awaiting_oldest ON kyb_documents (submitted_at, id)
    WHERE status = 'pending' AND second_approval_status = 'awaiting';
CREATE INDEX idx_kyb_documents_awaiting_riskiest ON kyb_documents (risk_score DESC, submitted_at, id)
    WHERE status = 'pending' AND second_approval_status = 'awaiting';

CREATE INDEX idx_kyc_documents_decided_oldest ON kyc_documents (status, submitted_at, id) WHERE status <> 'pending';
CREATE INDEX idx_kyc_documents_decided_riskiest ON kyc_documents (status, risk_score DESC, submitted_at, id) WHERE status <> 'pending';
CREATE INDEX idx_kyb_documents_decided_oldest ON kyb_documents (status, submitted_at, id) WHERE status <> 'pending';
CREATE INDEX idx_kyb_documents_decided_riskiest ON kyb_documents (status, risk_score DESC, submitted_at, id) WHERE status <> 'pending';

CREATE INDEX idx_kyc_documents_all_oldest ON kyc_documents (submitted_at, id);
CREATE INDEX idx_kyc_documents_all_riskiest ON kyc_documents (risk_score DESC, submitted_at, id);
CREATE INDEX idx_kyb_documents_all_oldest ON kyb_documents (submitted_at, id);
CREATE INDEX idx_kyb_documents_all_riskiest ON kyb_documents (risk_score DESC, submitted_at, id);
