package org.smartstart.backoffice.ui.disputes;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartstart.backoffice.contract.HoldsAndDisputesFixtures;
import org.smartstart.backoffice.domain.disputes.Dispute;
import org.smartstart.backoffice.domain.disputes.DisputeObjectType;
import org.smartstart.backoffice.domain.disputes.DisputeStatus;
import org.smartstart.backoffice.domain.disputes.NewDispute;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
import org.smartstart.backoffice.ui.navigation.Place;
import org.smartstart.backoffice.ui.tasks.CurrentThreadTaskExecutor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The disputes workspace's remedies beyond BUZ, evidence, links and filters, on a real database as support or admin. */
class DisputeRemediesViewModelTest {

    static BackOfficeFixture fixture;
    static HoldsAndDisputesFixtures data;
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final List<Place> visited = new ArrayList<>();

    @TempDir
    Path folder;

    @BeforeAll
    static void setUp() {
        fixture = BackOfficeFixture.create();
        data = new HoldsAndDisputesFixtures(fixture);
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    DisputesViewModel signedInAs(UUID user) {
        BackOffice backOffice = fixture.as(Adapter.LOCAL, user);
        DisputesViewModel viewModel = new DisputesViewModel(backOffice.disputes(), backOffice.ventures(), backOffice.people(),
                backOffice.capTables(), user, executor, Clock.fixed(java.time.Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
        viewModel.setNavigator(place -> visited.add(place));
        viewModel.load();
        return viewModel;
    }

    Dispute raise(UUID by, DisputeObjectType type, UUID object) {
        return fixture.as(Adapter.LOCAL, by).disputes().raise(new NewDispute(type, object, "Judged wrongly")).orElseThrow();
    }

    static UUID bensRow(HoldsAndDisputesFixtures.Venture v) throws Exception {
        return UUID.fromString(data.text("SELECT id::text FROM equity_ledger WHERE holder_id = '" + v.ben() + "'"));
    }

    void select(DisputesViewModel viewModel, UUID disputeId) {
        viewModel.selectedProperty().set(viewModel.disputes().stream().filter(d -> d.id().equals(disputeId)).findFirst().orElseThrow());
    }

    @Test
    void a_task_dispute_is_resolved_by_reopening_the_rejected_task() throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        data.exec("UPDATE tasks SET status = 'rejected', version = version + 1 WHERE id = '" + v.task() + "'");
        Dispute d = raise(v.ravi(), DisputeObjectType.TASK, v.task());
        DisputesViewModel viewModel = signedInAs(data.staff("support"));
        select(viewModel, d.id());
        assertThat(viewModel.canReopenTaskProperty().get()).as("not before the review starts").isFalse();
        viewModel.startReview();

        assertThat(viewModel.reopenLabelProperty().get()).isEqualTo("Reopen the task (now rejected)");
        assertThat(viewModel.canReopenTaskProperty().get()).isTrue();
        viewModel.resolutionProperty().set("The merged pull request was missed");
        viewModel.compensateProperty().set(true);
        viewModel.reopenTaskProperty().set(true);
        assertThat(viewModel.compensateProperty().get()).as("one remedy at a time").isFalse();
        viewModel.decide();

        assertThat(viewModel.problemProperty().get()).isEmpty();
        assertThat(viewModel.messageProperty().get()).isEqualTo("The dispute is resolved; the task was reopened with the decision.");
        assertThat(data.text("SELECT status::text FROM tasks WHERE id = '" + v.task() + "'")).isEqualTo("open");
        assertThat(viewModel.contextProperty().get().taskStatus()).isEqualTo("open");
        assertThat(viewModel.timeline()).last().satisfies(e -> assertThat(e.what()).endsWith("(remedy: task reopen)"));
    }

    @Test
    void an_admin_previews_and_executes_an_equity_correction_and_an_equity_hold_refuses_it() throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        Dispute d = raise(v.ben(), DisputeObjectType.EQUITY, bensRow(v));
        UUID admin = data.staff("admin");
        DisputesViewModel viewModel = signedInAs(admin);
        select(viewModel, d.id());
        viewModel.startReview();
        viewModel.resolutionProperty().set("Ben's 5% grant was never recorded");
        viewModel.correctEquityProperty().set(true);

        assertThat(viewModel.equityHolders()).extracting(DisputesViewModel.Named::name).contains("Ben Builder (30%)", "Oona Owner (60%)");
        assertThat(viewModel.equityHolderProperty().get().id()).as("the person who raised it, preselected").isEqualTo(v.ben());
        viewModel.equityPercentProperty().set("35");
        viewModel.equityFromProperty().set(LocalDate.of(2026, 12, 1));
        assertThat(viewModel.canDecideProperty().get()).as("not before the preview").isFalse();
        viewModel.previewEquity();

        assertThat(viewModel.equityPlanTextProperty().get()).contains("from 2026-12-01", "Ben Builder 30% → 35%", "Oona Owner 60% → 55%",
                "No cap table rule refuses it now");
        assertThat(viewModel.canDecideProperty().get()).isTrue();
        viewModel.decide();

        assertThat(viewModel.problemProperty().get()).isEmpty();
        assertThat(viewModel.messageProperty().get()).isEqualTo("The dispute is resolved; the equity correction was written with the decision.");
        assertThat(data.number("SELECT count(*) FROM equity_ledger WHERE venture_id = '" + v.id() + "' AND holder_id = '" + v.ben()
                + "' AND percent = 35 AND effective_from = DATE '2026-12-01'")).isEqualTo(1);

        HoldsAndDisputesFixtures.Venture w = data.venture();
        Dispute held = raise(w.ben(), DisputeObjectType.EQUITY, bensRow(w));
        viewModel.load();
        select(viewModel, held.id());
        viewModel.startReview();
        viewModel.resolutionProperty().set("Correct it");
        viewModel.correctEquityProperty().set(true);
        viewModel.equityPercentProperty().set("35");
        data.exec("INSERT INTO legal_holds (venture_id, applies_to, reason, imposed_by_user_id) VALUES ('" + w.id()
                + "', 'equity', 'Litigation 26-15', '" + data.staff("compliance") + "')");
        viewModel.previewEquity();
        assertThat(viewModel.equityPlanTextProperty().get()).contains("Refused now: EQ-7");
        viewModel.decide();
        assertThat(viewModel.problemProperty().get()).contains("EQ-7", "stays in review");
        assertThat(viewModel.selectedProperty().get().status()).isEqualTo(DisputeStatus.IN_REVIEW);
        viewModel.load();
        assertThat(viewModel.equityFrozenProperty().get()).isTrue();
        assertThat(viewModel.correctEquityProperty().get()).as("the frozen remedy is un-ticked").isFalse();
    }

    @Test
    void evidence_is_attached_from_a_file_listed_with_its_hash_and_checked_before_a_copy_is_saved() throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        Dispute d = raise(v.ravi(), DisputeObjectType.TASK, v.task());
        DisputesViewModel viewModel = signedInAs(data.staff("support"));
        select(viewModel, d.id());
        Path log = folder.resolve("merge-log.txt");
        Files.writeString(log, "PR #412 merged on 2026-11-20 by Ravi\n");
        Path exe = folder.resolve("tool.exe");
        Files.write(exe, new byte[]{0x4D, 0x5A, 0});

        viewModel.attachEvidence(exe);
        assertThat(viewModel.problemProperty().get()).startsWith("Attaching tool.exe").contains("file.mediaType", "PDF, PNG or JPEG");
        viewModel.attachEvidence(log);

        assertThat(viewModel.problemProperty().get()).isEmpty();
        assertThat(viewModel.evidence()).singleElement().satisfies(e -> {
            assertThat(e.fileName()).isEqualTo("merge-log.txt");
            assertThat(e.sha256()).hasSize(64);
        });
        assertThat(viewModel.messageProperty().get()).contains("merge-log.txt is attached", viewModel.evidence().get(0).sha256());
        assertThat(viewModel.timeline()).last().satisfies(e -> assertThat(e.action()).isEqualTo("DISPUTE_EVIDENCE_ADDED"));

        Path copy = folder.resolve("copy.txt");
        viewModel.openEvidence(viewModel.evidence().get(0), copy);
        assertThat(viewModel.evidenceCheckProperty().get()).startsWith("merge-log.txt: intact, sha256 " + viewModel.evidence().get(0).sha256());
        assertThat(Files.readString(copy, StandardCharsets.UTF_8)).isEqualTo("PR #412 merged on 2026-11-20 by Ravi\n");

        data.exec("UPDATE document_blobs SET bytes = convert_to('forged', 'UTF8') WHERE sha256 = '" + viewModel.evidence().get(0).sha256() + "'");
        Path second = folder.resolve("second.txt");
        viewModel.openEvidence(viewModel.evidence().get(0), second);
        assertThat(viewModel.problemProperty().get()).contains("has changed since it was attached", "It was not saved");
        assertThat(second).doesNotExist();
    }

