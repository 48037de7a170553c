-- =====================================================================================
-- V22__temporary_passwords.sql — ID-3 and ID-4 on user_credentials; KY-7 on uploaded documents
--
-- An administrator opens an account with a temporary password that its owner must replace at the first
-- sign-in (user_credentials.must_change_password, there since V1). V14 let any user who can read the row
-- (the person, the global staff) write it; this narrows writes by the application role (an acting user
-- set; the system — sign-in, the demo loader — is not concerned):
--  * ID-3: giving someone credentials, or setting a password for someone else, is "manage users": the
--    global admin role. Unlocking (failed_attempts, locked_until) is too.
--  * ID-4: a password an administrator sets for someone else is temporary: must_change_password must be
--    true. Only the person clears it, and only together with a new password of their own, so "must
--    change" cannot be switched off while the temporary password stays.
-- Refusals: SQLSTATE SSI03 'ID-3: ...' (as V14) and SSI04 'ID-4: ...'.
-- =====================================================================================

CREATE FUNCTION rules_id4_credentials_writer() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    me      uuid := rules_id5_current_user();
    admin   boolean;
    changed text;
BEGIN
    IF me IS NULL THEN
        RETURN NEW;
    END IF;
    admin := rules_id5_has_global_role('admin');
    IF TG_OP = 'INSERT' THEN
        IF NOT admin THEN
            PERFORM rules_id3_refuse(format('give %s a password', rules_user_name(NEW.user_id)), 'the global admin role');
        END IF;
        IF NEW.user_id IS DISTINCT FROM me AND NOT NEW.must_change_password THEN
            RAISE EXCEPTION USING ERRCODE = 'SSI04', MESSAGE = format(
                'ID-4: The password %s sets for %s is temporary: it must be marked to be changed at the first sign-in',
                rules_user_name(me), rules_user_name(NEW.user_id));
        END IF;
        RETURN NEW;
    END IF;

    IF NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN
        IF OLD.user_id IS DISTINCT FROM me THEN
            IF NOT admin THEN
                PERFORM rules_id3_refuse(format('set the password of %s', rules_user_name(OLD.user_id)),
                                         'the person themselves or the global admin role');
            END IF;
            IF NOT NEW.must_change_password THEN
                RAISE EXCEPTION USING ERRCODE = 'SSI04', MESSAGE = format(
                    'ID-4: The password %s sets for %s is temporary: it must be marked to be changed at the first sign-in',
                    rules_user_name(me), rules_user_name(OLD.user_id));
            END IF;
        END IF;
    ELSIF OLD.must_change_password AND NOT NEW.must_change_password THEN
        RAISE EXCEPTION USING ERRCODE = 'SSI04', MESSAGE = format(
            'ID-4: %s still has a temporary password; only a new password of their own clears "must change password"',
            rules_user_name(OLD.user_id));
    END IF;

    changed := rules_changed_columns(to_jsonb(OLD), to_jsonb(NEW),
                                     ARRAY['password_hash', 'must_change_password', 'password_changed_at', 'version']);
    IF changed IS NOT NULL AND NOT admin
       AND NOT (OLD.user_id = me AND NEW.password_hash IS DISTINCT FROM OLD.password_hash) THEN
        -- failed_attempts and locked_until: sign-in (the system) counts them; a person resets them only by
        -- choosing a new password; anyone else unlocking an account manages users.
        PERFORM rules_id3_refuse(format('edit %s of the credentials of %s', changed, rules_user_name(OLD.user_id)),
                                 'the global admin role');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t90_id4_credentials_writer
    BEFORE INSERT OR UPDATE ON user_credentials
    FOR EACH ROW EXECUTE FUNCTION rules_id4_credentials_writer();

-- =====================================================================================
-- KY-7 on uploads: a decision names the sha256 of the exact bytes reviewed, so a KYC document that the
-- application submits with evidence must name bytes that are stored (document_blobs), or there would be
-- nothing to review. The system (demo loader, maintenance) and seed-shaped rows without evidence are not
-- concerned; whether stored bytes still match their address is the reviewer's check (KycReview).
-- =====================================================================================
CREATE FUNCTION rules_ky7_submitted_evidence() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF rules_id5_is_system() OR NEW.evidence_sha256 IS NULL THEN
        RETURN NEW;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM document_blobs WHERE sha256 = NEW.evidence_sha256) THEN
        RAISE EXCEPTION USING ERRCODE = 'SSK07', MESSAGE = format(
            'KY-7: The %s document of %s names evidence %s, but no such bytes are stored; upload the file with it',
            NEW.doc_type, rules_user_name(NEW.user_id), NEW.evidence_sha256);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t20_ky7_submitted_evidence
    BEFORE INSERT ON kyc_documents
    FOR EACH ROW EXECUTE FUNCTION rules_ky7_submitted_evidence();
