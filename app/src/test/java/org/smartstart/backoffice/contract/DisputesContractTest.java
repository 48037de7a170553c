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
import org.smartstart.backoffice.domain.disputes.DisputeDeadlines;
import org.smartstart.backoffice.domain.disputes.DisputeFilter;
import org.smartstart.backoffice.domain.disputes.DisputeObjectType;
import org.smartstart.backoffice.domain.disputes.DisputeOutcome;
import org.smartstart.backoffice.domain.disputes.DisputeStatus;
import org.smartstart.backoffice.domain.disputes.Disputes;
import org.smartstart.backoffice.domain.disputes.NewDispute;
import org.smartstart.backoffice.domain.captable.CapTable;
import org.smartstart.backoffice.domain.captable.CapTableChange;
import org.smartstart.backoffice.domain.captable.CapTableEdits;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.disputes.Remedy;
import org.smartstart.backoffice.domain.disputes.RemedyPreview;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Disputes (DS-1..DS-3) and who may work them (ID-3), the same through every adapter. */
@ParameterizedClass
@EnumSource(Adapter.class)
class DisputesContractTest {

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

    Instant now() {
        return fixture.clock().instant();
    }

    /** Ravi disputes the closing of his task. */
    Dispute raisedByRavi(Venture v) {
        return as(v.ravi()).raise(new NewDispute(DisputeObjectType.TASK, v.task(), "My pull request is the one that was merged")).orElseThrow();
    }

    /** A dispute of Ravi's, in review with Sam from support. */
    Dispute inReview(Venture v, UUID support) {
        Dispute d = raisedByRavi(v);
        return as(support).startReview(d.id()).orElseThrow();
    }

    Decision resolve(String text) {
        return new Decision(DisputeOutcome.RESOLVED, text, null);
    }

    long disputesOf(Venture v) throws Exception {
        return data.number("SELECT count(*) FROM disputes WHERE venture_id = '" + v.id() + "'");
    }

    // ---- raising (DS-2, DS-3) ---------------------------------------------------------------

    @Test
    void raising_sets_both_deadlines_from_now_and_writes_one_dispute_raised_entry() throws Exception {
        Venture v = data.venture();

        Outcome<Dispute> outcome = as(v.ravi()).raise(new NewDispute(DisputeObjectType.TASK, v.task(), "  Closed as duplicate by mistake  "));

        assertThat(outcome.isDone()).as(outcome.describe()).isTrue();
        Dispute d = outcome.orElseThrow();
        assertThat(d.status()).isEqualTo(DisputeStatus.OPEN);
        assertThat(d.ventureId()).isEqualTo(v.id());
        assertThat(d.ventureName()).isEqualTo(v.name());
        assertThat(d.reason()).isEqualTo("Closed as duplicate by mistake");
        assertThat(d.raisedBy()).isEqualTo(v.ravi());
        assertThat(d.raisedByName()).isEqualTo("Ravi Kumar");
        assertThat(d.raisedAt()).isCloseTo(now(), within(1, ChronoUnit.MICROS));
        assertThat(d.firstResponseDueAt()).isEqualTo(d.raisedAt().plus(DisputeDeadlines.FIRST_RESPONSE)).isEqualTo(d.raisedAt().plus(Duration.ofHours(24)));
        assertThat(d.resolutionDueAt()).isEqualTo(d.raisedAt().plus(DisputeDeadlines.RESOLUTION)).isEqualTo(d.raisedAt().plus(Duration.ofDays(7)));
        assertThat(d.firstResponseBreached()).isFalse();
        assertThat(d.resolutionBreached()).isFalse();
        assertThat(d.appealCount()).isZero();
        assertThat(data.auditEntries(d.id(), "DISPUTE_RAISED")).isEqualTo(1);
        assertThat(data.auditEntriesOfVenture(v.id())).isEqualTo(1);
    }

    @Test
    void anyone_who_can_see_the_object_may_raise_a_dispute_over_every_kind_of_object() throws Exception {
        Venture v = data.venture();

        assertThat(as(v.owner()).raise(new NewDispute(DisputeObjectType.EQUITY, v.ownerRow(), "Wrong start date")).isDone()).isTrue();
        assertThat(as(v.reviewer()).raise(new NewDispute(DisputeObjectType.REVIEW, v.review(), "Score entered wrongly")).isDone()).isTrue();
        assertThat(as(v.chloe()).raise(new NewDispute(DisputeObjectType.BUZ_TX, v.earn(), "Earned 3,000 more")).isDone()).isTrue();
        assertThat(as(data.staff("support")).raise(new NewDispute(DisputeObjectType.TASK, v.task(), "Reported by phone")).isDone()).isTrue();

        assertThat(disputesOf(v)).isEqualTo(4);
    }