    @Test
    void a_link_to_a_dispute_clears_the_filters_and_selects_it_and_the_timeline_links_to_the_audit_trail() throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        Dispute d = raise(v.ravi(), DisputeObjectType.TASK, v.task());
        DisputesViewModel viewModel = signedInAs(data.staff("support"));
        viewModel.statusFilterProperty().set(DisputeStatus.RESOLVED);
        assertThat(viewModel.disputes()).noneMatch(x -> x.id().equals(d.id()));

        assertThat(viewModel.show(new Place.ObjectOf("dispute", d.id(), v.id()))).isTrue();

        assertThat(viewModel.statusFilterProperty().get()).isNull();
        assertThat(viewModel.selectedProperty().get().id()).isEqualTo(d.id());
        assertThat(viewModel.show(new Place.ObjectOf("venture", v.id(), v.id()))).isFalse();
        assertThat(viewModel.openAuditTrail()).isTrue();
        viewModel.openContextLine(viewModel.contextLines().get(0));
        assertThat(visited).containsExactly(new Place.AuditTrailOf("dispute", d.id()), new Place.ObjectOf("task", v.task(), v.id()));
    }

    @Test
    void the_list_filters_by_venture_and_by_who_raised_it() throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        Dispute ravis = raise(v.ravi(), DisputeObjectType.TASK, v.task());
        Dispute chloes = raise(v.chloe(), DisputeObjectType.BUZ_TX, v.earn());
        DisputesViewModel viewModel = signedInAs(data.staff("support"));

        viewModel.ventureFilterProperty().set(viewModel.ventureChoices().stream().filter(n -> n.id().equals(v.id())).findFirst().orElseThrow());
        assertThat(viewModel.disputes()).extracting(Dispute::id).containsExactlyInAnyOrder(ravis.id(), chloes.id());
        viewModel.raisedByFilterProperty().set(viewModel.raisers().stream().filter(n -> n.id().equals(v.chloe())).findFirst().orElseThrow());
        assertThat(viewModel.disputes()).extracting(Dispute::id).containsExactly(chloes.id());
    }
}
