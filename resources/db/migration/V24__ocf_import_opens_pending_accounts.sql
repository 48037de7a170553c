-- Cap table interchange (OCF import): the owner of a venture may open pending accounts for the
-- stakeholders of a package imported into that venture.
--
-- ID-3 keeps opening accounts for others to the global admin. An import of a cap table, which ID-3 allows
-- the venture's owner, must give every stakeholder who is no user yet a pending account (matched by
-- e-mail otherwise), or the ledger could not name them. So the import announces, for its transaction only
-- (set_config(..., true)), the venture it imports into; the trigger then lets an INSERT pass when the
-- acting user owns that venture (or is a global admin) and the account is opened with KYC 'pending', as
-- every new account is. The setting alone grants nothing: ownership is checked here, in the database.
CREATE OR REPLACE FUNCTION rules_id3_user_writer() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    me      uuid := rules_id5_current_user();
    changed text;
    import_venture uuid := NULLIF(current_setting('app.ocf_import_venture', true), '')::uuid;
BEGIN
    IF me IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NOT rules_id5_has_global_role('admin')
           AND NOT (import_venture IS NOT NULL AND rules_id5_has_venture_role(import_venture, 'owner')
                    AND NEW.kyc_status IS NOT DISTINCT FROM 'pending') THEN
            PERFORM rules_id3_refuse(format('open an account for %s', NEW.display_name),
                                     'the global admin role (or owning the venture an OCF import opens it for)');
        END IF;
        IF NEW.kyc_status IS DISTINCT FROM 'pending' AND NOT rules_id5_has_global_role('compliance') THEN
            PERFORM rules_id3_refuse(format('open the account of %s as KYC %s', NEW.display_name,
                                            COALESCE(NEW.kyc_status::text, 'none')), 'the global compliance role');
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.kyc_status IS DISTINCT FROM OLD.kyc_status AND NOT rules_id5_has_global_role('compliance') THEN
        PERFORM rules_id3_refuse(
            format('set the KYC status of %s from %s to %s', OLD.display_name, COALESCE(OLD.kyc_status::text, 'none'),
                   COALESCE(NEW.kyc_status::text, 'none')),
            'the global compliance role');
    END IF;
    changed := rules_changed_columns(to_jsonb(OLD), to_jsonb(NEW), ARRAY['kyc_status', 'updated_at', 'version']);
    IF changed IS NOT NULL AND me IS DISTINCT FROM OLD.id AND NOT rules_id5_has_global_role('admin') THEN
        PERFORM rules_id3_refuse(format('edit %s of %s', changed, OLD.display_name),
                                 'the person themselves or the global admin role');
    END IF;
    RETURN NEW;
END
$$;
