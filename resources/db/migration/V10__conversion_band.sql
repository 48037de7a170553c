-- =====================================================================================
-- V10__conversion_band.sql — BZ-4 in PostgreSQL: an equity conversion lies within the venture's
-- conversion band and its issuance rule is board approved.
--
-- BZ-4 (DOMAIN.md): equity_percent_granted / buz_spent lies within the conversion band of the
-- venture's current BUZ issuance rule (replaced_at IS NULL, at most one per venture), and that rule
-- must be board_approved. The rest of BZ-4 is already enforced elsewhere: the BUZ debit by BZ-1/2/6
-- (V3), the dilution of the cap table by EQ-1..EQ-4 (V2), the equity hold by EQ-7 (V2's
-- eq_conversion_before_write, which fires first: trigger names fire in order, 'eq_' < 't20_').
--
--  * A refusal raises SQLSTATE 'SSB04' with a message starting 'BZ-4: ', naming the venture and
--    the figures, so the Java side maps it to the same rejection as the domain's ConversionPolicy.
--  * The band is compared by multiplication (percent >= min * buz AND percent <= max * buz): exact
--    NUMERIC arithmetic, no rounding of the rate.
--  * SECURITY DEFINER: the rule must see the issuance rule whatever row-level security shows the
--    acting user.
--  * UPDATE is checked too: a conversion's figures cannot be moved outside the band afterwards.
-- =====================================================================================

CREATE FUNCTION rules_bz4_conversion_band() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
    r record;
BEGIN
    SELECT id, conversion_band_min, conversion_band_max, coalesce(board_approved, false) AS approved INTO r
      FROM buz_issuance_rules
     WHERE venture_id = NEW.venture_id AND replaced_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'SSB04', MESSAGE = format(
            'BZ-4: %s has no current BUZ issuance rule, so no conversion band; converting %s BUZ for %s%% is refused',
            rules_venture_name(NEW.venture_id), NEW.buz_spent, NEW.equity_percent_granted::text);
    END IF;
    IF NOT r.approved THEN
        RAISE EXCEPTION USING ERRCODE = 'SSB04', MESSAGE = format(
            'BZ-4: The BUZ issuance rule %s of %s is not board approved; converting %s BUZ for %s%% is refused',
            r.id, rules_venture_name(NEW.venture_id), NEW.buz_spent, NEW.equity_percent_granted::text);
    END IF;
    IF NEW.buz_spent IS NULL OR NEW.buz_spent <= 0 OR NEW.equity_percent_granted IS NULL
       OR NEW.equity_percent_granted < r.conversion_band_min * NEW.buz_spent
       OR NEW.equity_percent_granted > r.conversion_band_max * NEW.buz_spent THEN
        RAISE EXCEPTION USING ERRCODE = 'SSB04', MESSAGE = format(
            'BZ-4: Converting %s BUZ for %s%% in %s is a rate of %s%% per BUZ, outside the conversion band of %s to %s%% per BUZ',
            coalesce(NEW.buz_spent::text, 'no'), coalesce(NEW.equity_percent_granted::text, 'no'),
            rules_venture_name(NEW.venture_id),
            CASE WHEN coalesce(NEW.buz_spent, 0) > 0
                 THEN trim_scale(round(NEW.equity_percent_granted / NEW.buz_spent, 9))::text ELSE 'undefined' END,
            trim_scale(r.conversion_band_min)::text, trim_scale(r.conversion_band_max)::text);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER t20_bz4_conversion_band
    BEFORE INSERT OR UPDATE ON equity_conversions
    FOR EACH ROW EXECUTE FUNCTION rules_bz4_conversion_band();
