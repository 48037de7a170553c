package org.smartstart.backoffice.domain.captable;

import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.usecase.Rejection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** EQ-1..EQ-5 and EQ-7 as the domain policy sees them, without a database. */
class CapTablePolicyTest {

    static final UUID OONA = UUID.randomUUID();
    static final UUID BEN = UUID.randomUUID();
    static final LocalDate JAN = LocalDate.parse("2026-01-01");
    static final LocalDate MAR = LocalDate.parse("2026-03-01");
    static final VentureFacts ACME = new VentureFacts(UUID.randomUUID(), "Acme", OONA, new BigDecimal("15.000"), List.of());
    static final Map<UUID, String> NAMES = Map.of(OONA, "Oona Owner", BEN, "Ben Builder");

    static LedgerRow row(Holder holder, String percent, LocalDate from, LocalDate to) {
        return new LedgerRow(UUID.randomUUID(), holder, new BigDecimal(percent), from, to, null, Instant.EPOCH, OONA);
    }

    static List<LedgerRow> founded() {
        return List.of(row(Holder.user(OONA), "60.000", JAN, null), row(Holder.user(BEN), "30.000", JAN, null),
                row(Holder.alice(), "10.000", JAN, null));
    }

    private final CapTablePolicy policy = new CapTablePolicy(ACME, NAMES);

    @Test
    void a_ledger_that_keeps_every_rule_passes() {
        assertThat(policy.check(founded())).isEmpty();
    }

    @Test
    void eq1_a_date_that_does_not_total_100_is_named_with_its_total() {
        List<LedgerRow> ledger = new ArrayList<>(founded());
        LedgerRow ben = ledger.get(1);
        ledger.set(1, ben.closedOn(MAR.minusDays(1)));
        ledger.add(row(Holder.user(BEN), "27.500", MAR, null));

        assertThat(policy.check(ledger)).containsExactly(
                new Rejection("EQ-1", "On 2026-03-01 the cap table of Acme would total 97.500%, not 100% (EQ-1)."));
    }

    @Test
    void eq1_closing_every_row_leaves_a_cap_table_of_nothing() {
        List<LedgerRow> ledger = founded().stream().map(r -> r.closedOn(MAR)).toList();

        assertThat(policy.check(ledger)).extracting(Rejection::ruleId).contains("EQ-1");
        assertThat(policy.check(ledger).get(0).message()).contains("2026-03-02", "0.000%");
    }

    @Test
    void eq2_the_owner_below_the_floor_is_named_with_the_figures() {
        List<LedgerRow> ledger = List.of(row(Holder.user(OONA), "34.000", JAN, null), row(Holder.user(BEN), "56.000", JAN, null),
                row(Holder.alice(), "10.000", JAN, null));

        assertThat(policy.check(ledger)).containsExactly(new Rejection("EQ-2",
                "On 2026-01-01 the owner Oona Owner of Acme would hold 34.000%, below the 35.000% floor (EQ-2)."));
    }

    @Test
    void eq3_the_platform_above_its_cap_is_named_with_both_figures() {
        List<LedgerRow> ledger = List.of(row(Holder.user(OONA), "60.000", JAN, null), row(Holder.user(BEN), "24.000", JAN, null),
                row(Holder.alice(), "16.000", JAN, null));

        assertThat(policy.check(ledger)).containsExactly(new Rejection("EQ-3",
                "On 2026-01-01 the platform stake (AliceSolutions) of Acme would be 16.000%, above its cap of 15.000% (EQ-3)."));
    }

    @Test
    void eq4_shape_user_without_id_platform_with_id_bad_percent_and_end_before_start() {
        List<LedgerRow> ledger = new ArrayList<>(founded());
        ledger.add(row(new Holder(HolderType.USER, null), "1.000", MAR, MAR));
        ledger.add(row(new Holder(HolderType.ALICE, BEN), "1.000", MAR, MAR));
        ledger.add(row(Holder.user(BEN), "0.000", MAR, MAR));
        ledger.add(row(Holder.user(OONA), "100.001", MAR, MAR));
        ledger.add(row(Holder.user(BEN), "1.000", MAR, MAR.minusDays(1)));

        List<Rejection> rejections = policy.check(ledger);

        assertThat(rejections).filteredOn(r -> r.ruleId().equals("EQ-4")).extracting(Rejection::message).anySatisfy(m ->
                assertThat(m).contains("is for a user but names none")).anySatisfy(m ->
                assertThat(m).contains("is the platform's (AliceSolutions) but names Ben Builder")).anySatisfy(m ->
                assertThat(m).contains("0.000%", "more than 0.000% and at most 100.000%")).anySatisfy(m ->
                assertThat(m).contains("100.001%")).anySatisfy(m ->
                assertThat(m).contains("would end on 2026-02-28, before it starts on 2026-03-01"));
    }

