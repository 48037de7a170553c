-- =====================================================================================
-- V20: the database's side of two dispute features of the disputes workspace.
--
--  * DS-4 "a task reopened" as a remedy: a decided task (approved or rejected) goes back to open only
--    together with a dispute over it (or one of its reviews) resolved, in the same transaction, with
--    a task_reopen remedy naming it. Checked at commit (a deferred constraint trigger), because the
--    use case reopens the task before it writes the decision. "The same transaction" is the dispute
--    row's xmin: the row version written by this transaction. SSD04.
--  * Dispute evidence (DS-1..DS-4 "evidence files attached and stored with their sha256"): a row names
--    stored bytes by their sha256 (document_blobs) with the same media type; the bytes are at most
--    5 MB of a PDF, PNG, JPEG, plain text or CSV file (the same figures as
--    org.smartstart.backoffice.domain.disputes.DisputeEvidence); evidence is added only while the
--    dispute is open or in review, in the acting user's own name; it is never edited or removed. SSD05.
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- DS-4  A decided task is reopened only as a dispute's remedy.
-- -------------------------------------------------------------------------------------
CREATE FUNCTION rules_ds4_task_reopened_by_dispute() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    current_task record;
BEGIN
    SELECT status, title, venture_id INTO current_task FROM tasks WHERE id = NEW.id;
    -- Reopened and decided again within the transaction: nothing was reopened in the end.
    IF current_task.status IS DISTINCT FROM 'open' THEN
        RETURN NULL;
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM disputes d
         WHERE d.status = 'resolved'
           AND d.remedy ->> 'kind' = 'task_reopen'
           AND d.remedy ->> 'task_id' = NEW.id::text
           AND (d.object_id = NEW.id OR d.object_id IN (SELECT r.id FROM reviews r WHERE r.task_id = NEW.id))
           AND d.xmin::text::bigint = pg_current_xact_id()::text::bigint % 4294967296) THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD04', MESSAGE = format(
            'DS-4: Task "%s" of %s was %s and is reopened only as the remedy of a dispute over it, resolved in the same transaction',
            current_task.title, rules_venture_name(current_task.venture_id), OLD.status);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER t30_ds4_task_reopened_by_dispute
    AFTER UPDATE ON tasks
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN (OLD.status IN ('approved', 'rejected') AND NEW.status = 'open')
    EXECUTE FUNCTION rules_ds4_task_reopened_by_dispute();

-- -------------------------------------------------------------------------------------
-- Dispute evidence: stored bytes named by their sha256, limited, added while undecided, never changed.
-- -------------------------------------------------------------------------------------
CREATE FUNCTION rules_ds_evidence_max_bytes() RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$ SELECT 5 * 1024 * 1024 $$;

CREATE FUNCTION rules_ds_evidence_added() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    blob      record;
    dispute   record;
    acting    uuid;
    evidence  text;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD05', MESSAGE = format(
            'DS-1: The evidence %s of a dispute is kept as attached; it is never %s (attach another file instead)',
            OLD.file_name, CASE WHEN TG_OP = 'DELETE' THEN 'removed' ELSE 'edited' END);
    END IF;
    evidence := format('The evidence %s', NEW.file_name);
    IF NEW.sha256 IS NULL OR NEW.sha256 !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD05', MESSAGE = format(
            'DS-1: %s names its bytes by sha256 %s; a sha256 is 64 lower-case hex digits', evidence, coalesce(NEW.sha256, 'none'));
    END IF;
    IF NEW.media_type NOT IN ('application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'text/csv') THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD05', MESSAGE = format(
            'DS-1: %s is %s; evidence is a PDF, PNG or JPEG image, plain text or CSV file', evidence, NEW.media_type);
    END IF;
    SELECT media_type, octet_length(bytes) AS size, encode(sha256(bytes), 'hex') AS actual INTO blob
      FROM document_blobs WHERE sha256 = NEW.sha256;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD05', MESSAGE = format(
            'DS-1: %s names sha256 %s, but no bytes with that sha256 are stored', evidence, NEW.sha256);
    END IF;
    IF blob.actual <> NEW.sha256 THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD05', MESSAGE = format(
            'DS-1: %s names sha256 %s, but the bytes stored under it hash to %s', evidence, NEW.sha256, blob.actual);
    END IF;
    IF blob.media_type <> NEW.media_type THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD05', MESSAGE = format(
            'DS-1: %s is named %s but its stored bytes are %s', evidence, NEW.media_type, blob.media_type);
    END IF;
    IF blob.size > rules_ds_evidence_max_bytes() THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD05', MESSAGE = format(
            'DS-1: %s has %s bytes; an evidence file has at most %s bytes (5 MB)', evidence, blob.size, rules_ds_evidence_max_bytes());
    END IF;
    SELECT status, venture_id INTO dispute FROM disputes WHERE id = NEW.dispute_id;
    IF dispute.status IN ('resolved', 'rejected') THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD05', MESSAGE = format(
            'DS-1: The dispute on %s is %s; evidence is added while it is open or in review (an appeal reopens its review)',
            rules_venture_name(dispute.venture_id), dispute.status);
    END IF;
    acting := NULLIF(current_setting('app.current_user_id', true), '')::uuid;
    IF acting IS NOT NULL AND NEW.added_by IS DISTINCT FROM acting THEN
        RAISE EXCEPTION USING ERRCODE = 'SSD05', MESSAGE = format(
            'DS-1: %s is added by %s but names %s as the one who added it', evidence, rules_user_name(acting),
            coalesce(rules_user_name(NEW.added_by), 'nobody'));
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t10_ds_evidence_added
    BEFORE INSERT OR UPDATE OR DELETE ON dispute_evidence
    FOR EACH ROW EXECUTE FUNCTION rules_ds_evidence_added();

CREATE INDEX idx_dispute_evidence_dispute ON dispute_evidence (dispute_id, added_at);
