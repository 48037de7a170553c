-- =====================================================================================
-- V29__audit_log_time_to_seq_index.sql — the audit browser's time filters, index-driven at 10M entries (issue 7)
--
-- Pages are keyset scans on seq (newest first). A time filter (ts < X, or a range) on that scan skips every
-- entry outside the range first: at 10,000,000 entries a "to" date early in the log read millions of entries
-- for one page of 100. ts and seq nearly follow each other but not exactly (an entry is stamped when its
-- transaction starts and gets its seq when it is sealed, after the commit), so seq bounds cannot be guessed
-- from the time: LocalAuditTrail reads the exact smallest and largest seq of the range from this index
-- (an index-only scan over the range's entries, 16 bytes each) and starts the seq scan there.
-- (ts, seq) serves every lookup by ts the old single-column index served, so that one goes.
-- =====================================================================================
CREATE INDEX idx_audit_log_ts_seq ON audit_log (ts, seq);
DROP INDEX idx_audit_log_timestamp;
