package org.smartstart.backoffice.ui;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.contract.HoldsAndDisputesFixtures;
import org.smartstart.backoffice.domain.disputes.DisputeOutcome;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.legalholds.HoldScope;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.testing.HostileInput;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
import org.smartstart.backoffice.ui.admin.AdministrationViewModel;
import org.smartstart.backoffice.ui.admin.BuzWalletViewModel;
import org.smartstart.backoffice.ui.audit.AuditViewModel;
import org.smartstart.backoffice.ui.disputes.DisputesViewModel;
import org.smartstart.backoffice.ui.legalholds.LegalHoldsViewModel;
import org.smartstart.backoffice.ui.tasks.CurrentThreadTaskExecutor;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.smartstart.backoffice.testing.HostileInput.show;
import static org.smartstart.backoffice.testing.HostileInput.tryForm;

/**
 * Issue 8, bad input in the desktop's forms: legal holds (impose, release), BUZ issuing, dispute decisions and
 * remedies, role grants and the audit browser's filters, each field given every hostile value through its view
 * model on a real database. No exception escapes, a refusal is a sentence for a person, and a refused form
 * writes nothing (the audit trail does not grow). Free text is either refused or saved with one audit entry.
 */
class HostileFormsTest {

    static BackOfficeFixture fixture;
    static HoldsAndDisputesFixtures data;
    final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    @BeforeAll
    static void setUp() {
        fixture = BackOfficeFixture.create();
        data = new HoldsAndDisputesFixtures(fixture);
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    @Test
    void legal_hold_reasons() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        UUID compliance = data.staff("compliance");
        for (String text : HostileInput.HOSTILE_TEXT) {
            HoldsAndDisputesFixtures.Venture v = data.venture();
            BackOffice bo = fixture.as(Adapter.LOCAL, compliance);
            LegalHoldsViewModel vm = new LegalHoldsViewModel(bo.legalHolds(), bo.ventures(), executor);
            vm.load();
            vm.ventureProperty().set(vm.ventures().stream().filter(o -> o.id().equals(v.id())).findFirst().orElseThrow());
            vm.scopeProperty().set(HoldScope.BUZ);
            vm.preview();
            vm.reasonProperty().set(text);
            boolean refused = tryForm(softly, fixture.db(), "hold reason " + show(text), vm::impose, () -> vm.problemProperty().get(),
                    HostileInput.mustRefuseAsText(text));
            if (refused) {
                continue;
            }
            vm.releaseReasonProperty().set(text);
            tryForm(softly, fixture.db(), "release reason " + show(text), vm::release, () -> vm.problemProperty().get(),
                    HostileInput.mustRefuseAsText(text));
        }
        softly.assertAll();
    }