    @Test
    void ds2_a_dispute_over_an_object_that_does_not_exist_or_cannot_be_seen_is_refused_and_writes_nothing() throws Exception {
        Venture v = data.venture();
        UUID ghost = UUID.randomUUID();
        UUID outsider = data.person("Otto Outsider");

        Outcome<Dispute> missing = as(v.ravi()).raise(new NewDispute(DisputeObjectType.BUZ_TX, ghost, "Where is my BUZ?"));
        Outcome<Dispute> unseen = as(outsider).raise(new NewDispute(DisputeObjectType.TASK, v.task(), "Not my business"));
        Outcome<Dispute> otherVenture = as(data.venture().ravi()).raise(new NewDispute(DisputeObjectType.EQUITY, v.ownerRow(), "Not mine"));

        assertThat(ruleIds(missing)).containsExactly("DS-2");
        assertThat(missing.describe()).contains("buz_tx " + ghost);
        assertThat(ruleIds(unseen)).containsExactly("DS-2");
        assertThat(unseen.describe()).contains("task " + v.task());
        assertThat(ruleIds(otherVenture)).containsExactly("DS-2");
        assertThat(disputesOf(v)).isZero();
        assertThat(data.auditEntriesOfVenture(v.id())).isZero();
    }

    @Test
    void raising_names_its_missing_fields() throws Exception {
        Venture v = data.venture();

        assertThat(fields(as(v.ravi()).raise(new NewDispute(null, null, " ")))).containsExactly("objectType", "objectId", "reason");
        assertThat(fields(as(v.ravi()).raise(new NewDispute(DisputeObjectType.TASK, v.task(), null)))).containsExactly("reason");
        assertThat(disputesOf(v)).isZero();
    }

    // ---- who may (ID-3) ---------------------------------------------------------------------

    @Test
    void only_support_and_admin_work_disputes() throws Exception {
        Venture v = data.venture();
        Dispute d = raisedByRavi(v);
        List<UUID> refused = List.of(data.staff("compliance"), v.owner(), v.ravi(), data.person("Otto Outsider"));
        UUID support = data.staff("support");
        UUID admin = data.staff("admin");

        for (UUID user : refused) {
            Outcome<Dispute> assign = as(user).assign(d.id(), support);
            assertThat(assign).as("assign by %s", user).isInstanceOf(Outcome.Denied.class);
            assertThat(assign.describe()).contains("work disputes", "support", "ID-3");
            assertThat(as(user).startReview(d.id())).isInstanceOf(Outcome.Denied.class);
            assertThat(as(user).decide(d.id(), resolve("Reopened"))).isInstanceOf(Outcome.Denied.class);
        }
        assertThat(data.number("SELECT version FROM disputes WHERE id = '" + d.id() + "'")).isEqualTo(d.version());

        assertThat(as(admin).assign(d.id(), support).isDone()).isTrue();
        assertThat(as(support).startReview(d.id()).isDone()).isTrue();
        assertThat(as(admin).decide(d.id(), resolve("Task reopened")).isDone()).isTrue();
        Dispute other = inReview(data.venture(), admin);
        assertThat(as(support).decide(other.id(), resolve("Task reopened")).isDone()).isTrue();
    }

