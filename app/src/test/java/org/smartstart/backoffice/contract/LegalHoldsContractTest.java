package org.smartstart.backoffice.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartstart.backoffice.contract.HoldsAndDisputesFixtures.Venture;
import org.smartstart.backoffice.domain.captable.CapTable;
import org.smartstart.backoffice.domain.captable.CapTableChange;
import org.smartstart.backoffice.domain.captable.CapTableEdits;
import org.smartstart.backoffice.domain.captable.CapTables;
import org.smartstart.backoffice.domain.captable.ConversionRequest;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.legalholds.FreezePreview;
import org.smartstart.backoffice.domain.legalholds.HoldRelease;
import org.smartstart.backoffice.domain.legalholds.HoldRequest;
import org.smartstart.backoffice.domain.legalholds.HoldScope;
import org.smartstart.backoffice.domain.legalholds.LegalHold;
import org.smartstart.backoffice.domain.legalholds.LegalHolds;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Legal holds (LH-1, LH-2) and what follows from them (EQ-7, BZ-6), the same through every adapter. */
@ParameterizedClass
@EnumSource(Adapter.class)
class LegalHoldsContractTest {

    static final LocalDate MAR = LocalDate.parse("2026-03-01");
    static final LocalDate JUN = LocalDate.parse("2026-06-01");

    @Parameter
    Adapter adapter;

    static BackOfficeFixture fixture;
    static HoldsAndDisputesFixtures data;