    @Test
    void eq4_two_rows_of_one_holder_on_one_date_are_named() {
        List<LedgerRow> ledger = new ArrayList<>(founded());
        ledger.set(1, ledger.get(1).closedOn(MAR));
        ledger.add(row(Holder.user(BEN), "30.000", MAR, null));

        assertThat(policy.check(ledger)).filteredOn(r -> r.ruleId().equals("EQ-4")).extracting(Rejection::message)
                .containsExactly("On 2026-03-01 Ben Builder would hold two rows of the cap table of Acme at once "
                        + "(30.000% from 2026-01-01 and 30.000% from 2026-03-01) (EQ-4).");
    }

    @Test
    void every_broken_rule_on_every_change_date_is_reported() {
        // From March the owner sells 30% to Ben: the owner floor breaks, and from June the platform also takes too much.
        List<LedgerRow> ledger = new ArrayList<>(founded());
        ledger.set(0, ledger.get(0).closedOn(MAR.minusDays(1)));
        ledger.set(1, ledger.get(1).closedOn(MAR.minusDays(1)));
        ledger.add(row(Holder.user(OONA), "30.000", MAR, null));
        ledger.add(row(Holder.user(BEN), "60.000", MAR, null));

        assertThat(policy.check(ledger)).extracting(Rejection::ruleId).containsExactly("EQ-2");
        assertThat(policy.check(ledger).get(0).message()).contains("2026-03-01", "30.000%");
    }

    @Test
    void eq5_closing_a_closed_row_or_closing_twice_is_refused() {
        List<LedgerRow> ledger = new ArrayList<>(founded());
        ledger.set(1, ledger.get(1).closedOn(MAR));
        UUID closed = ledger.get(1).id();
        UUID open = ledger.get(0).id();

        List<Rejection> rejections = policy.checkEdits(ledger, List.of(new LedgerEdit.Close(closed, MAR.plusDays(5)),
                new LedgerEdit.Close(open, MAR), new LedgerEdit.Close(open, MAR)));

        assertThat(rejections).extracting(Rejection::ruleId).containsExactly("EQ-5", "EQ-5");
        assertThat(rejections.get(0).message()).contains("Ben Builder", "was closed on 2026-03-01");
        assertThat(rejections.get(1).message()).contains("closed twice");
    }

    @Test
    void eq7_no_edit_under_an_equity_hold() {
        VentureFacts held = new VentureFacts(ACME.ventureId(), "Acme", OONA, null, List.of("equity"));

        assertThat(new CapTablePolicy(held, NAMES).checkEdits(founded(), List.of(new LedgerEdit.Close(founded().get(0).id(), MAR))))
                .extracting(Rejection::ruleId).containsExactly("EQ-7");
        assertThat(new CapTablePolicy(new VentureFacts(ACME.ventureId(), "Acme", OONA, null, List.of("buz")), NAMES)
                .checkEdits(founded(), List.of())).isEmpty();
    }

    @Test
    void a_transfer_built_by_the_helper_keeps_every_rule_and_shows_on_its_date() {
        List<LedgerRow> ledger = founded();
        List<LedgerEdit> edits = CapTableEdits.transfer(ledger, Holder.user(OONA), Holder.user(BEN), new BigDecimal("5.000"), MAR);
        List<LedgerRow> after = CapTableEdits.apply(ledger, edits, Instant.EPOCH, OONA);

        assertThat(policy.check(after)).isEmpty();
        CapTable onMarch = CapTable.on(ACME, after, NAMES, Map.of(), MAR);
        CapTable before = CapTable.on(ACME, after, NAMES, Map.of(), MAR.minusDays(1));
        assertThat(onMarch.holders()).extracting(CapTableHolder::displayName, CapTableHolder::percent).containsExactly(
                org.assertj.core.groups.Tuple.tuple("AliceSolutions (platform)", new BigDecimal("10.000")),
                org.assertj.core.groups.Tuple.tuple("Oona Owner", new BigDecimal("55.000")),
                org.assertj.core.groups.Tuple.tuple("Ben Builder", new BigDecimal("35.000")));
        assertThat(before.holders()).extracting(CapTableHolder::percent).contains(new BigDecimal("60.000"));
        assertThat(onMarch.total()).isEqualByComparingTo("100");
        assertThat(onMarch.platformStake()).isEqualByComparingTo("10");
        assertThat(onMarch.changeDates()).containsExactly(JAN, MAR);
        assertThat(onMarch.revision()).isNotEqualTo(CapTable.on(ACME, ledger, NAMES, Map.of(), MAR).revision());
    }

