package org.smartstart.backoffice.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartstart.backoffice.contract.HoldsAndDisputesFixtures.Venture;
import org.smartstart.backoffice.domain.disputes.Decision;
import org.smartstart.backoffice.domain.disputes.Dispute;
import org.smartstart.backoffice.domain.disputes.DisputeContext;
import org.smartstart.backoffice.domain.disputes.DisputeEvent;
import org.smartstart.backoffice.domain.disputes.DisputeEvidence;
import org.smartstart.backoffice.domain.disputes.DisputeFilter;
import org.smartstart.backoffice.domain.disputes.DisputeObjectType;
import org.smartstart.backoffice.domain.disputes.DisputeOutcome;
import org.smartstart.backoffice.domain.disputes.DisputeStatus;
import org.smartstart.backoffice.domain.disputes.Disputes;
import org.smartstart.backoffice.domain.disputes.EvidenceContent;
import org.smartstart.backoffice.domain.disputes.EvidenceFile;
import org.smartstart.backoffice.domain.disputes.NewDispute;
import org.smartstart.backoffice.domain.disputes.Remedy;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disputes workspace's reads and writes beyond the workflow (DisputesContractTest): the task-reopen
 * remedy (DS-4), evidence files with their sha256, the disputed object in context, the timeline from the
 * audit trail and the venture and raiser filters. The same through every adapter.
 */
@ParameterizedClass
@EnumSource(Adapter.class)
class DisputeWorkspaceContractTest {

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

    Disputes as(UUID user) {
        return fixture.as(adapter, user).disputes();
    }

