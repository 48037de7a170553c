-- =====================================================================================
-- V16: ID-3 in the database for the two tables V14 left to the use cases: disputes and BUZ transactions.
--
-- Disputes ("work disputes: support, admin (global)"): anyone may raise a dispute, in their own name and as a
-- new open dispute; assigning, reviewing, deciding and remedies take the global support or admin role; the one
-- who raised it may appeal its decision once (DS-1) and nothing else.
--
-- BUZ transactions: the matrix has no row of its own for issuing BUZ; the use cases treat issuing, redeeming and
-- converting like the cap table ("edit cap table, convert BUZ": the venture's owner or a global admin). Global
-- support also writes them: the compensating transaction of a dispute's remedy (DS-4) is support's work.
-- The system (no acting user) may do everything, as in V14. The rules' own triggers fire first (t90_ prefix).
-- =====================================================================================

CREATE FUNCTION rules_id3_dispute_writer() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    me uuid;
BEGIN
    IF rules_id5_is_system() OR rules_id5_has_global_role('support', 'admin') THEN
        RETURN NEW;
    END IF;
    me := rules_id5_current_user();
    IF TG_OP = 'INSERT' THEN
        IF NEW.raised_by_user_id IS NOT DISTINCT FROM me AND NEW.status = 'open'
           AND NEW.assigned_to IS NULL AND NEW.decided_by IS NULL AND NEW.resolution IS NULL AND NEW.remedy IS NULL THEN
            RETURN NEW;
        END IF;
        PERFORM rules_id3_refuse(
            format('raise a dispute on a %s %s',
                   NEW.object_type,
                   CASE WHEN NEW.raised_by_user_id IS NOT DISTINCT FROM me THEN 'already assigned, reviewed or decided'
                        ELSE format('in the name of %s', coalesce(rules_user_name(NEW.raised_by_user_id), 'nobody')) END),
            'raising it as a new open dispute in one''s own name, or the global support or admin role');
    END IF;
    IF OLD.raised_by_user_id IS NOT DISTINCT FROM me
       AND OLD.status IN ('resolved', 'rejected') AND NEW.status = 'in_review'
       AND NEW.appeal_count = OLD.appeal_count + 1
       AND NEW.assigned_to IS NOT DISTINCT FROM OLD.assigned_to
       AND NEW.resolution IS NOT DISTINCT FROM OLD.resolution
       AND NEW.remedy IS NOT DISTINCT FROM OLD.remedy THEN
        RETURN NEW;
    END IF;
    PERFORM rules_id3_refuse(
        format('work the dispute on a %s raised by %s', OLD.object_type, coalesce(rules_user_name(OLD.raised_by_user_id), 'nobody')),
        'the global support or admin role (the person who raised it may only appeal its decision, once)');
    RETURN NEW;
END
$$;

CREATE TRIGGER t90_id3_dispute_writer
    BEFORE INSERT OR UPDATE ON disputes
    FOR EACH ROW EXECUTE FUNCTION rules_id3_dispute_writer();

CREATE FUNCTION rules_id3_buz_writer() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF rules_id5_is_system() OR rules_id5_has_global_role('admin', 'support')
       OR (NEW.venture_id IS NOT NULL AND rules_id5_has_venture_role(NEW.venture_id, 'owner')) THEN
        RETURN NEW;
    END IF;
    PERFORM rules_id3_refuse(
        format('write a BUZ %s of %s for %s', NEW.type, NEW.amount,
               CASE WHEN NEW.venture_id IS NULL THEN 'no venture' ELSE rules_venture_name(NEW.venture_id) END),
        'the owner role on that venture, or the global admin or support role');
    RETURN NEW;
END
$$;

CREATE TRIGGER t90_id3_buz_writer
    BEFORE INSERT ON buz_transactions
    FOR EACH ROW EXECUTE FUNCTION rules_id3_buz_writer();
