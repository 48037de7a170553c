-- =====================================================================================
-- V5__application_role.sql — the least-privilege role the application works as
--
-- Migrations run as the role that owns the schema. Every application transaction drops to
-- backoffice_app (Transactions: SET LOCAL ROLE), which
--  * owns nothing and may not create anything: table owners bypass row-level security and may
--    drop or alter triggers, so the role that serves users must never be an owner;
--  * may read and write business tables, but never UPDATE, DELETE or TRUNCATE audit_log (AU-3;
--    the V4 triggers refuse those too, for the owner as well) and never move audit_chain_head
--    itself: the head is advanced only by the SECURITY DEFINER triggers of V4 (AU-2);
--  * deletes nothing except sealed entries from audit_outbox (rows elsewhere are archived,
--    never deleted) and truncates nothing.
-- =====================================================================================

-- Roles belong to the whole cluster, not to one database: a server may hold many databases
-- migrated by this script (the tests copy one template dozens of times), so create it once.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'backoffice_app') THEN
        CREATE ROLE backoffice_app NOLOGIN;
    END IF;
EXCEPTION
    WHEN duplicate_object THEN
        NULL; -- another database's migration created it in the meantime
END
$$;

-- The pool connects as the migrating role and switches with SET ROLE, which a non-superuser may
-- only do for roles it is a member of. (A superuser may SET ROLE to anything already.)
DO $$
BEGIN
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
       AND NOT pg_has_role(current_user, 'backoffice_app', 'MEMBER') THEN
        EXECUTE format('GRANT backoffice_app TO %I', current_user);
    END IF;
EXCEPTION
    WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'The database user "%" cannot become backoffice_app; ask a superuser to run: GRANT backoffice_app TO %',
            current_user, quote_ident(current_user);
END
$$;

-- No DDL for anyone but the owner: PostgreSQL before 15 let every role create in public.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO backoffice_app;

GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO backoffice_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO backoffice_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO backoffice_app;
-- the sealer removes entries from the outbox once they are in audit_log
GRANT DELETE ON audit_outbox TO backoffice_app;

-- AU-3: append-only, by privilege as well as by trigger
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM backoffice_app;
-- AU-2: the head moves only through the audit_log triggers of V4 (SECURITY DEFINER)
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_head FROM backoffice_app;
-- AU-1: the token key is created once and never replaced, or old tokens would stop matching
REVOKE UPDATE, DELETE, TRUNCATE ON audit_token_key FROM backoffice_app;
-- Flyway's own bookkeeping is the owner's business
REVOKE ALL ON flyway_schema_history FROM backoffice_app;

-- Tables, sequences and functions created by later migrations (run by this same role) get the
-- same baseline; a later migration that needs tighter rules revokes, as above.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO backoffice_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO backoffice_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO backoffice_app;
