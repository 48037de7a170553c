-- V15: the review queue's two orders served by indexes (KY-3 claim next; issue 5's queue).
--
-- Claiming the next document reads the pending documents in queue order and takes the first one nobody
-- holds. With only (status, submitted_at) PostgreSQL sorted every pending row for each claim (35-40 ms
-- at 60,000 pending, measured 2026-12-01); these partial indexes hand the rows over already in order, so a
-- claim reads a few rows whatever the queue's length. Decided documents leave the indexes.

CREATE INDEX idx_kyc_documents_pending_oldest ON kyc_documents (submitted_at, id) WHERE status = 'pending';
CREATE INDEX idx_kyc_documents_pending_riskiest ON kyc_documents (risk_score DESC, submitted_at, id) WHERE status = 'pending';
CREATE INDEX idx_kyb_documents_pending_oldest ON kyb_documents (submitted_at, id) WHERE status = 'pending';
CREATE INDEX idx_kyb_documents_pending_riskiest ON kyb_documents (risk_score DESC, submitted_at, id) WHERE status = 'pending';