    @Test
    void staff_see_every_dispute_a_raiser_only_their_own_and_others_none() throws Exception {
        Venture v = data.venture();
        Dispute ravis = raisedByRavi(v);
        Dispute chloes = as(v.chloe()).raise(new NewDispute(DisputeObjectType.BUZ_TX, v.earn(), "Missing BUZ")).orElseThrow();
        UUID support = data.staff("support");
        UUID outsider = data.person("Otto Outsider");

        assertThat(as(support).disputes(DisputeFilter.all()).orElseThrow()).extracting(Dispute::id).contains(ravis.id(), chloes.id());
        assertThat(as(v.ravi()).disputes(DisputeFilter.all()).orElseThrow()).extracting(Dispute::id).containsExactly(ravis.id());
        assertThat(as(outsider).disputes(DisputeFilter.all()).orElseThrow()).isEmpty();
        assertThat(as(v.ravi()).dispute(ravis.id()).orElseThrow().reason()).isEqualTo(ravis.reason());
        assertThat(as(v.ravi()).dispute(chloes.id())).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(outsider).dispute(ravis.id())).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(outsider).appeal(ravis.id(), "Let me in")).isInstanceOf(Outcome.NotFound.class);
    }

    @Test
    void the_list_filters_by_status_object_type_and_assignee() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute reviewed = inReview(v, support);
        Dispute open = as(v.chloe()).raise(new NewDispute(DisputeObjectType.BUZ_TX, v.earn(), "Missing BUZ")).orElseThrow();

        List<UUID> inReview = ids(as(support).disputes(new DisputeFilter(DisputeStatus.IN_REVIEW, null, null, null)));
        List<UUID> buz = ids(as(support).disputes(new DisputeFilter(null, DisputeObjectType.BUZ_TX, null, null)));
        List<UUID> mine = ids(as(support).disputes(new DisputeFilter(null, null, support, null)));

        assertThat(inReview).contains(reviewed.id()).doesNotContain(open.id());
        assertThat(buz).contains(open.id()).doesNotContain(reviewed.id());
        assertThat(mine).containsExactly(reviewed.id());
    }

    static List<UUID> ids(Outcome<List<Dispute>> outcome) {
        return outcome.orElseThrow().stream().map(Dispute::id).toList();
    }

    // ---- the workflow (DS-1) ----------------------------------------------------------------

    @Test
    void the_whole_path_assign_review_decide_appeal_decide_with_one_audit_entry_each() throws Exception {
        Venture v = data.venture();
        UUID sam = data.person("Sam Support", "support");
        UUID tess = data.person("Tess Support", "support");
        Dispute raised = raisedByRavi(v);

        Dispute assigned = as(sam).assign(raised.id(), tess).orElseThrow();
        assertThat(assigned.assignedTo()).isEqualTo(tess);
        assertThat(assigned.assignedToName()).isEqualTo("Tess Support");
        assertThat(assigned.status()).isEqualTo(DisputeStatus.OPEN);
        assertThat(assigned.firstRespondedAt()).isNull();
        assertThat(assigned.version()).isEqualTo(raised.version() + 1);

        fixture.clock().advance(Duration.ofHours(2));
        Dispute reviewing = as(tess).startReview(raised.id()).orElseThrow();
        assertThat(reviewing.status()).isEqualTo(DisputeStatus.IN_REVIEW);
        assertThat(reviewing.assignedTo()).isEqualTo(tess);
        assertThat(reviewing.firstRespondedAt()).isCloseTo(now(), within(1, ChronoUnit.MICROS));
        assertThat(reviewing.firstResponseBreached()).isFalse();

        Dispute resolved = as(tess).decide(raised.id(), new Decision(DisputeOutcome.REJECTED, " The duplicate was right ", reviewing.version()))
                .orElseThrow();
        assertThat(resolved.status()).isEqualTo(DisputeStatus.REJECTED);
        assertThat(resolved.resolution()).isEqualTo("The duplicate was right");
        assertThat(resolved.decidedBy()).isEqualTo(tess);
        assertThat(resolved.decidedByName()).isEqualTo("Tess Support");
        assertThat(resolved.decidedAt()).isCloseTo(now(), within(1, ChronoUnit.MICROS));

        fixture.clock().advance(Duration.ofDays(3));
        Dispute appealed = as(v.ravi()).appeal(raised.id(), "The other PR was reverted the next day").orElseThrow();
        assertThat(appealed.status()).isEqualTo(DisputeStatus.IN_REVIEW);
        assertThat(appealed.appealCount()).isEqualTo(1);
        assertThat(appealed.appealReason()).isEqualTo("The other PR was reverted the next day");
        assertThat(appealed.appealedAt()).isCloseTo(now(), within(1, ChronoUnit.MICROS));
        assertThat(appealed.resolutionDueAt()).isEqualTo(appealed.appealedAt().plus(DisputeDeadlines.RESOLUTION));
        assertThat(appealed.firstResponseDueAt()).isEqualTo(raised.firstResponseDueAt());
        assertThat(appealed.decidedBy()).isNull();

        Dispute final_ = as(sam).decide(raised.id(), resolve("Task reopened and credited")).orElseThrow();
        assertThat(final_.status()).isEqualTo(DisputeStatus.RESOLVED);
        assertThat(final_.decidedBy()).isEqualTo(sam);

        for (String action : List.of("DISPUTE_RAISED", "DISPUTE_ASSIGNED", "DISPUTE_IN_REVIEW", "DISPUTE_APPEALED")) {
            assertThat(data.auditEntries(raised.id(), action)).as(action).isEqualTo(1);
        }
        assertThat(data.auditEntries(raised.id(), "DISPUTE_DECIDED")).isEqualTo(2);
        assertThat(data.auditEntriesOfVenture(v.id())).isEqualTo(6);
    }

    @Test
    void starting_the_review_gives_an_unassigned_dispute_to_whoever_starts_it() throws Exception {
        Venture v = data.venture();
        UUID sam = data.person("Sam Support", "support");

        Dispute d = inReview(v, sam);

        assertThat(d.assignedTo()).isEqualTo(sam);
        assertThat(d.assignedToName()).isEqualTo("Sam Support");
    }

    @Test
    void ds1_only_an_open_dispute_goes_into_review_and_only_one_in_review_is_decided() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute open = raisedByRavi(v);

        Outcome<Dispute> early = as(support).decide(open.id(), resolve("Too soon"));
        assertThat(ruleIds(early)).containsExactly("DS-1");
        assertThat(early.describe()).contains(v.name(), "cannot move from open to resolved", "only a dispute in review is decided");

        assertThat(as(support).startReview(open.id()).isDone()).isTrue();
        Outcome<Dispute> twice = as(support).startReview(open.id());
        assertThat(ruleIds(twice)).containsExactly("DS-1");
        assertThat(twice.describe()).contains("cannot move from in_review to in_review");

        assertThat(as(support).decide(open.id(), resolve("Reopened")).isDone()).isTrue();
        Outcome<Dispute> again = as(support).decide(open.id(), new Decision(DisputeOutcome.REJECTED, "Changed my mind", null));
        assertThat(ruleIds(again)).containsExactly("DS-1");
        assertThat(again.describe()).contains("cannot move from resolved to rejected");
        assertThat(data.auditEntries(open.id(), "DISPUTE_DECIDED")).isEqualTo(1);
    }

    @Test
    void ds1_deciding_needs_a_resolution_text() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute d = inReview(v, support);

        Outcome<Dispute> blank = as(support).decide(d.id(), resolve("   "));
        Outcome<Dispute> none = as(support).decide(d.id(), new Decision(DisputeOutcome.REJECTED, null, null));

        assertThat(ruleIds(blank)).containsExactly("DS-1");
        assertThat(blank.describe()).contains(v.name(), "cannot be resolved without a resolution text");
        assertThat(ruleIds(none)).containsExactly("DS-1");
        assertThat(none.describe()).contains("cannot be rejected without a resolution text");
        assertThat(as(support).dispute(d.id()).orElseThrow().status()).isEqualTo(DisputeStatus.IN_REVIEW);
    }

    @Test
    void ds1_the_person_who_raised_a_dispute_cannot_decide_it() throws Exception {
        Venture v = data.venture();
        UUID sam = data.person("Sam Support", "support");
        Dispute own = as(sam).raise(new NewDispute(DisputeObjectType.TASK, v.task(), "Reported by phone")).orElseThrow();
        as(sam).startReview(own.id()).orElseThrow();

        Outcome<Dispute> outcome = as(sam).decide(own.id(), resolve("I agree with myself"));

        assertThat(ruleIds(outcome)).containsExactly("DS-1");
        assertThat(outcome.describe()).contains("raised by Sam Support cannot be resolved by Sam Support", "other than the person who raised it");
        assertThat(as(data.staff("admin")).decide(own.id(), resolve("Task reopened")).isDone()).isTrue();
    }

    @Test
    void ds1_one_appeal_and_only_of_a_decided_dispute() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute d = inReview(v, support);

        Outcome<Dispute> undecided = as(v.ravi()).appeal(d.id(), "Too early");
        assertThat(ruleIds(undecided)).containsExactly("DS-1");
        assertThat(undecided.describe()).contains("is in_review", "only a resolved or rejected dispute can be appealed");

        as(support).decide(d.id(), new Decision(DisputeOutcome.REJECTED, "No fault", null)).orElseThrow();
        as(v.ravi()).appeal(d.id(), "There was a fault").orElseThrow();
        as(support).decide(d.id(), new Decision(DisputeOutcome.REJECTED, "Still no fault", null)).orElseThrow();
        Outcome<Dispute> second = as(v.ravi()).appeal(d.id(), "Still a fault");

        assertThat(ruleIds(second)).containsExactly("DS-1");
        assertThat(second.describe()).contains(v.name(), "allows one appeal; it has had 1");
        assertThat(data.auditEntries(d.id(), "DISPUTE_APPEALED")).isEqualTo(1);
    }

    @Test
    void ds1_a_decided_dispute_is_not_reassigned() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute d = inReview(v, support);
        as(support).decide(d.id(), resolve("Reopened")).orElseThrow();

        Outcome<Dispute> outcome = as(support).assign(d.id(), data.staff("admin"));

        assertThat(ruleIds(outcome)).containsExactly("DS-1");
        assertThat(outcome.describe()).contains("is resolved", "not reassigned");
    }

    @Test
    void invalid_input_names_its_field() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute d = inReview(v, support);

        assertThat(fields(as(support).assign(d.id(), null))).containsExactly("assigneeUserId");
        Outcome<Dispute> notStaff = as(support).assign(d.id(), v.owner());
        assertThat(fields(notStaff)).containsExactly("assigneeUserId");
        assertThat(notStaff.describe()).contains("Oona Owner does not work disputes");
        assertThat(fields(as(support).assign(d.id(), UUID.randomUUID()))).containsExactly("assigneeUserId");
        assertThat(fields(as(support).decide(d.id(), new Decision(null, "Something", null)))).containsExactly("outcome");
        assertThat(fields(as(v.ravi()).appeal(d.id(), " "))).containsExactly("reason");
        assertThat(data.auditEntries(d.id(), "DISPUTE_ASSIGNED")).isZero();
    }

    @Test
    void unknown_disputes_are_not_found() throws Exception {
        UUID support = data.staff("support");
        UUID unknown = UUID.randomUUID();

        assertThat(as(support).dispute(unknown)).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(support).assign(unknown, support)).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(support).startReview(unknown)).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(support).decide(unknown, resolve("Nothing"))).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(support).appeal(unknown, "Nothing")).isInstanceOf(Outcome.NotFound.class);
    }

    // ---- deadlines (DS-3) -------------------------------------------------------------------

    @Test
    void ds3_breaches_show_once_a_deadline_passes_and_the_overdue_filter_finds_them() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute d = raisedByRavi(v);
        Dispute answered = inReview(data.venture(), support);
        DisputeFilter overdue = new DisputeFilter(null, null, null, true);

        assertThat(ids(as(support).disputes(overdue))).doesNotContain(d.id(), answered.id());

        fixture.clock().advance(Duration.ofHours(25));
        Dispute late = as(support).dispute(d.id()).orElseThrow();
        assertThat(late.firstResponseBreached()).isTrue();
        assertThat(late.resolutionBreached()).isFalse();
        assertThat(as(support).dispute(answered.id()).orElseThrow().firstResponseBreached()).isFalse();
        assertThat(ids(as(support).disputes(overdue))).contains(d.id()).doesNotContain(answered.id());
        assertThat(ids(as(support).disputes(new DisputeFilter(null, null, null, false)))).contains(answered.id()).doesNotContain(d.id());

        fixture.clock().advance(Duration.ofDays(7));
        assertThat(as(support).dispute(answered.id()).orElseThrow().resolutionBreached()).isTrue();
        assertThat(ids(as(support).disputes(overdue))).contains(d.id(), answered.id());

        Dispute reviewedLate = as(support).startReview(d.id()).orElseThrow();
        assertThat(reviewedLate.firstResponseBreached()).isTrue(); // answered, but after the deadline
        Dispute decidedLate = as(support).decide(d.id(), resolve("Reopened, late")).orElseThrow();
        assertThat(decidedLate.resolutionBreached()).isTrue();
        assertThat(ids(as(support).disputes(overdue))).doesNotContain(d.id());
    }

    // ---- concurrency ------------------------------------------------------------------------

    @Test
    void a_decision_based_on_an_older_version_is_a_conflict_and_writes_nothing() throws Exception {
        Venture v = data.venture();
        UUID sam = data.staff("support");
        UUID admin = data.staff("admin");
        Dispute seen = inReview(v, sam);
        as(admin).assign(seen.id(), admin).orElseThrow();

        Outcome<Dispute> outcome = as(sam).decide(seen.id(), new Decision(DisputeOutcome.RESOLVED, "Reopened", seen.version()));

        assertThat(outcome).as(outcome.describe()).isInstanceOf(Outcome.Conflict.class);
        assertThat(outcome.describe()).contains(v.name(), "changed since you opened it", "version " + seen.version(), "now " + (seen.version() + 1));
        assertThat(as(sam).dispute(seen.id()).orElseThrow().status()).isEqualTo(DisputeStatus.IN_REVIEW);
        assertThat(data.auditEntries(seen.id(), "DISPUTE_DECIDED")).isZero();
    }

    @Test
    void two_decisions_racing_on_one_version_give_one_decision_and_one_conflict() throws Exception {
        Venture v = data.venture();
        UUID sam = data.staff("support");
        UUID admin = data.staff("admin");
        Dispute seen = inReview(v, sam);
        Disputes a = as(sam);
        Disputes b = as(admin);

        var one = CompletableFuture.supplyAsync(() -> a.decide(seen.id(), new Decision(DisputeOutcome.RESOLVED, "Reopened", seen.version())));
        var two = CompletableFuture.supplyAsync(() -> b.decide(seen.id(), new Decision(DisputeOutcome.REJECTED, "No fault", seen.version())));
        List<Outcome<Dispute>> outcomes = List.of(one.get(), two.get());

        assertThat(outcomes).filteredOn(Outcome::isDone).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Conflict).hasSize(1);
        assertThat(data.auditEntries(seen.id(), "DISPUTE_DECIDED")).isEqualTo(1);
    }

    // ---- remedies (DS-4) --------------------------------------------------------------------

    /** Chloe disputes her earn; Sam from support reviews it. */
    Dispute chloesBuzDisputeInReview(Venture v, UUID support) {
        Dispute d = as(v.chloe()).raise(new NewDispute(DisputeObjectType.BUZ_TX, v.earn(), "2,500 BUZ for the export were never paid")).orElseThrow();
        return as(support).startReview(d.id()).orElseThrow();
    }

    long buzTransactionsOf(Venture v) throws Exception {
        return data.number("SELECT count(*) FROM buz_transactions WHERE venture_id = '" + v.id() + "'");
    }

    long balanceOf(UUID user) throws Exception {
        return data.number("SELECT buz_balance FROM user_wallets WHERE user_id = '" + user + "'");
    }

    @Test
    void ds4_resolving_with_a_compensating_buz_transaction_writes_both_in_one_transaction_and_one_audit_entry() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute d = chloesBuzDisputeInReview(v, support);

        RemedyPreview preview = as(support).previewBuzRemedy(d.id(), v.chloe(), 2_500).orElseThrow();
        assertThat(preview.refusals()).isEmpty();
        assertThat(preview.balanceBefore()).isEqualTo(30_000);
        assertThat(preview.balanceAfter()).isEqualTo(32_500);
        assertThat(preview.description()).contains("Credit 2500 BUZ", "Chloe Gagnon", "30000 → 32500");
        assertThat(buzTransactionsOf(v)).as("a preview writes nothing").isEqualTo(1);

        Outcome<Dispute> decided = as(support).decide(d.id(), new Decision(DisputeOutcome.RESOLVED, "The export was paid short",
                d.version(), new Remedy.BuzCompensation(v.chloe(), 2_500, "Export task paid short")));

        assertThat(decided.isDone()).as(decided.describe()).isTrue();
        assertThat(decided.orElseThrow().status()).isEqualTo(DisputeStatus.RESOLVED);
        assertThat(balanceOf(v.chloe())).isEqualTo(32_500);
        assertThat(data.number("SELECT count(*) FROM buz_transactions WHERE venture_id = '" + v.id()
                + "' AND type = 'earn' AND amount = 2500 AND memo = 'Export task paid short'")).isEqualTo(1);
        assertThat(data.auditEntries(d.id(), "DISPUTE_DECIDED")).isEqualTo(1);
        assertThat(data.number("SELECT count(*) FROM (SELECT action, data FROM audit_outbox UNION ALL SELECT action, data FROM audit_log) a "
                + "WHERE a.action = 'DISPUTE_DECIDED' AND a.data->'remedy'->>'balance_after' = '32500' AND a.data->'remedy'->>'user_id' = '"
                + v.chloe() + "'")).isEqualTo(1);
        assertThat(data.auditEntries(d.id(), "BUZ_ISSUED")).as("the decision's one entry carries the remedy (AU-1)").isZero();
    }

    @Test
    void ds4_a_debit_remedy_takes_buz_back_and_bz1_refuses_one_the_wallet_cannot_cover() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute d = chloesBuzDisputeInReview(v, support);

        Outcome<Dispute> tooMuch = as(support).decide(d.id(), new Decision(DisputeOutcome.RESOLVED, "Overpaid",
                null, new Remedy.BuzCompensation(v.chloe(), -40_000, null)));
        assertThat(ruleIds(tooMuch)).containsExactly("BZ-1");
        assertThat(tooMuch.describe()).contains("30000 BUZ", "40000 BUZ", "stays in review");
        assertThat(as(support).dispute(d.id()).orElseThrow().status()).isEqualTo(DisputeStatus.IN_REVIEW);

        Outcome<Dispute> back = as(support).decide(d.id(), new Decision(DisputeOutcome.RESOLVED, "Overpaid by 1,000",
                null, new Remedy.BuzCompensation(v.chloe(), -1_000, null)));
        assertThat(back.isDone()).as(back.describe()).isTrue();
        assertThat(balanceOf(v.chloe())).isEqualTo(29_000);
    }

    @Test
    void ds4_a_remedy_refused_by_an_active_hold_keeps_the_dispute_in_review_with_nothing_written() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute d = chloesBuzDisputeInReview(v, support);
        data.exec("INSERT INTO legal_holds (venture_id, applies_to, reason, imposed_by_user_id) VALUES ('" + v.id() + "', 'buz', 'Litigation 26-14', '"
                + data.staff("compliance") + "')");
        long auditBefore = data.auditEntriesOfVenture(v.id());

        RemedyPreview preview = as(support).previewBuzRemedy(d.id(), v.chloe(), 2_500).orElseThrow();
        assertThat(preview.refusals()).extracting(Rejection::ruleId).containsExactly("BZ-6");
        Outcome<Dispute> refused = as(support).decide(d.id(), new Decision(DisputeOutcome.RESOLVED, "Paid short",
                d.version(), new Remedy.BuzCompensation(v.chloe(), 2_500, null)));

        assertThat(ruleIds(refused)).containsExactly("BZ-6");
        assertThat(refused.describe()).contains(v.name(), "legal hold", "stays in review");
        Dispute after = as(support).dispute(d.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(DisputeStatus.IN_REVIEW);
        assertThat(after.version()).isEqualTo(d.version());
        assertThat(balanceOf(v.chloe())).isEqualTo(30_000);
        assertThat(buzTransactionsOf(v)).isEqualTo(1);
        assertThat(data.auditEntriesOfVenture(v.id())).isEqualTo(auditBefore);
    }

    @Test
    void ds4_a_rejection_has_no_remedy_and_a_remedy_names_its_bad_fields() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute d = chloesBuzDisputeInReview(v, support);

        assertThat(fields(as(support).decide(d.id(), new Decision(DisputeOutcome.REJECTED, "No fault", null,
                new Remedy.BuzCompensation(v.chloe(), 10, null))))).containsExactly("remedy");
        assertThat(fields(as(support).decide(d.id(), new Decision(DisputeOutcome.RESOLVED, "Fault", null,
                new Remedy.BuzCompensation(null, 0, null))))).containsExactly("remedy.userId", "remedy.amount");
        assertThat(as(v.chloe()).previewBuzRemedy(d.id(), v.chloe(), 10)).isInstanceOf(Outcome.Denied.class);
        assertThat(as(support).previewBuzRemedy(UUID.randomUUID(), v.chloe(), 10)).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(support).dispute(d.id()).orElseThrow().status()).isEqualTo(DisputeStatus.IN_REVIEW);
    }

    @Test
    void ds4_bz2_a_remedy_for_someone_not_kyc_verified_is_refused_and_the_dispute_stays_in_review() throws Exception {
        Venture v = data.venture();
        UUID support = data.staff("support");
        Dispute d = inReview(v, support); // raised by Ravi, whose KYC is still pending

        Outcome<Dispute> refused = as(support).decide(d.id(), new Decision(DisputeOutcome.RESOLVED, "Task was paid short",
                null, new Remedy.BuzCompensation(v.ravi(), 500, null)));

        assertThat(ruleIds(refused)).containsExactly("BZ-2");
        assertThat(refused.describe()).contains("Ravi Kumar", "not KYC-verified", "stays in review");
        assertThat(as(support).dispute(d.id()).orElseThrow().status()).isEqualTo(DisputeStatus.IN_REVIEW);
        assertThat(data.number("SELECT count(*) FROM user_wallets WHERE user_id = '" + v.ravi() + "'")).as("no wallet opened").isZero();
        assertThat(data.auditEntries(d.id(), "DISPUTE_DECIDED")).isZero();
    }

    /** Ben disputes the owner's row: 5 % should have gone to him; the correction transfers it from today. */
    CapTableChange fiveToBen(Venture v, UUID reader) {
        List<LedgerRow> ledger = fixture.as(adapter, reader).capTables().ledger(v.id()).orElseThrow();
        return new CapTableChange("Dispute remedy: 5 % to Ben", CapTable.revisionOf(ledger), CapTableEdits.transfer(ledger,
                Holder.user(v.owner()), Holder.user(v.ben()), new java.math.BigDecimal("5.000"),
                java.time.LocalDate.ofInstant(now(), java.time.ZoneOffset.UTC)));
    }

    long ledgerRows(Venture v) throws Exception {
        return data.number("SELECT count(*) FROM equity_ledger WHERE venture_id = '" + v.id() + "'");
    }

    @Test
    void ds4_an_admin_resolves_an_equity_dispute_with_a_correction_in_the_same_transaction() throws Exception {
        Venture v = data.venture();
        UUID admin = data.staff("admin");
        UUID d = data.dispute(v, "equity", v.ownerRow(), v.ben());
        as(admin).startReview(d).orElseThrow();
        long rowsBefore = ledgerRows(v);

        Outcome<Dispute> decided = as(admin).decide(d, new Decision(DisputeOutcome.RESOLVED, "The 5 % promised to Ben is recorded",
                null, new Remedy.EquityCorrection(fiveToBen(v, admin))));

        assertThat(decided.isDone()).as(decided.describe()).isTrue();
        assertThat(decided.orElseThrow().status()).isEqualTo(DisputeStatus.RESOLVED);
        assertThat(ledgerRows(v)).isGreaterThan(rowsBefore);
        assertThat(data.auditEntries(d, "DISPUTE_DECIDED")).isEqualTo(1);
        assertThat(data.number("SELECT count(*) FROM (SELECT action, venture_id FROM audit_outbox UNION ALL SELECT action, venture_id FROM audit_log) a "
                + "WHERE a.action = 'EQUITY_CHANGE' AND a.venture_id = '" + v.id() + "'")).as("one entry: the decision's (AU-1)").isZero();
    }

    @Test
    void ds4_an_equity_correction_by_support_is_denied_by_id3_and_one_under_an_equity_hold_is_refused_by_eq7() throws Exception {
        Venture v = data.venture();
        UUID admin = data.staff("admin");
        UUID support = data.staff("support");
        UUID d = data.dispute(v, "equity", v.ownerRow(), v.ben());
        as(support).startReview(d).orElseThrow();
        long rowsBefore = ledgerRows(v);

        Outcome<Dispute> bySupport = as(support).decide(d, new Decision(DisputeOutcome.RESOLVED, "5 % to Ben",
                null, new Remedy.EquityCorrection(fiveToBen(v, admin))));
        assertThat(bySupport).as(bySupport.describe()).isInstanceOf(Outcome.Denied.class);
        assertThat(bySupport.describe()).contains("ID-3");

        data.exec("INSERT INTO legal_holds (venture_id, applies_to, reason, imposed_by_user_id) VALUES ('" + v.id()
                + "', 'equity', 'Founder claim', '" + data.staff("compliance") + "')");
        Outcome<Dispute> underHold = as(admin).decide(d, new Decision(DisputeOutcome.RESOLVED, "5 % to Ben",
                null, new Remedy.EquityCorrection(fiveToBen(v, admin))));
        assertThat(ruleIds(underHold)).contains("EQ-7");
        assertThat(underHold.describe()).contains("stays in review");

        assertThat(as(admin).dispute(d).orElseThrow().status()).isEqualTo(DisputeStatus.IN_REVIEW);
        assertThat(ledgerRows(v)).isEqualTo(rowsBefore);
        assertThat(data.auditEntries(d, "DISPUTE_DECIDED")).isZero();
    }
}