    @Test
    void platform_stake_and_backdated_correction_helpers() {
        List<LedgerRow> ledger = founded();
        List<LedgerRow> platform = CapTableEdits.apply(ledger,
                CapTableEdits.changePlatformStake(ledger, new BigDecimal("15.000"), MAR, Holder.user(BEN)), Instant.EPOCH, OONA);
        assertThat(policy.check(platform)).isEmpty();
        assertThat(CapTable.stakesOn(platform, MAR)).containsEntry(Holder.alice(), new BigDecimal("15.000"))
                .containsEntry(Holder.user(BEN), new BigDecimal("25.000"));

        List<LedgerEdit> correction = CapTableEdits.backdatedCorrection(ledger,
                Map.of(Holder.user(OONA), new BigDecimal("61.000"), Holder.user(BEN), new BigDecimal("29.000")), JAN.plusDays(10));
        assertThat(correction).hasSize(4);
        assertThat(policy.check(CapTableEdits.apply(ledger, correction, Instant.EPOCH, OONA))).isEmpty();
    }

    @Test
    void dilution_is_pro_rata_by_largest_remainder_and_totals_exactly_100() {
        Map<Holder, BigDecimal> before = Map.of(Holder.user(OONA), new BigDecimal("33.333"), Holder.user(BEN),
                new BigDecimal("33.333"), Holder.alice(), new BigDecimal("33.334"));

        Map<Holder, BigDecimal> after = CapTableEdits.dilutedStakes(before, Holder.user(UUID.randomUUID()), new BigDecimal("1.000"));

        assertThat(after.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100.000");
        // 33.333 × 0.99 = 32.99967 and 33.334 × 0.99 = 33.00066: the two larger remainders get the two missing thousandths.
        assertThat(after.get(Holder.alice())).isEqualByComparingTo("33.000");
        assertThat(after.get(Holder.user(OONA))).isEqualByComparingTo("33.000");
        assertThat(after.values()).allSatisfy(v -> assertThat(v.scale()).isEqualTo(3));
    }

    @Test
    void checked_from_a_date_gives_the_full_checks_explanations_on_that_date_and_after_only() {
        // Broken on many dates: Ben's row shrinks in March (EQ-1), the platform grows in May (EQ-3 and EQ-1).
        List<LedgerRow> ledger = new ArrayList<>(founded());
        ledger.set(1, ledger.get(1).closedOn(MAR.minusDays(1)));
        ledger.add(row(Holder.user(BEN), "27.500", MAR, null));
        LocalDate may = LocalDate.parse("2026-05-01");
        ledger.set(2, ledger.get(2).closedOn(may.minusDays(1)));
        ledger.add(row(Holder.alice(), "16.000", may, null));
        List<Rejection> full = policy.check(ledger);
        assertThat(full).extracting(Rejection::ruleId).containsExactly("EQ-1", "EQ-1", "EQ-3");

        assertThat(policy.check(ledger, JAN)).isEqualTo(full);
        assertThat(policy.check(ledger, MAR.plusDays(1))).isEqualTo(full.subList(1, 3));
        assertThat(policy.check(ledger, may.plusDays(1))).isEmpty();
        // The rows that ended before the date may be left out (the save reads only the others).
        List<LedgerRow> fromMay = ledger.stream().filter(r -> r.effectiveTo() == null || !r.effectiveTo().isBefore(may.minusDays(1))).toList();
        assertThat(policy.check(fromMay, may)).isEqualTo(full.subList(1, 3));
    }

    @Test
    void a_percent_of_more_than_three_decimals_is_summed_exactly_with_the_same_explanations() {
        List<LedgerRow> ledger = List.of(row(Holder.user(OONA), "60.0005", JAN, null), row(Holder.user(BEN), "29.9995", JAN, null),
                row(Holder.alice(), "10.000", JAN, null));
        assertThat(policy.check(ledger)).isEmpty();
        List<LedgerRow> off = List.of(row(Holder.user(OONA), "60.0004", JAN, null), row(Holder.user(BEN), "29.9995", JAN, null),
                row(Holder.alice(), "10.000", JAN, null));
        assertThat(policy.check(off)).containsExactly(
                new Rejection("EQ-1", "On 2026-01-01 the cap table of Acme would total 100.000%, not 100% (EQ-1)."));
    }

    @Test
    void the_first_touched_date_of_a_change_is_its_earliest_new_start_or_day_after_a_new_end() {
        UUID row = UUID.randomUUID();
        assertThat(CapTableEdits.firstTouched(List.of(new LedgerEdit.Add(Holder.user(BEN), new BigDecimal("1.000"), MAR, null, null),
                new LedgerEdit.Close(row, JAN.plusDays(9))))).isEqualTo(JAN.plusDays(10));
        assertThat(CapTableEdits.firstTouched(List.of())).isNull();
    }
}