    static List<String> ruleIds(Outcome<?> outcome) {
        assertThat(outcome).as(outcome.describe()).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<?>) outcome).rejections().stream().map(Rejection::ruleId).toList();
    }

    static List<String> fields(Outcome<?> outcome) {
        assertThat(outcome).as(outcome.describe()).isInstanceOf(Outcome.Invalid.class);
        return ((Outcome.Invalid<?>) outcome).problems().stream().map(FieldProblem::field).toList();
    }

    Dispute inReview(Venture v, UUID support, DisputeObjectType type, UUID object, UUID raiser) {
        Dispute d = as(raiser).raise(new NewDispute(type, object, "This was judged wrongly")).orElseThrow();
        return as(support).startReview(d.id()).orElseThrow();
    }

    String taskStatus(Venture v) throws Exception {
        return data.text("SELECT status::text FROM tasks WHERE id = '" + v.task() + "'");
    }

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static EvidenceFile file(String name, String type, byte[] bytes) {
        return new EvidenceFile(name, type, Base64.getEncoder().encodeToString(bytes));
    }

    // ---- DS-4: a task reopened ------------------------------------------------------------------

    @Test
    void ds4_resolving_a_task_dispute_reopens_the_rejected_task_in_the_same_transaction_with_one_audit_entry() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        data.exec("UPDATE tasks SET status = 'rejected', version = version + 1 WHERE id = '" + v.task() + "'");
        Dispute d = inReview(v, support, DisputeObjectType.TASK, v.task(), v.ravi());

        DisputeContext context = as(support).context(d.id()).orElseThrow();
        assertThat(context.taskId()).isEqualTo(v.task());
        assertThat(context.taskStatus()).isEqualTo("rejected");

        Outcome<Dispute> decided = as(support).decide(d.id(), new Decision(DisputeOutcome.RESOLVED,
                "The review missed the merged pull request", d.version(), new Remedy.TaskReopen(null)));

        assertThat(decided.isDone()).as(decided.describe()).isTrue();
        assertThat(decided.orElseThrow().status()).isEqualTo(DisputeStatus.RESOLVED);
        assertThat(taskStatus(v)).isEqualTo("open");
        assertThat(data.text("SELECT remedy->>'kind' FROM disputes WHERE id = '" + d.id() + "'")).isEqualTo("task_reopen");
        assertThat(data.auditEntries(d.id(), "DISPUTE_DECIDED")).isEqualTo(1);
        assertThat(data.number("SELECT count(*) FROM (SELECT action, data FROM audit_outbox UNION ALL SELECT action, data FROM audit_log) a "
                + "WHERE a.action = 'DISPUTE_DECIDED' AND a.data->'remedy'->>'task_id' = '" + v.task() + "' AND a.data->'remedy'->>'before' = 'rejected'"))
                .isEqualTo(1);
    }

    @Test
    void ds4_a_review_dispute_reopens_the_reviewed_task() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        data.exec("UPDATE tasks SET status = 'rejected', version = version + 1 WHERE id = '" + v.task() + "'");
        Dispute d = inReview(v, support, DisputeObjectType.REVIEW, v.review(), v.ravi());

        Outcome<Dispute> decided = as(support).decide(d.id(), new Decision(DisputeOutcome.RESOLVED, "Quality 40 was a typo for 90",
                d.version(), new Remedy.TaskReopen(v.task())));

        assertThat(decided.isDone()).as(decided.describe()).isTrue();
        assertThat(taskStatus(v)).isEqualTo("open");
    }

    @Test
    void ds4_reopening_a_task_that_is_not_decided_is_refused_and_the_dispute_stays_in_review_with_nothing_written() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute d = inReview(v, support, DisputeObjectType.TASK, v.task(), v.ravi());

        Outcome<Dispute> refused = as(support).decide(d.id(), new Decision(DisputeOutcome.RESOLVED, "Reopen it", d.version(),
                new Remedy.TaskReopen(null)));

        assertThat(ruleIds(refused)).containsExactly("DS-4");
        assertThat(refused.describe()).contains("Payment export", "is open", "stays in review");
        assertThat(as(support).dispute(d.id()).orElseThrow().status()).isEqualTo(DisputeStatus.IN_REVIEW);
        assertThat(taskStatus(v)).isEqualTo("open");
        assertThat(data.auditEntries(d.id(), "DISPUTE_DECIDED")).isZero();
    }

    @Test
    void ds4_a_task_is_reopened_only_for_a_task_or_review_dispute_and_only_the_disputed_one() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute buz = inReview(v, support, DisputeObjectType.BUZ_TX, v.earn(), v.chloe());
        assertThat(fields(as(support).decide(buz.id(), new Decision(DisputeOutcome.RESOLVED, "Reopen", buz.version(),
                new Remedy.TaskReopen(v.task()))))).containsExactly("remedy");

        data.exec("UPDATE tasks SET status = 'rejected', version = version + 1 WHERE id = '" + v.task() + "'");
        Dispute task = inReview(v, support, DisputeObjectType.TASK, v.task(), v.ravi());
        assertThat(fields(as(support).decide(task.id(), new Decision(DisputeOutcome.RESOLVED, "Reopen", task.version(),
                new Remedy.TaskReopen(UUID.randomUUID()))))).containsExactly("remedy.taskId");
        assertThat(taskStatus(v)).isEqualTo("rejected");
    }

    // ---- evidence ----------------------------------------------------------------------------

    @Test
    void evidence_is_stored_with_its_sha256_listed_checked_on_open_and_audited_once_per_file() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute d = inReview(v, support, DisputeObjectType.TASK, v.task(), v.ravi());

        Outcome<DisputeEvidence> added = as(v.ravi()).attachEvidence(d.id(), file("merge-log.pdf", "application/pdf", PDF));
        assertThat(added.isDone()).as(added.describe()).isTrue();
        DisputeEvidence e = added.orElseThrow();
        assertThat(e.sha256()).isEqualTo(sha256(PDF));
        assertThat(e.sizeBytes()).isEqualTo(PDF.length);
        assertThat(e.fileName()).isEqualTo("merge-log.pdf");
        assertThat(e.addedByName()).isEqualTo("Ravi Kumar");
        assertThat(as(support).attachEvidence(d.id(), file("notes.txt", "text/plain", "Merged in #412\n".getBytes(StandardCharsets.UTF_8)))
                .isDone()).isTrue();

        assertThat(as(support).evidence(d.id()).orElseThrow()).extracting(DisputeEvidence::fileName).containsExactlyInAnyOrder("merge-log.pdf", "notes.txt");
        EvidenceContent opened = as(support).evidenceFile(d.id(), e.id()).orElseThrow();
        assertThat(opened.intact()).isTrue();
        assertThat(opened.computedSha256()).isEqualTo(sha256(PDF));
        assertThat(Base64.getDecoder().decode(opened.base64())).isEqualTo(PDF);
        assertThat(data.auditEntries(d.id(), "DISPUTE_EVIDENCE_ADDED")).isEqualTo(2);
        assertThat(data.number("SELECT count(*) FROM audit_outbox WHERE action = 'DISPUTE_EVIDENCE_ADDED' AND data->>'sha256' = '"
                + sha256(PDF) + "' AND object_id = '" + d.id() + "'") + data.number("SELECT count(*) FROM audit_log WHERE action = "
                + "'DISPUTE_EVIDENCE_ADDED' AND data->>'sha256' = '" + sha256(PDF) + "' AND object_id = '" + d.id() + "'")).isEqualTo(1);
    }

    @Test
    void evidence_that_changed_in_storage_opens_as_not_intact() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute d = inReview(v, support, DisputeObjectType.TASK, v.task(), v.ravi());
        byte[] text = ("Chat log " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
        DisputeEvidence e = as(support).attachEvidence(d.id(), file("chat.txt", "text/plain", text)).orElseThrow();
        data.exec("UPDATE document_blobs SET bytes = convert_to('tampered', 'UTF8') WHERE sha256 = '" + e.sha256() + "'");

        EvidenceContent opened = as(support).evidenceFile(d.id(), e.id()).orElseThrow();

        assertThat(opened.intact()).isFalse();
        assertThat(opened.computedSha256()).isNotEqualTo(e.sha256());
    }

    @Test
    void evidence_limits_name_the_field_and_write_nothing() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute d = inReview(v, support, DisputeObjectType.TASK, v.task(), v.ravi());

        assertThat(fields(as(support).attachEvidence(d.id(), file("tool.exe", "application/x-msdownload", PDF)))).containsExactly("file.mediaType");
        assertThat(fields(as(support).attachEvidence(d.id(), file("fake.pdf", "application/pdf", "MZ not a pdf".getBytes(StandardCharsets.US_ASCII)))))
                .containsExactly("file.mediaType");
        byte[] big = new byte[DisputeEvidence.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        Outcome<DisputeEvidence> tooBig = as(support).attachEvidence(d.id(), file("scan.pdf", "application/pdf", big));
        assertThat(fields(tooBig)).containsExactly("file.base64");
        assertThat(tooBig.describe()).contains("at most 5.0 MB");
        assertThat(fields(as(support).attachEvidence(d.id(), file(" ", "application/pdf", PDF)))).containsExactly("file.fileName");
        assertThat(fields(as(support).attachEvidence(d.id(), new EvidenceFile("x.pdf", "application/pdf", "%%% not base64"))))
                .containsExactly("file.base64");
        assertThat(data.number("SELECT count(*) FROM dispute_evidence WHERE dispute_id = '" + d.id() + "'")).isZero();
        assertThat(data.auditEntries(d.id(), "DISPUTE_EVIDENCE_ADDED")).isZero();
    }

    @Test
    void evidence_is_added_only_while_undecided_and_only_by_those_who_see_the_dispute() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute d = inReview(v, support, DisputeObjectType.TASK, v.task(), v.ravi());
        assertThat(as(v.ben()).attachEvidence(d.id(), file("a.pdf", "application/pdf", PDF))).isInstanceOf(Outcome.NotFound.class);

        as(support).decide(d.id(), new Decision(DisputeOutcome.REJECTED, "No error found", d.version())).orElseThrow();
        Outcome<DisputeEvidence> late = as(v.ravi()).attachEvidence(d.id(), file("late.pdf", "application/pdf", PDF));

        assertThat(ruleIds(late)).containsExactly("DS-1");
        assertThat(data.number("SELECT count(*) FROM dispute_evidence WHERE dispute_id = '" + d.id() + "'")).isZero();
    }

    // ---- context, timeline, filters -----------------------------------------------------------

    @Test
    void the_context_shows_the_task_with_its_reviews_the_wallet_history_and_the_cap_table_around_the_row() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");

        DisputeContext task = as(support).context(inReview(v, support, DisputeObjectType.REVIEW, v.review(), v.ravi()).id()).orElseThrow();
        assertThat(task.heading()).contains("Payment export", "Ravi Kumar");
        assertThat(task.lines()).extracting(DisputeContext.Line::objectType).containsExactly("task", "review");
        assertThat(task.lines().get(1).disputed()).isTrue();
        assertThat(task.lines().get(1).text()).contains("Rita Reviewer", "approve", "quality 40");

        DisputeContext wallet = as(support).context(inReview(v, support, DisputeObjectType.BUZ_TX, v.earn(), v.chloe()).id()).orElseThrow();
        assertThat(wallet.heading()).contains("Chloe Gagnon", "30000 BUZ");
        assertThat(wallet.walletOwner()).isEqualTo(v.chloe());
        assertThat(wallet.lines()).singleElement().satisfies(l -> {
            assertThat(l.disputed()).isTrue();
            assertThat(l.text()).contains("earn", "+30000 BUZ", v.name());
        });

        DisputeContext equity = as(support).context(inReview(v, support, DisputeObjectType.EQUITY, v.ownerRow(), v.owner()).id()).orElseThrow();
        assertThat(equity.heading()).contains("2026-01-01");
        assertThat(equity.lines()).extracting(DisputeContext.Line::text)
                .containsExactly("Oona Owner  60%  from 2026-01-01", "Ben Builder  30%  from 2026-01-01", "AliceSolutions (platform)  10%  from 2026-01-01");
        assertThat(equity.lines()).filteredOn(DisputeContext.Line::disputed).extracting(DisputeContext.Line::objectId).containsExactly(v.ownerRow());
    }

    @Test
    void the_timeline_lists_every_audit_entry_about_the_dispute_in_order() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute d = inReview(v, support, DisputeObjectType.TASK, v.task(), v.ravi());
        as(support).attachEvidence(d.id(), file("proof.pdf", "application/pdf", PDF)).orElseThrow();
        as(support).decide(d.id(), new Decision(DisputeOutcome.REJECTED, "The review stands", null)).orElseThrow();

        List<DisputeEvent> events = as(support).timeline(d.id()).orElseThrow();

        assertThat(events).extracting(DisputeEvent::action)
                .containsExactly("DISPUTE_RAISED", "DISPUTE_IN_REVIEW", "DISPUTE_EVIDENCE_ADDED", "DISPUTE_DECIDED");
        assertThat(events.get(0).what()).isEqualTo("Raised: This was judged wrongly");
        assertThat(events.get(2).what()).contains("proof.pdf", sha256(PDF));
        assertThat(events.get(3).what()).isEqualTo("Decided: rejected \u2014 The review stands");
        assertThat(events).allSatisfy(e -> assertThat(e.seq() == null).isEqualTo(e.txHash() == null));
        assertThat(as(v.ben()).timeline(d.id())).isInstanceOf(Outcome.NotFound.class);
    }

    @Test
    void the_list_filters_by_venture_and_by_who_raised_it() throws Exception {
        Venture v = data.venture();
        Venture w = data.venture();
        UUID support = data.staff("support");
        Dispute ravis = as(v.ravi()).raise(new NewDispute(DisputeObjectType.TASK, v.task(), "Mine")).orElseThrow();
        Dispute chloes = as(v.chloe()).raise(new NewDispute(DisputeObjectType.BUZ_TX, v.earn(), "Mine too")).orElseThrow();
        Dispute other = as(w.ravi()).raise(new NewDispute(DisputeObjectType.TASK, w.task(), "Elsewhere")).orElseThrow();

        assertThat(as(support).disputes(new DisputeFilter(null, null, null, null, v.id(), null)).orElseThrow())
                .extracting(Dispute::id).containsExactlyInAnyOrder(ravis.id(), chloes.id());
        assertThat(as(support).disputes(new DisputeFilter(null, null, null, null, null, v.chloe())).orElseThrow())
                .extracting(Dispute::id).containsExactly(chloes.id());
        assertThat(as(support).disputes(new DisputeFilter(null, DisputeObjectType.TASK, null, null, w.id(), w.ravi())).orElseThrow())
                .extracting(Dispute::id).containsExactly(other.id());
    }
}
