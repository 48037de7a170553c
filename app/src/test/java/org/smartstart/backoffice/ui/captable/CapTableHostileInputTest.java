package org.smartstart.backoffice.ui.captable;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.testing.HostileInput;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
import org.smartstart.backoffice.ui.tasks.CurrentThreadTaskExecutor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.smartstart.backoffice.testing.HostileInput.show;
import static org.smartstart.backoffice.testing.HostileInput.tryForm;

/** Issue 8, bad input: the cap table draft and the BUZ conversion form under hostile values, through the view model. */
class CapTableHostileInputTest {

    static BackOfficeFixture fixture;
    final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    final Clock clock = Clock.fixed(LocalDate.parse("2026-03-15").atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

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

    void transferStep(CapTableViewModel vm, CapTableScenario s, String percent, LocalDate on) {
        vm.stepKindProperty().set(CapTableViewModel.StepKind.TRANSFER);
        vm.fromHolderProperty().set(vm.choiceOf(Holder.user(s.owner())));
        vm.toHolderProperty().set(vm.choiceOf(Holder.user(s.ben())));
        vm.percentProperty().set(percent);
        vm.stepDateProperty().set(on);
    }

    @Test
    void the_draft_refuses_every_hostile_percent_and_date_with_a_sentence_and_writes_nothing() throws Exception {
        CapTableScenario s = CapTableScenario.create(fixture.db());
        CapTableViewModel vm = open(s.owner());
        SoftAssertions softly = new SoftAssertions();
        for (CapTableViewModel.StepKind kind : new CapTableViewModel.StepKind[] {CapTableViewModel.StepKind.TRANSFER, CapTableViewModel.StepKind.PLATFORM_STAKE}) {
            for (String value : HostileInput.NOT_NUMBERS) {
                transferStep(vm, s, value, LocalDate.parse("2026-09-01"));
                vm.stepKindProperty().set(kind);
                boolean[] added = new boolean[1];
                boolean validStake = kind == CapTableViewModel.StepKind.PLATFORM_STAKE && value.equals("0");
                tryForm(softly, fixture.db(), kind + " percent " + show(value), () -> added[0] = vm.addStep(),
                        () -> validStake ? "(a platform stake of 0 is a step)" : vm.problemProperty().get(), true);
                softly.assertThat(added[0]).as("%s percent %s is not a step", kind, show(value)).isEqualTo(validStake);
                vm.discardDraft();
            }
        }
        for (LocalDate day : HostileInput.HOSTILE_DATES) {
            boolean businessDate = day.getYear() >= 1 && day.getYear() <= 9999;
            for (CapTableViewModel.StepKind kind : CapTableViewModel.StepKind.values()) {
                transferStep(vm, s, "1", day);
                vm.stepKindProperty().set(kind);
                if (kind == CapTableViewModel.StepKind.CLOSE_ROW) {
                    vm.rowToCloseProperty().set(vm.lines().get(1));
                }
                boolean[] added = new boolean[1];
                tryForm(softly, fixture.db(), kind + " on " + day, () -> added[0] = vm.addStep(),
                        () -> added[0] ? "(a step of the draft, which writes nothing)" : vm.problemProperty().get(), true);
                if (!businessDate) {
                    softly.assertThat(added[0]).as("%s on %s is not a step", kind, day).isFalse();
                }
                vm.descriptionProperty().set("Hostile date " + day);
                // a far but real date may make a valid change; one outside 0001..9999 never does
                tryForm(softly, fixture.db(), "saving " + kind + " on " + day, vm::save,
                        () -> vm.problemProperty().get().isBlank() ? "(nothing to save, or the draft breaks a rule it shows)" : vm.problemProperty().get(),
                        !businessDate);
                vm.discardDraft();
                vm.asOfProperty().set(LocalDate.parse("2026-03-15"));
            }
            tryForm(softly, fixture.db(), "viewing the cap table as of " + day, () -> vm.asOfProperty().set(day),
                    () -> "(a view writes nothing)", true);
            vm.asOfProperty().set(LocalDate.parse("2026-03-15"));
        }
        softly.assertAll();
    }

    @Test
    void a_valid_draft_with_a_hostile_description_is_refused_with_a_sentence_or_saved_with_one_audit_entry() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (String text : HostileInput.HOSTILE_TEXT) {
            CapTableScenario s = CapTableScenario.create(fixture.db());
            CapTableViewModel vm = open(s.owner());
            transferStep(vm, s, "1", LocalDate.parse("2026-09-01"));
            softly.assertThat(vm.addStep()).isTrue();
            vm.descriptionProperty().set(text);
            tryForm(softly, fixture.db(), "description " + show(text), vm::save, () -> vm.problemProperty().get(),
                    HostileInput.mustRefuseAsText(text));
        }
        softly.assertAll();
    }

    @Test
    void the_conversion_form_refuses_hostile_amounts_percents_and_dates() throws Exception {
        CapTableScenario s = CapTableScenario.create(fixture.db());
        CapTableViewModel vm = open(s.owner());
        SoftAssertions softly = new SoftAssertions();
        vm.convertForProperty().set(vm.choiceOf(Holder.user(s.ben())));
        vm.convertOnProperty().set(LocalDate.parse("2026-09-01"));
        for (String value : HostileInput.NOT_BUZ) {
            vm.buzAmountProperty().set(value);
            vm.convertPercentProperty().set("1");
            tryForm(softly, fixture.db(), "BUZ amount " + show(value), vm::convert, () -> vm.problemProperty().get(), true);
        }
        for (String value : HostileInput.NOT_NUMBERS) {
            vm.buzAmountProperty().set("20000");
            vm.convertPercentProperty().set(value);
            tryForm(softly, fixture.db(), "equity percent " + show(value), vm::convert, () -> vm.problemProperty().get(), true);
        }
        for (LocalDate day : HostileInput.HOSTILE_DATES) {
            vm.buzAmountProperty().set("20000");
            vm.convertPercentProperty().set("1");
            vm.convertOnProperty().set(day);
            tryForm(softly, fixture.db(), "conversion on " + day, vm::convert, () -> vm.problemProperty().get(), true);
        }
        softly.assertAll();
    }
}
