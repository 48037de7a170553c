package org.smartstart.backoffice.ui.captable;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartstart.backoffice.domain.captable.CapTableChange;
import org.smartstart.backoffice.domain.captable.CapTableEdits;
import org.smartstart.backoffice.domain.captable.CapTables;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.VestingFrequency;
import org.smartstart.backoffice.domain.captable.VestingPolicy;
import org.smartstart.backoffice.ui.navigation.Navigator;
import org.smartstart.backoffice.ui.navigation.Place;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.ui.tasks.CurrentThreadTaskExecutor;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The cap table workspace's view model on a real database, through the local adapter. */
class CapTableViewModelTest {

    static final LocalDate MID_MARCH = LocalDate.parse("2026-03-15");
    static BackOfficeFixture fixture;

    final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    final Clock clock = Clock.fixed(MID_MARCH.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @BeforeAll
    static void setUp() {
        fixture = BackOfficeFixture.create();
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    CapTableViewModel open(UUID user) {
        CapTableViewModel vm = new CapTableViewModel(fixture.as(Adapter.LOCAL, user), executor, clock);
        vm.start();
        return vm;
    }

    static List<String> names(List<HolderLine> lines) {
        return lines.stream().map(l -> l.name() + " " + l.percentText() + " vested " + l.vestedText()).toList();
    }

    static List<LedgerRow> ledger(CapTableScenario s) {
        return fixture.as(Adapter.LOCAL, s.owner()).capTables().ledger(s.venture()).orElseThrow();
    }

    @Test
    void an_owner_sees_only_their_venture_and_its_cap_table_of_today_with_the_platform_and_totals() throws Exception {
        CapTableScenario s = CapTableScenario.create(fixture.db());
        CapTableScenario other = CapTableScenario.create(fixture.db());

        CapTableViewModel vm = open(s.owner());

        assertThat(vm.ventures()).extracting(VentureOverview::name).contains(s.name()).doesNotContain(other.name());
        assertThat(vm.asOfProperty().get()).isEqualTo(MID_MARCH);
        assertThat(names(vm.lines())).containsExactly(
                "AliceSolutions (platform) 10.000% vested 10.000%",
                "Oona Owner " + s.name().substring(5) + " 60.000% vested 60.000%",
                "Ben Builder " + s.name().substring(5) + " 30.000% vested 0.000%",
                "Total (3 holders) 100.000% vested 70.000%");
        HolderLine ben = vm.lines().get(2);
        assertThat(ben.vesting()).isEqualTo("4y/1y (12-month cliff, 48 months, monthly)");
        assertThat(ben.ledgerRows()).isEqualTo("30.000% from 2026-01-01 to 2026-06-30");
        assertThat(vm.lines().get(0).platform()).isTrue();
        assertThat(vm.lines().get(3).total()).isTrue();
        assertThat(vm.holdBannerProperty().get()).isEmpty();
        assertThat(vm.editingBlockedProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).isEmpty();
    }

    @Test
    void stepping_moves_between_the_ledger_change_dates_and_vesting_follows_the_date() throws Exception {
        CapTableScenario s = CapTableScenario.create(fixture.db());
        CapTableViewModel vm = open(s.owner());
        assertThat(vm.changeDates()).containsExactly(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-07-01"));

        vm.stepForward();
        assertThat(vm.asOfProperty().get()).isEqualTo(LocalDate.parse("2026-07-01"));
        assertThat(vm.lines()).extracting(HolderLine::percentText).containsExactly("10.000%", "55.000%", "35.000%", "100.000%");
        vm.stepForward();
        assertThat(vm.asOfProperty().get()).isEqualTo(LocalDate.parse("2026-07-01"));

        vm.stepBack();
        assertThat(vm.asOfProperty().get()).isEqualTo(LocalDate.parse("2026-01-01"));
        vm.stepBack();
        assertThat(vm.asOfProperty().get()).isEqualTo(LocalDate.parse("2026-01-01"));

        // Ben's 35% from July has vested 12/48 at its one-year cliff.
        vm.asOfProperty().set(LocalDate.parse("2027-07-01"));
        assertThat(vm.lines().get(2).vestedText()).isEqualTo("8.750%");
        assertThat(vm.history()).extracting(CapTableViewModel.HistoryPoint::date)
                .containsExactly(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-07-01"));
        assertThat(vm.ledgerChanges()).hasSize(5);
        assertThat(vm.ledgerChanges().get(0)).isEqualTo("2026-06-01 09:00 UTC · " + vm.nameOf(Holder.user(s.owner())) + " wrote: "
                + vm.nameOf(Holder.user(s.ben())) + " 35.000% from 2026-07-01, open");
        assertThat(vm.ledgerChanges().subList(2, 5)).anySatisfy(c -> assertThat(c)
                .isEqualTo("2025-12-01 09:00 UTC · " + vm.nameOf(Holder.user(s.owner())) + " wrote: AliceSolutions (platform) 10.000% from 2026-01-01, open"));
        vm.asOfProperty().set(LocalDate.parse("2025-12-31"));
        assertThat(vm.lines()).extracting(HolderLine::name).containsExactly("Total (0 holders)");
    }

    @Test
    void the_draft_shows_the_owner_floor_and_the_total_broken_with_date_and_figures_before_anything_is_saved() throws Exception {
        CapTableScenario s = CapTableScenario.create(fixture.db());
        CapTableViewModel vm = open(s.owner());
        List<LedgerRow> before = ledger(s);

        transfer(vm, s.owner(), s.ben(), "30", "2026-09-01");

        assertThat(vm.asOfProperty().get()).isEqualTo(LocalDate.parse("2026-09-01"));
        assertThat(vm.previewLines()).extracting(HolderLine::percentText).containsExactly("10.000%", "65.000%", "25.000%", "100.000%");
        assertThat(vm.violations()).extracting(Rejection::ruleId).containsExactly("EQ-2");
        assertThat(vm.violations().get(0).message()).contains("2026-09-01", "25.000%", "35.000%");
        assertThat(vm.canSaveProperty().get()).isFalse();
        // The saved cap table is unchanged beside the draft.
        assertThat(vm.lines()).extracting(HolderLine::percentText).containsExactly("10.000%", "55.000%", "35.000%", "100.000%");

        vm.undo();
        vm.stepKindProperty().set(CapTableViewModel.StepKind.CLOSE_ROW);
        vm.rowToCloseProperty().set(vm.lines().get(2)); // Ben on 2026-09-01
        vm.stepDateProperty().set(LocalDate.parse("2026-10-01"));
        assertThat(vm.addStep()).isTrue();
        assertThat(vm.violations()).extracting(Rejection::ruleId).containsExactly("EQ-1");
        assertThat(vm.violations().get(0).message()).contains("2026-10-01", "65.000%");
        vm.descriptionProperty().set("Ben leaves");
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.save();
        assertThat(ledger(s)).isEqualTo(before);
    }

    @Test
    void a_valid_draft_is_saved_in_one_change_and_the_cap_table_reloads() throws Exception {
        CapTableScenario s = CapTableScenario.create(fixture.db());
        CapTableViewModel vm = open(s.owner());
        transfer(vm, s.owner(), s.ben(), "5", "2026-09-01");
        assertThat(vm.violations()).isEmpty();
        assertThat(vm.canSaveProperty().get()).isFalse(); // no description yet
        vm.descriptionProperty().set("Ben takes over sales");
        assertThat(vm.canSaveProperty().get()).isTrue();

        vm.save();

        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved: Ben takes over sales (1 step).");
        assertThat(vm.draftSteps()).isEmpty();
        assertThat(vm.draftingProperty().get()).isFalse();
        assertThat(vm.lines()).extracting(HolderLine::percentText).containsExactly("10.000%", "50.000%", "40.000%", "100.000%");
        assertThat(vm.changeDates()).contains(LocalDate.parse("2026-09-01"));
        assertThat(ledger(s)).hasSize(7);
    }

    @Test
    void a_change_made_meanwhile_is_a_conflict_that_keeps_the_draft_and_says_what_changed() throws Exception {
        CapTableScenario s = CapTableScenario.create(fixture.db());
        CapTableViewModel vm = open(s.owner());
        transfer(vm, s.owner(), s.ben(), "5", "2026-09-01");
        vm.descriptionProperty().set("Ben takes over sales");

        // Someone else moves 2% to Ben from August, in another session.
        CapTables elsewhere = fixture.as(Adapter.LOCAL, s.owner()).capTables();
        List<LedgerRow> now = elsewhere.ledger(s.venture()).orElseThrow();
        var meanwhile = elsewhere.changeCapTable(s.venture(), new CapTableChange("Meanwhile", elsewhere.capTableOn(s.venture(), MID_MARCH).orElseThrow().revision(),
                CapTableEdits.transfer(now, Holder.user(s.owner()), Holder.user(s.ben()), new BigDecimal("2"), LocalDate.parse("2026-08-01"))));
        assertThat(meanwhile).isInstanceOf(Outcome.Done.class);

        vm.save();

        assertThat(vm.problemProperty().get()).contains("was changed by", "nothing was saved", "What changed:",
                "got a row of 53.000% from 2026-08-01", "Your draft is now shown on the new cap table");
        assertThat(vm.draftSteps()).containsExactly("Transfer 5.000% from " + vm.nameOf(Holder.user(s.owner())) + " to "
                + vm.nameOf(Holder.user(s.ben())) + " from 2026-09-01");
        assertThat(vm.descriptionProperty().get()).isEqualTo("Ben takes over sales");
        assertThat(vm.previewLines()).extracting(HolderLine::percentText).containsExactly("10.000%", "48.000%", "42.000%", "100.000%");

        vm.save(); // on the new revision
        assertThat(vm.messageProperty().get()).startsWith("Saved:");
        assertThat(vm.lines()).extracting(HolderLine::percentText).containsExactly("10.000%", "48.000%", "42.000%", "100.000%");
    }

    @Test
    void undo_and_redo_walk_the_draft_steps() throws Exception {
        CapTableScenario s = CapTableScenario.create(fixture.db());
        CapTableViewModel vm = open(s.owner());
        assertThat(vm.canUndoProperty().get()).isFalse();
        transfer(vm, s.owner(), s.ben(), "5", "2026-09-01");
        vm.stepKindProperty().set(CapTableViewModel.StepKind.PLATFORM_STAKE);
        vm.fromHolderProperty().set(vm.choiceOf(Holder.user(s.owner())));
        vm.percentProperty().set("12");
        assertThat(vm.addStep()).isTrue();
        assertThat(vm.draftSteps()).hasSize(2);
        assertThat(vm.previewLines()).extracting(HolderLine::percentText).containsExactly("12.000%", "48.000%", "40.000%", "100.000%");

        vm.undo();
        assertThat(vm.draftSteps()).hasSize(1);
        assertThat(vm.previewLines()).extracting(HolderLine::percentText).containsExactly("10.000%", "50.000%", "40.000%", "100.000%");
        assertThat(vm.canRedoProperty().get()).isTrue();
        vm.undo();
        assertThat(vm.draftingProperty().get()).isFalse();
        assertThat(vm.previewLines()).isEmpty();
        vm.redo();
        vm.redo();
        assertThat(vm.draftSteps()).hasSize(2);
        assertThat(vm.draftSteps().get(1)).startsWith("Platform stake becomes 12.000% from 2026-09-01");
        assertThat(vm.canRedoProperty().get()).isFalse();

        // Above the platform cap of 15: EQ-3 with the figures.
        vm.percentProperty().set("16");
        vm.addStep();
        assertThat(vm.violations()).extracting(Rejection::ruleId).containsExactly("EQ-3");
        assertThat(vm.violations().get(0).message()).contains("16.000%", "15.000%");
    }

    @Test
    void bad_input_is_named_and_the_form_keeps_it() throws Exception {
        CapTableScenario s = CapTableScenario.create(fixture.db());
        CapTableViewModel vm = open(s.owner());
        vm.fromHolderProperty().set(vm.choiceOf(Holder.user(s.owner())));
        vm.toHolderProperty().set(vm.choiceOf(Holder.user(s.ben())));
        vm.percentProperty().set("five");
        assertThat(vm.addStep()).isFalse();
        assertThat(vm.problemProperty().get()).isEqualTo("The percent must be a number such as 5 or 2.5, not \"five\".");
        assertThat(vm.percentProperty().get()).isEqualTo("five");
        vm.percentProperty().set("2.0005");
        assertThat(vm.addStep()).isFalse();
        assertThat(vm.problemProperty().get()).contains("at most three decimals");
        assertThat(vm.draftSteps()).isEmpty();
        vm.percentProperty().set("70");
        assertThat(vm.addStep()).isFalse();
        assertThat(vm.problemProperty().get()).isEqualTo(vm.nameOf(Holder.user(s.owner())) + " holds 60.000% on 2026-03-15 and cannot give 70.000%.");
    }

    @Test
    void an_equity_hold_freezes_editing_and_says_why() throws Exception {
        CapTableScenario s = CapTableScenario.create(fixture.db(), "equity");
        CapTableViewModel vm = open(s.owner());
        assertThat(vm.editingBlockedProperty().get()).isTrue();
        assertThat(vm.holdBannerProperty().get()).contains("legal hold on equity", "EQ-7");
        transfer(vm, s.owner(), s.ben(), "5", "2026-09-01", false);
        assertThat(vm.draftSteps()).isEmpty();
        assertThat(vm.problemProperty().get()).contains("EQ-7");
        assertThat(vm.lines()).hasSize(4); // still readable
    }

    @Test
    void exports_the_date_as_csv_and_as_a_pdf_with_the_audit_head(@TempDir Path dir) throws Exception {
        CapTableScenario s = CapTableScenario.create(fixture.db());
        CapTableViewModel owner = open(s.owner());
        Path csv = dir.resolve("cap.csv");
        owner.exportCsv(csv);
        assertThat(owner.messageProperty().get()).contains("Exported the cap table of " + s.name() + " on 2026-03-15");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).isEqualTo("venture,as_of,holder,holder_type,percent,vested_percent,vesting,ledger_rows");
        assertThat(rows.get(1)).isEqualTo(s.name() + ",2026-03-15,AliceSolutions (platform),platform,10.000,10.000,Fully vested,\"10.000% from 2026-01-01, open\"");
        assertThat(rows.get(3)).contains("Ben Builder", ",user,30.000,0.000,\"4y/1y (12-month cliff, 48 months, monthly)\"");
        assertThat(rows.get(4)).contains(",Total (3 holders),total,100.000,70.000,");

        // The owner may not read the audit head (global staff only): the report says so instead of a hash.
        assertThat(owner.report().auditHead()).startsWith("not available to this user");

        UUID compliance = CapTableScenario.person(fixture.db(), "Cora Compliance", "compliance");
        CapTableViewModel staff = open(compliance);
        staff.ventureProperty().set(staff.ventures().stream().filter(v -> v.id().equals(s.venture())).findFirst().orElseThrow());
        Path pdf = dir.resolve("cap.pdf");
        staff.exportPdf(pdf);
        assertThat(staff.problemProperty().get()).isEmpty();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("Cap table report - " + s.name(), "Cap table as of 2026-03-15", "AliceSolutions (platform): 10.000%",
                "Total (3 holders): 100.000% (vested 70.000%)", "Audit chain head at export: entry ");
        assertThat(text).containsPattern("hash\\s+[0-9a-f]{64}");
    }

    @Test
    void a_buz_conversion_previews_the_dilution_and_a_refusal_names_every_reason() throws Exception {
        CapTableScenario s = CapTableScenario.create(fixture.db());
        CapTableViewModel vm = open(s.owner());
        vm.convertForProperty().set(vm.choiceOf(Holder.user(s.ben())));
        vm.convertOnProperty().set(LocalDate.parse("2026-09-01"));
        vm.convertPercentProperty().set("10");
        assertThat(vm.dilution()).containsExactlyInAnyOrder(
                "AliceSolutions (platform): 10.000% → 9.000%",
                vm.nameOf(Holder.user(s.owner())) + ": 55.000% → 49.500%",
                vm.nameOf(Holder.user(s.ben())) + ": 35.000% → 41.500%");
        assertThat(vm.conversionProblems()).isEmpty();
        vm.convertPercentProperty().set("40"); // the owner would fall to 33%
        assertThat(vm.conversionProblems()).extracting(Rejection::ruleId).containsExactly("EQ-2");

        vm.convertPercentProperty().set("1");
        vm.buzAmountProperty().set("20000");
        vm.convert();
        // No issuance rule (no band), Ben not KYC-verified, no wallet: every reason at once, nothing written.
        assertThat(vm.conversionProblems()).extracting(Rejection::ruleId).contains("BZ-4", "BZ-2");
        assertThat(vm.problemProperty().get()).startsWith("The BUZ were not converted: BZ-4: ");
        assertThat(ledger(s)).hasSize(5);
    }

    static void transfer(CapTableViewModel vm, UUID from, UUID to, String percent, String on) {
        transfer(vm, from, to, percent, on, true);
    }

    static void transfer(CapTableViewModel vm, UUID from, UUID to, String percent, String on, boolean added) {
        vm.stepKindProperty().set(CapTableViewModel.StepKind.TRANSFER);
        vm.fromHolderProperty().set(vm.choiceOf(Holder.user(from)));
        vm.toHolderProperty().set(vm.choiceOf(Holder.user(to)));
        vm.percentProperty().set(percent);
        vm.stepDateProperty().set(LocalDate.parse(on));
        assertThat(vm.addStep()).isEqualTo(added);
    }

    // ---- vesting, history, navigation, finding a holder ----------------------------------------------

    @Test
    void a_selected_holding_shows_its_schedule_and_an_owner_creates_and_attaches_a_policy() throws Exception {
        CapTableScenario s = CapTableScenario.create(fixture.db());
        CapTableViewModel vm = open(s.owner());
        vm.rowToCloseProperty().set(vm.lines().get(2)); // Ben, 30% vesting 4y/1y from January

        assertThat(vm.scheduleHeadingProperty().get()).startsWith(vm.nameOf(Holder.user(s.ben())) + ": 30.000% from 2026-01-01")
                .contains("vests by 4y/1y: 12-month cliff, 48 months, monthly");
        assertThat(vm.schedule()).hasSize(37); // the cliff, then 36 monthly installments
        assertThat(vm.schedule().get(0).on()).isEqualTo(LocalDate.parse("2027-01-01"));
        assertThat(vm.schedule().get(0).vestedPercent()).isEqualByComparingTo("7.500");
        assertThat(vm.schedule().get(36).vestedPercent()).isEqualByComparingTo("30.000");

        vm.policyNameProperty().set("Two years, no cliff");
        vm.cliffMonthsProperty().set("0");
        vm.durationMonthsProperty().set("24");
        vm.frequencyProperty().set(VestingFrequency.QUARTERLY);
        vm.createPolicy();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Vesting policy created: Two years, no cliff: 0-month cliff, 24 months, quarterly.");
        assertThat(vm.vestingPolicies()).extracting(VestingPolicy::name).contains("4y/1y", "Two years, no cliff");
        assertThat(vm.policyToAttachProperty().get().name()).isEqualTo("Two years, no cliff");

        vm.asOfProperty().set(LocalDate.parse("2026-07-01"));
        vm.rowToCloseProperty().set(vm.lines().get(1)); // Oona, 55% fully vested, open from July
        vm.vestingFromProperty().set(LocalDate.parse("2026-08-01"));
        vm.attachPolicy();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("The holding of " + vm.nameOf(Holder.user(s.owner()))
                + " vests by Two years, no cliff from 2026-08-01.");
        assertThat(ledger(s)).hasSize(6);
        vm.asOfProperty().set(LocalDate.parse("2026-09-01"));
        assertThat(vm.lines().get(1).vesting()).isEqualTo("Two years, no cliff (0-month cliff, 24 months, quarterly)");
        assertThat(vm.lines().get(1).vestedText()).isEqualTo("0.000%");
        assertThat(vm.changeLines().get(0).record().action()).isEqualTo("VESTING_ATTACHED");

        vm.cliffMonthsProperty().set("twelve");
        vm.createPolicy();
        assertThat(vm.problemProperty().get()).contains("whole number of months", "twelve");
    }

    @Test
    void saved_changes_link_to_their_audit_entries_and_seed_rows_say_they_have_none() throws Exception {
        CapTableScenario s = CapTableScenario.create(fixture.db());
        CapTableViewModel vm = open(s.owner());
        List<Place> visited = new java.util.ArrayList<>();
        vm.setNavigator(place -> visited.add(place));
        assertThat(vm.changeLines()).hasSize(1);
        assertThat(vm.changeLines().get(0).record()).isNull();
        assertThat(vm.changeLines().get(0).what()).startsWith("5 row(s) written without an audit entry");

        transfer(vm, s.owner(), s.ben(), "5", "2026-09-01");
        vm.descriptionProperty().set("Ben takes over sales");
        vm.save();

        CapTableViewModel.ChangeLine saved = vm.changeLines().get(0);
        assertThat(saved.who()).isEqualTo(vm.nameOf(Holder.user(s.owner())));
        assertThat(saved.what()).startsWith("Ben takes over sales — + ").contains("50.000% from 2026-09-01, open", "closed ");
        assertThat(saved.audit()).matches("#\\d+ · [0-9a-f]{64}|waiting to be sealed");
        vm.selectedChangeProperty().set(saved);
        vm.openInAuditTrail();
        assertThat(visited).containsExactly(saved.record().sealed() ? new Place.AuditEntryAt(saved.record().seq())
                : new Place.AuditTrailOf("venture", s.venture()));

        vm.setNavigator(Navigator.NOWHERE);
        vm.openInAuditTrail();
        assertThat(vm.problemProperty().get()).contains("audit trail is not available");
    }

    @Test
    void a_place_in_a_venture_selects_that_venture() throws Exception {
        UUID admin = CapTableScenario.person(fixture.db(), "Ada Admin", "admin");
        CapTableScenario first = CapTableScenario.create(fixture.db());
        CapTableScenario second = CapTableScenario.create(fixture.db());
        CapTableViewModel vm = open(admin);

        assertThat(vm.show(new Place.ObjectOf("equity_ledger", UUID.randomUUID(), second.venture()))).isTrue();
        assertThat(vm.capTableProperty().get().ventureId()).isEqualTo(second.venture());
        assertThat(vm.show(new Place.ObjectOf("venture", first.venture(), null))).isTrue();
        assertThat(vm.capTableProperty().get().ventureId()).isEqualTo(first.venture());
        assertThat(vm.show(new Place.AuditEntryAt(1))).isFalse();
    }

    @Test
    void an_owner_finds_a_new_holder_by_email_and_the_single_match_receives_the_stake() throws Exception {
        CapTableScenario s = CapTableScenario.create(fixture.db());
        UUID zoe = CapTableScenario.person(fixture.db(), "Zoe Newcomer");
        CapTableViewModel vm = open(s.owner());
        vm.stepKindProperty().set(CapTableViewModel.StepKind.ADD_HOLDER);

        vm.holderSearchProperty().set("  " + zoe + "@CAPTABLE.test ");
        vm.searchHolders();

        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Found Zoe Newcomer (KYC pending); picked as who receives the stake.");
        assertThat(vm.toHolderProperty().get().holder()).isEqualTo(Holder.user(zoe));
        vm.fromHolderProperty().set(vm.choiceOf(Holder.user(s.owner())));
        vm.percentProperty().set("5");
        vm.stepDateProperty().set(LocalDate.parse("2026-09-01"));
        assertThat(vm.addStep()).isTrue();
        assertThat(vm.previewLines()).extracting(HolderLine::name).contains("Zoe Newcomer");

        vm.holderSearchProperty().set("nobody-" + UUID.randomUUID());
        vm.searchHolders();
        assertThat(vm.problemProperty().get()).startsWith("Nobody matches");
    }
}
