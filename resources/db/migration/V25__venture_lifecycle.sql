-- =====================================================================================
-- V25__venture_lifecycle.sql — the database half of the ventures administration (issue 10)
--
-- DOMAIN.md names the venture statuses (draft, active, suspended, archived), KY-6 (becoming active
-- needs verified KYB documents, V3), KY-5 (a role needs a KYC-verified person), LH-3 (a venture under
-- an active hold keeps its data) and the soft delete of ventures (archived_at, never DELETE: SD-1, V3).
-- It gives no transition table, so it is decided here, and the Java policy
-- (domain.ventures.VentureAdminUseCases) says the same:
--
--  * VS-1 (SQLSTATE SSV01) Status transitions. A venture never returns to draft and never leaves
--    'archived':
--        draft     -> active | suspended | archived
--        active    -> suspended | archived
--        suspended -> active | archived
--    (becoming active still needs KY-6, checked by V3's t10_ky6_active_needs_kyb.)
--  * VS-2 (SQLSTATE SSV02) Archiving (the soft delete, archived_at set) is final: archived_at is never
--    cleared or moved, and the status of an archived venture does not change any more. A venture is not
--    archived while a legal hold on it is active (LH-3: it would vanish from every list while the hold
--    keeps its data).
--  * KY-5 (SQLSTATE SSK05) The owner of a venture holds the owner role through owner_user_id (as
--    rules_id5_has_venture_role and Actor count it), so the owner must be KYC-verified when an acting
--    user creates the venture or hands it to a new owner. The system (no acting user: migrations, demo
--    data, fixtures) is exempt, as in every ID-3 trigger.
--  * ID-3 (SQLSTATE SSI03) Changing a venture's status, archiving it, renaming it, moving its region,
--    owner or platform cap is "manage ventures": the global admin role. (Founding one's own venture stays
--    as V14's insert policy allows.)
-- =====================================================================================

CREATE FUNCTION rules_vs_venture_lifecycle() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    me       uuid := rules_id5_current_user();
    old_s    text;
    new_s    text;
    hold     record;
    owner_kyc text;
    changed  text;
BEGIN
    new_s := COALESCE(NEW.status::text, 'draft');
    IF TG_OP = 'UPDATE' THEN
        old_s := COALESCE(OLD.status::text, 'draft');

        -- ID-3: only a global admin manages a venture (the system may do everything).
        IF me IS NOT NULL AND NOT rules_id5_has_global_role('admin') THEN
            changed := rules_changed_columns(to_jsonb(OLD), to_jsonb(NEW),
                                             ARRAY['updated_at', 'version', 'created_at', 'id']);
            IF changed IS NOT NULL THEN
                PERFORM rules_id3_refuse(format('change %s of the venture %s', changed, OLD.name),
                                         'the global admin role');
            END IF;
        END IF;

        -- VS-2: archiving is final.
        IF OLD.archived_at IS NOT NULL THEN
            IF NEW.archived_at IS DISTINCT FROM OLD.archived_at OR new_s <> old_s THEN
                RAISE EXCEPTION USING ERRCODE = 'SSV02', MESSAGE = format(
                    'VS-2: The venture %s was archived on %s; archiving is final (no status change, archived_at stays)',
                    OLD.name, to_char(OLD.archived_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'));
            END IF;
        END IF;

        -- VS-1: the allowed transitions.
        IF new_s <> old_s AND NOT (
               (old_s = 'draft' AND new_s IN ('active', 'suspended', 'archived'))
            OR (old_s = 'active' AND new_s IN ('suspended', 'archived'))
            OR (old_s = 'suspended' AND new_s IN ('active', 'archived'))) THEN
            RAISE EXCEPTION USING ERRCODE = 'SSV01', MESSAGE = format(
                'VS-1: The venture %s cannot go from %s to %s; %s', OLD.name, old_s, new_s,
                CASE old_s WHEN 'archived' THEN 'an archived venture stays archived'
                           WHEN 'active' THEN 'an active venture may only be suspended or archived'
                           WHEN 'suspended' THEN 'a suspended venture may only become active again or be archived'
                           ELSE 'a venture never returns to draft' END);
        END IF;
    END IF;

    -- VS-2: not archived under an active legal hold (LH-3).
    IF NEW.archived_at IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.archived_at IS NULL) THEN
        SELECT applies_to, imposed_at, reason INTO hold FROM legal_holds
         WHERE venture_id = NEW.id AND released_at IS NULL ORDER BY imposed_at LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'SSV02', MESSAGE = format(
                'VS-2: The venture %s cannot be archived: the %s legal hold imposed %s (%s) is active; it must be released first (LH-3)',
                NEW.name, hold.applies_to, to_char(hold.imposed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), hold.reason);
        END IF;
    END IF;

    -- KY-5: the owner of a venture an acting user creates or hands over is KYC-verified.
    IF me IS NOT NULL AND NEW.owner_user_id IS NOT NULL
       AND (TG_OP = 'INSERT' OR NEW.owner_user_id IS DISTINCT FROM OLD.owner_user_id) THEN
        SELECT kyc_status::text INTO owner_kyc FROM users WHERE id = NEW.owner_user_id;
        IF owner_kyc IS DISTINCT FROM 'verified' THEN
            RAISE EXCEPTION USING ERRCODE = 'SSK05', MESSAGE = format(
                'KY-5: %s cannot own the venture %s: their KYC status is %s, not verified',
                rules_user_name(NEW.owner_user_id), NEW.name, COALESCE(owner_kyc, 'unknown'));
        END IF;
    END IF;
    RETURN NEW;
END
$$;

-- Named after t10_ky6 so that KY-6's own sentence speaks first when a venture is activated too early.
CREATE TRIGGER t20_vs_venture_lifecycle
    BEFORE INSERT OR UPDATE ON ventures
    FOR EACH ROW EXECUTE FUNCTION rules_vs_venture_lifecycle();

-- =====================================================================================
-- KY-7 on uploads, the size: a KYC document an acting user submits names stored bytes of at most 5 MB
-- (5 * 1024 * 1024 bytes, the same limit as dispute evidence, V20, and as
-- org.smartstart.backoffice.domain.identity.KycUpload.MAX_BYTES). The API takes bodies of 8 MiB, so the
-- base64 of a 5 MB file (a third more) fits. The system (demo loader, maintenance) is not concerned.
-- =====================================================================================
CREATE FUNCTION rules_ky7_upload_size() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    size bigint;
BEGIN
    IF rules_id5_is_system() OR NEW.evidence_sha256 IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT octet_length(bytes) INTO size FROM document_blobs WHERE sha256 = NEW.evidence_sha256;
    IF size > rules_ds_evidence_max_bytes() THEN
        RAISE EXCEPTION USING ERRCODE = 'SSK07', MESSAGE = format(
            'KY-7: The %s document of %s is %s bytes; a KYC document has at most %s bytes (5 MB)',
            NEW.doc_type, rules_user_name(NEW.user_id), size, rules_ds_evidence_max_bytes());
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t21_ky7_upload_size
    BEFORE INSERT ON kyc_documents
    FOR EACH ROW EXECUTE FUNCTION rules_ky7_upload_size();