    @BeforeAll
    static void setUp() {
        fixture = BackOfficeFixture.create();
        data = new HoldsAndDisputesFixtures(fixture);
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    LegalHolds as(UUID user) {
        return fixture.as(adapter, user).legalHolds();
    }

    CapTables capTablesAs(UUID user) {
        return fixture.as(adapter, user).capTables();
    }

    UUID officer() throws Exception {
        return data.person("Celia Compliance", "compliance");
    }

    static List<String> ruleIds(Outcome<?> outcome) {
        assertThat(outcome).as(outcome.describe()).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<?>) outcome).rejections().stream().map(Rejection::ruleId).toList();
    }

    long holdsOn(Venture v) throws Exception {
        return data.number("SELECT count(*) FROM legal_holds WHERE venture_id = '" + v.id() + "'");
    }

    CapTableChange transfer(Venture v, String percent, LocalDate on) {
        List<LedgerRow> ledger = capTablesAs(v.owner()).ledger(v.id()).orElseThrow();
        return new CapTableChange("Oona gives Ben " + percent + "%", CapTable.revisionOf(ledger),
                CapTableEdits.transfer(ledger, Holder.user(v.owner()), Holder.user(v.ben()), new BigDecimal(percent), on));
    }

    // ---- imposing and listing ---------------------------------------------------------------

    @Test
    void an_imposed_hold_is_listed_with_its_officer_and_reason_and_audited_once() throws Exception {
        Venture v = data.venture();
        UUID officer = officer();

        Outcome<LegalHold> outcome = as(officer).impose(v.id(), new HoldRequest(HoldScope.EQUITY, "  Claim by a former co-founder  "));

        assertThat(outcome.isDone()).as(outcome.describe()).isTrue();
        LegalHold hold = outcome.orElseThrow();
        assertThat(hold.active()).isTrue();
        assertThat(hold.appliesTo()).isEqualTo(HoldScope.EQUITY);
        assertThat(hold.reason()).isEqualTo("Claim by a former co-founder");
        assertThat(hold.ventureName()).isEqualTo(v.name());
        assertThat(hold.imposedBy()).isEqualTo(officer);
        assertThat(hold.imposedByName()).isEqualTo("Celia Compliance");
        assertThat(hold.imposedAt()).isCloseTo(fixture.clock().instant(), within(1, ChronoUnit.MICROS)); // stored in microseconds
        assertThat(hold.releasedAt()).isNull();
        assertThat(as(officer).holds(Optional.of(v.id()), true).orElseThrow()).containsExactly(hold);
        assertThat(as(officer).holds(Optional.empty(), false).orElseThrow()).contains(hold);
        assertThat(data.auditEntries(hold.id(), "HOLD_IMPOSED")).isEqualTo(1);
        assertThat(data.auditEntriesOfVenture(v.id())).isEqualTo(1);
    }

    @Test
    void only_global_compliance_may_list_preview_impose_or_release() throws Exception {
        Venture v = data.venture();
        UUID officer = officer();
        LegalHold hold = as(officer).impose(v.id(), new HoldRequest(HoldScope.BUZ, "Audit of issuance")).orElseThrow();
        List<UUID> refused = List.of(data.staff("admin"), data.staff("support"), v.owner(), v.chloe(), data.person("Otto Outsider"));

        for (UUID user : refused) {
            Outcome<LegalHold> impose = as(user).impose(v.id(), new HoldRequest(HoldScope.ALL, "Not mine to impose"));
            assertThat(impose).as("impose by %s", user).isInstanceOf(Outcome.Denied.class);
            assertThat(impose.describe()).contains("impose or release legal holds", "compliance", "ID-3");
            assertThat(as(user).release(hold.id(), new HoldRelease("Not mine to release"))).isInstanceOf(Outcome.Denied.class);
            assertThat(as(user).holds(Optional.empty(), false)).isInstanceOf(Outcome.Denied.class);
            assertThat(as(user).freezePreview(v.id(), HoldScope.ALL)).isInstanceOf(Outcome.Denied.class);
        }

        assertThat(holdsOn(v)).isEqualTo(1);
        assertThat(as(officer).holds(Optional.of(v.id()), true).orElseThrow()).extracting(LegalHold::active).containsExactly(true);
        assertThat(as(officer).freezePreview(v.id(), HoldScope.ALL).isDone()).isTrue();
        assertThat(as(officer).release(hold.id(), new HoldRelease("Issuance audited")).isDone()).isTrue();
    }

    @Test
    void imposing_needs_a_scope_and_a_reason_and_writes_nothing_without() throws Exception {
        Venture v = data.venture();
        UUID officer = officer();

        Outcome<LegalHold> blank = as(officer).impose(v.id(), new HoldRequest(HoldScope.ALL, "   "));
        Outcome<LegalHold> empty = as(officer).impose(v.id(), new HoldRequest(null, null));

        assertThat(((Outcome.Invalid<?>) blank).problems()).extracting(FieldProblem::field).containsExactly("reason");
        assertThat(blank.describe()).contains("LH-1");
        assertThat(((Outcome.Invalid<?>) empty).problems()).extracting(FieldProblem::field).containsExactly("appliesTo", "reason");
        assertThat(((Outcome.Invalid<?>) as(officer).freezePreview(v.id(), null)).problems()).extracting(FieldProblem::field)
                .containsExactly("appliesTo");
        assertThat(holdsOn(v)).isZero();
        assertThat(data.auditEntriesOfVenture(v.id())).isZero();
    }

    @Test
    void unknown_ventures_and_holds_are_not_found() throws Exception {
        UUID officer = officer();
        UUID unknown = UUID.randomUUID();

        assertThat(as(officer).impose(unknown, new HoldRequest(HoldScope.ALL, "Court order"))).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(officer).release(unknown, new HoldRelease("Lifted"))).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(officer).freezePreview(unknown, HoldScope.ALL)).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(officer).holds(Optional.of(unknown), false)).isInstanceOf(Outcome.NotFound.class);
    }

    // ---- releasing --------------------------------------------------------------------------

    @Test
    void a_release_records_the_releaser_time_and_reason_and_a_released_hold_is_never_released_again() throws Exception {
        Venture v = data.venture();
        UUID imposer = officer();
        UUID releaser = data.person("Rosa Release", "compliance");
        LegalHold hold = as(imposer).impose(v.id(), new HoldRequest(HoldScope.ALL, "Regulator inquiry")).orElseThrow();

        Outcome<LegalHold> released = as(releaser).release(hold.id(), new HoldRelease("Inquiry closed without findings"));

        assertThat(released.isDone()).as(released.describe()).isTrue();
        LegalHold after = released.orElseThrow();
        assertThat(after.active()).isFalse();
        assertThat(after.releasedBy()).isEqualTo(releaser);
        assertThat(after.releasedByName()).isEqualTo("Rosa Release");
        assertThat(after.releasedAt()).isCloseTo(fixture.clock().instant(), within(1, ChronoUnit.MICROS));
        assertThat(after.releaseReason()).isEqualTo("Inquiry closed without findings");
        assertThat(after.imposedByName()).isEqualTo("Celia Compliance");
        assertThat(after.version()).isEqualTo(hold.version() + 1);
        assertThat(data.auditEntries(hold.id(), "HOLD_RELEASED")).isEqualTo(1);
        assertThat(as(releaser).holds(Optional.of(v.id()), true).orElseThrow()).isEmpty();
        assertThat(as(releaser).holds(Optional.of(v.id()), false).orElseThrow()).containsExactly(after);

        Outcome<LegalHold> again = as(imposer).release(hold.id(), new HoldRelease("Once more"));

        assertThat(ruleIds(again)).containsExactly("LH-2");
        assertThat(again.describe()).contains("all legal hold on " + v.name(), "was released on", "by Rosa Release", "never edited again");
        assertThat(data.auditEntries(hold.id(), "HOLD_RELEASED")).isEqualTo(1);
    }

    @Test
    void lh1_a_release_needs_a_reason_and_the_hold_stays_active_without() throws Exception {
        Venture v = data.venture();
        UUID officer = officer();
        LegalHold hold = as(officer).impose(v.id(), new HoldRequest(HoldScope.EQUITY, "Court order 12")).orElseThrow();

        Outcome<LegalHold> blank = as(officer).release(hold.id(), new HoldRelease("  "));
        Outcome<LegalHold> none = as(officer).release(hold.id(), new HoldRelease(null));

        assertThat(ruleIds(blank)).containsExactly("LH-1");
        assertThat(blank.describe()).contains("equity legal hold on " + v.name(), "needs a release reason");
        assertThat(ruleIds(none)).containsExactly("LH-1");
        assertThat(as(officer).holds(Optional.of(v.id()), true).orElseThrow()).extracting(LegalHold::id).containsExactly(hold.id());
        assertThat(data.auditEntries(hold.id(), "HOLD_RELEASED")).isZero();
    }

    @Test
    void two_officers_releasing_at_once_give_one_release_and_one_lh2_refusal() throws Exception {
        Venture v = data.venture();
        UUID first = officer();
        UUID second = data.person("Rosa Release", "compliance");
        LegalHold hold = as(first).impose(v.id(), new HoldRequest(HoldScope.BUZ, "Court order 13")).orElseThrow();
        LegalHolds a = as(first);
        LegalHolds b = as(second);

        var one = CompletableFuture.supplyAsync(() -> a.release(hold.id(), new HoldRelease("Lifted by A")));
        var two = CompletableFuture.supplyAsync(() -> b.release(hold.id(), new HoldRelease("Lifted by B")));
        List<Outcome<LegalHold>> outcomes = List.of(one.get(), two.get());

        assertThat(outcomes).filteredOn(Outcome::isDone).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.isDone()).allSatisfy(o -> assertThat(ruleIds(o)).containsExactly("LH-2"));
        assertThat(data.auditEntries(hold.id(), "HOLD_RELEASED")).isEqualTo(1);
    }

    // ---- what a hold freezes (EQ-7, BZ-6) ---------------------------------------------------

    @Test
    void eq7_follows_a_hold_the_cap_table_is_refused_while_it_is_active_and_changes_again_once_released() throws Exception {
        Venture v = data.venture();
        UUID officer = officer();
        LegalHold hold = as(officer).impose(v.id(), new HoldRequest(HoldScope.EQUITY, "Claim by a former co-founder")).orElseThrow();

        Outcome<CapTable> frozen = capTablesAs(v.owner()).changeCapTable(v.id(), transfer(v, "5.000", MAR));

        assertThat(ruleIds(frozen)).containsExactly("EQ-7");
        assertThat(frozen.describe()).contains(v.name(), "legal hold", "equity");
        assertThat(data.number("SELECT count(*) FROM equity_ledger WHERE venture_id = '" + v.id() + "'")).isEqualTo(3);

        assertThat(as(officer).release(hold.id(), new HoldRelease("Claim withdrawn")).isDone()).isTrue();
        Outcome<CapTable> thawed = capTablesAs(v.owner()).changeCapTable(v.id(), transfer(v, "5.000", MAR));

        assertThat(thawed.isDone()).as(thawed.describe()).isTrue();
        assertThat(data.number("SELECT count(*) FROM equity_ledger WHERE venture_id = '" + v.id() + "'")).isEqualTo(5);
    }

    @Test
    void bz6_follows_a_buz_hold_a_conversion_is_refused_until_it_is_released() throws Exception {
        Venture v = data.venture();
        UUID officer = officer();
        LegalHold hold = as(officer).impose(v.id(), new HoldRequest(HoldScope.BUZ, "Irregular issuance")).orElseThrow();
        ConversionRequest convert = new ConversionRequest(v.chloe(), 20_000, new BigDecimal("1.000"), JUN);

        assertThat(ruleIds(capTablesAs(v.owner()).convertBuz(v.id(), convert))).containsExactly("BZ-6");

        assertThat(as(officer).release(hold.id(), new HoldRelease("Issuance re-checked")).isDone()).isTrue();
        assertThat(capTablesAs(v.owner()).convertBuz(v.id(), convert).isDone()).isTrue();
    }

    @Test
    void several_matters_may_hold_one_venture_and_releasing_one_keeps_the_other_in_force() throws Exception {
        Venture v = data.venture();
        UUID officer = officer();
        LegalHold first = as(officer).impose(v.id(), new HoldRequest(HoldScope.EQUITY, "Matter A")).orElseThrow();
        as(officer).impose(v.id(), new HoldRequest(HoldScope.EQUITY, "Matter B")).orElseThrow();

        assertThat(as(officer).release(first.id(), new HoldRelease("Matter A settled")).isDone()).isTrue();

        assertThat(as(officer).holds(Optional.of(v.id()), true).orElseThrow()).extracting(LegalHold::reason).containsExactly("Matter B");
        assertThat(ruleIds(capTablesAs(v.owner()).changeCapTable(v.id(), transfer(v, "5.000", MAR)))).containsExactly("EQ-7");
    }

    @Test
    void the_preview_counts_what_a_hold_would_freeze_from_the_data() throws Exception {
        Venture v = data.venture();
        UUID officer = officer();
        data.dispute(v, "equity", v.ownerRow(), v.ben());
        data.dispute(v, "buz_tx", v.earn(), v.chloe());
        data.dispute(v, "task", v.task(), v.ravi());
        UUID decided = data.dispute(v, "equity", v.ownerRow(), v.ravi());
        data.exec("UPDATE disputes SET status = 'in_review' WHERE id = '" + decided + "'");
        data.exec("UPDATE disputes SET status = 'rejected', resolution = 'No fault', decided_by = '" + officer + "' WHERE id = '" + decided + "'");
        LegalHold existing = as(officer).impose(v.id(), new HoldRequest(HoldScope.BUZ, "Matter A")).orElseThrow();

        FreezePreview equity = as(officer).freezePreview(v.id(), HoldScope.EQUITY).orElseThrow();
        FreezePreview buz = as(officer).freezePreview(v.id(), HoldScope.BUZ).orElseThrow();
        FreezePreview all = as(officer).freezePreview(v.id(), HoldScope.ALL).orElseThrow();

        assertThat(all.ventureName()).isEqualTo(v.name());
        assertThat(all.asOf()).isEqualTo(LocalDate.ofInstant(fixture.clock().instant(), java.time.ZoneOffset.UTC));
        assertThat(List.of(equity.capTableHolders(), buz.capTableHolders(), all.capTableHolders())).containsOnly(3);
        assertThat(List.of(equity.walletsAffected(), buz.walletsAffected(), all.walletsAffected())).containsExactly(0, 1, 1);
        assertThat(List.of(equity.undecidedDisputes(), buz.undecidedDisputes(), all.undecidedDisputes())).containsOnly(3);
        assertThat(List.of(equity.disputesWithBlockedRemedies(), buz.disputesWithBlockedRemedies(), all.disputesWithBlockedRemedies()))
                .containsExactly(1, 1, 2);
        assertThat(equity.blocked()).allMatch(s -> s.contains("EQ-7"));
        assertThat(buz.blocked()).singleElement().asString().contains("BZ-6", "BUZ transaction");
        assertThat(all.blocked()).hasSize(3);
        assertThat(all.activeHolds()).containsExactly(existing);
        assertThat(data.auditEntriesOfVenture(v.id())).isEqualTo(1); // a preview writes nothing
    }

    @Test
    void the_list_of_all_ventures_is_newest_first_and_active_only_leaves_released_holds_out() throws Exception {
        Venture v = data.venture();
        UUID officer = officer();
        LegalHold older = as(officer).impose(v.id(), new HoldRequest(HoldScope.EQUITY, "Older")).orElseThrow();
        fixture.clock().advance(java.time.Duration.ofMinutes(5));
        LegalHold newer = as(officer).impose(v.id(), new HoldRequest(HoldScope.ALL, "Newer")).orElseThrow();
        as(officer).release(older.id(), new HoldRelease("Settled")).orElseThrow();

        List<LegalHold> everything = as(officer).holds(Optional.empty(), false).orElseThrow();
        List<LegalHold> active = as(officer).holds(Optional.empty(), true).orElseThrow();

        assertThat(everything).extracting(LegalHold::id).containsSubsequence(newer.id(), older.id());
        assertThat(active).extracting(LegalHold::id).contains(newer.id()).doesNotContain(older.id());
        assertThat(active).allMatch(LegalHold::active);
    }
}
