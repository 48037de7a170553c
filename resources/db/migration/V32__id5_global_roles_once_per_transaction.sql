-- V32: ID-5's "does the acting user hold one of these global roles" reads role_assignments once per
-- transaction instead of once per call (issue 5; measurements in bench/RESULTS.md, "sixth round").
--
-- Every row-level security policy of a staff-readable table asks it (as an InitPlan, V19/V27), and so do the
-- ID-3 triggers: five to six times in one claim, each time a PL/pgSQL call with its own query. perf of the
-- server under 16 claimers put 11 % of PostgreSQL's CPU in those InitPlans, and a call cost 11-18 us.
--
-- Now the first check in a transaction reads the user's global roles once and keeps them in the transaction's
-- own setting app.id5_global_roles ("<user id>|<role>,<role>"), which PostgreSQL discards at COMMIT or
-- ROLLBACK (and at ROLLBACK TO SAVEPOINT for a check made after the savepoint). Later checks compare strings:
-- rules_id5_has_global_role is a plain SQL expression again, which the planner inlines, 1.4-2.5 us a call.
--   * The key is the user: a transaction that switches app.current_user_id reads the new user's roles.
--   * A change of role_assignments in the same transaction forgets what was read (the trigger below), so a
--     role granted or revoked counts from the next statement on, as before.
--   * A role granted or revoked by another session while the transaction runs counts from its next
--     transaction, as for the Actor that the use case loaded when it began (ActorLoader).
--   * Trust does not change: a session acting as backoffice_app that writes this setting could as well write
--     app.current_user_id, which row-level security already believes.

CREATE FUNCTION rules_id5_load_global_roles() RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    v_user  text := COALESCE(current_setting('app.current_user_id', true), '');
    v_roles text := '';
BEGIN
    IF v_user <> '' THEN
        SELECT COALESCE(string_agg(DISTINCT role::text, ','), '') INTO v_roles
          FROM role_assignments
         WHERE user_id = v_user::uuid AND venture_id IS NULL AND revoked_at IS NULL AND role IS NOT NULL;
    END IF;
    -- a local setting made in a function outlives the function (only the function's own SET clause,
    -- search_path, is restored when it returns) and ends with the transaction
    PERFORM set_config('app.id5_global_roles', v_user || '|' || v_roles, true);
    RETURN v_roles;
END
$$;

-- The acting user's global roles, comma-separated: what this transaction read, or read now.
CREATE FUNCTION rules_id5_global_roles() RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN strpos(current_setting('app.id5_global_roles', true), '|') > 0
                     AND split_part(current_setting('app.id5_global_roles', true), '|', 1)
                         = COALESCE(current_setting('app.current_user_id', true), '')
                THEN split_part(current_setting('app.id5_global_roles', true), '|', 2)
                ELSE rules_id5_load_global_roles() END
$$;

-- Same signature and answer as V14 / V27 (never true for the system, which has no roles).
CREATE OR REPLACE FUNCTION rules_id5_has_global_role(VARIADIC p_roles text[]) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT string_to_array(rules_id5_global_roles(), ',') && p_roles
$$;

CREATE FUNCTION rules_id5_forget_global_roles() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('app.id5_global_roles', '', true);
    RETURN NULL;
END
$$;

CREATE TRIGGER t99_id5_forget_global_roles AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION rules_id5_forget_global_roles();