    @Test
    void buz_issue_amounts_and_memos() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        HoldsAndDisputesFixtures.Venture v = data.venture();
        BackOffice bo = fixture.as(Adapter.LOCAL, v.owner());
        BuzWalletViewModel vm = new BuzWalletViewModel(bo.wallets(), executor);
        AdministrationViewModel admin = new AdministrationViewModel(bo.people(), bo.ventures(), vm, executor, fixture.clock(), ZoneOffset.UTC);
        admin.load();
        vm.open(v.chloe());
        vm.issueVentureProperty().set(admin.ventures().stream().filter(o -> o.id().equals(v.id())).findFirst().orElseThrow());
        for (String amount : HostileInput.NOT_BUZ) {
            vm.issueAmountProperty().set(amount);
            vm.issueMemoProperty().set("Sprint 12");
            tryForm(softly, fixture.db(), "BUZ amount " + show(amount), vm::issue, () -> vm.feedbackProperty().get().sentence(), true);
        }
        for (String memo : HostileInput.HOSTILE_TEXT) {
            vm.issueAmountProperty().set("10");
            vm.issueMemoProperty().set(memo);
            // a blank memo is no memo (optional); a memo over 500 characters is refused
            tryForm(softly, fixture.db(), "BUZ memo " + show(memo), vm::issue, () -> vm.feedbackProperty().get().sentence(),
                    memo.indexOf('\u0000') >= 0 || memo.length() > 500);
        }
        softly.assertAll();
    }

    @Test
    void dispute_decisions_and_remedies() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        UUID support = data.staff("support");
        for (String amount : HostileInput.NOT_BUZ) {
            if (amount.equals("-5")) {
                continue; // a negative remedy is a debit, by design (Remedy.BuzCompensation)
            }
            DisputesViewModel vm = disputeInReview(support);
            vm.resolutionProperty().set("The export was paid short");
            vm.outcomeProperty().set(DisputeOutcome.RESOLVED);
            vm.compensateProperty().set(true);
            vm.amountProperty().set(amount);
            tryForm(softly, fixture.db(), "remedy preview of " + show(amount), vm::previewRemedy, () -> vm.problemProperty().get(), true);
            tryForm(softly, fixture.db(), "decision with a remedy of " + show(amount), vm::decide, () -> vm.problemProperty().get(), true);
        }
        for (String text : HostileInput.HOSTILE_TEXT) {
            DisputesViewModel vm = disputeInReview(support);
            vm.outcomeProperty().set(DisputeOutcome.RESOLVED);
            vm.resolutionProperty().set(text);
            tryForm(softly, fixture.db(), "resolution " + show(text), vm::decide, () -> vm.problemProperty().get(), HostileInput.mustRefuseAsText(text));
        }
        softly.assertAll();
    }

    DisputesViewModel disputeInReview(UUID support) throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        UUID disputeId = data.dispute(v, "buz_tx", v.earn(), v.chloe());
        BackOffice bo = fixture.as(Adapter.LOCAL, support);
        DisputesViewModel vm = new DisputesViewModel(bo.disputes(), bo.ventures(), bo.people(), support, executor, ZoneOffset.UTC);
        vm.load();
        vm.selectedProperty().set(vm.disputes().stream().filter(d -> d.id().equals(disputeId)).findFirst().orElseThrow());
        vm.assignToMe();
        vm.startReview();
        return vm;
    }

    @Test
    void role_grant_reasons() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        UUID admin = data.staff("admin");
        for (String text : HostileInput.HOSTILE_TEXT) {
            HoldsAndDisputesFixtures.Venture v = data.venture();
            BackOffice bo = fixture.as(Adapter.LOCAL, admin);
            AdministrationViewModel vm = new AdministrationViewModel(bo.people(), bo.ventures(), new BuzWalletViewModel(bo.wallets(), executor),
                    executor, fixture.clock(), ZoneOffset.UTC);
            vm.load();
            vm.open(v.chloe());
            vm.grantRoleProperty().set(Role.CONTRIBUTOR);
            vm.grantVentureProperty().set(vm.ventures().stream().filter(o -> o.id().equals(v.id())).findFirst().orElseThrow());
            vm.grantReasonProperty().set(text);
            tryForm(softly, fixture.db(), "grant reason " + show(text), vm::grant, () -> vm.feedbackProperty().get().sentence(),
                    HostileInput.mustRefuseAsText(text));
        }
        softly.assertAll();
    }

    @Test
    void audit_filters() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        UUID compliance = data.staff("compliance");
        data.venture();
        AuditViewModel vm = new AuditViewModel(fixture.as(Adapter.LOCAL, compliance).auditTrail(), executor, ZoneOffset.UTC);
        vm.load();
        List<String> ids = new java.util.ArrayList<>(HostileInput.NOT_NUMBERS);
        ids.addAll(List.of("3f2b", UUID.randomUUID() + "x", "{" + UUID.randomUUID() + "}"));
        for (String value : ids) {
            for (int field = 0; field < 3; field++) {
                clear(vm);
                (field == 0 ? vm.actorProperty() : field == 1 ? vm.objectIdProperty() : vm.ventureProperty()).set(value);
                boolean blank = value.isBlank();
                tryForm(softly, fixture.db(), "audit filter " + field + " = " + show(value), vm::load,
                        () -> blank ? "(no filter)" : vm.problemProperty().get(), true);
                if (!blank) {
                    softly.assertThat(vm.problemProperty().get()).as("an id filter of %s is refused", show(value)).isNotBlank();
                }
            }
        }
        for (String value : HostileInput.HOSTILE_TEXT) {
            for (int field = 0; field < 2; field++) {
                clear(vm);
                (field == 0 ? vm.actionProperty() : vm.objectTypeProperty()).set(value);
                // a text filter that matches nothing is a valid question; NUL is refused
                tryForm(softly, fixture.db(), "audit text filter " + field + " = " + show(value), vm::load,
                        () -> value.indexOf('\u0000') >= 0 ? vm.problemProperty().get() : "(a question, not a write)", true);
                HostileInput.assertHuman(softly, "audit text filter " + show(value), vm.problemProperty().get());
            }
        }
        for (String value : HostileInput.NOT_NUMBERS) {
            clear(vm);
            vm.jumpSeqProperty().set(value);
            boolean seq = value.matches("[0-9]+") && !value.equals("0") && value.length() < 19;
            tryForm(softly, fixture.db(), "jump to seq " + show(value), vm::jumpToSeq, () -> seq ? "(a seq)" : vm.problemProperty().get(), true);
        }
        for (LocalDate day : HostileInput.HOSTILE_DATES) {
            clear(vm);
            vm.fromProperty().set(day);
            tryForm(softly, fixture.db(), "audit from " + day, vm::load, () -> "(a question)", true);
            HostileInput.assertHuman(softly, "audit from " + day, vm.problemProperty().get());
            clear(vm);
            vm.toProperty().set(day);
            tryForm(softly, fixture.db(), "audit to " + day, vm::load, () -> "(a question)", true);
            HostileInput.assertHuman(softly, "audit to " + day, vm.problemProperty().get());
            clear(vm);
            tryForm(softly, fixture.db(), "audit jump to " + day, () -> {
                vm.jumpDateProperty().set(day);
                vm.jumpToDate();
            }, () -> "(a question)", true);
            HostileInput.assertHuman(softly, "audit jump to " + day, vm.problemProperty().get());
        }
        softly.assertAll();
    }

    static void clear(AuditViewModel vm) {
        vm.actorProperty().set("");
        vm.objectIdProperty().set("");
        vm.ventureProperty().set("");
        vm.actionProperty().set("");
        vm.objectTypeProperty().set("");
        vm.fromProperty().set(null);
        vm.toProperty().set(null);
        vm.jumpSeqProperty().set("");
        vm.jumpDateProperty().set(null);
    }
}
