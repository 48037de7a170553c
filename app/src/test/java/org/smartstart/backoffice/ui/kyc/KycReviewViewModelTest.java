package org.smartstart.backoffice.ui.kyc;

import javafx.application.Platform;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.kyc.DecisionOutcome;
import org.smartstart.backoffice.domain.kyc.DocumentKind;
import org.smartstart.backoffice.domain.kyc.KycReviewUseCases;
import org.smartstart.backoffice.domain.kyc.QueueItem;
import org.smartstart.backoffice.domain.kyc.ReviewStatus;
import org.smartstart.backoffice.domain.kyc.SecondOpinion;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
import org.smartstart.backoffice.ui.tasks.CurrentThreadTaskExecutor;

import java.awt.Color;
import java.io.IOException;
import java.sql.SQLException;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The review workspace's view model over the real use cases and database (local adapter). */
class KycReviewViewModelTest {

    private static BackOfficeFixture fixture;
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    @BeforeAll
    static void setUp() {
        try {
            // Decoding images needs the JavaFX toolkit (headless Monocle in the build).
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // another test started it
        }
        fixture = BackOfficeFixture.create();
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    static UUID person(String name, String... roles) throws SQLException {
        return ReviewFixtures.person(fixture, name, roles);
    }

    static UUID document(UUID applicant, String type, int risk, byte[] bytes, String storedSha) throws SQLException {
        return ReviewFixtures.document(fixture, applicant, type, risk, bytes, storedSha);
    }

    static UUID document(UUID applicant, String type, int risk) throws Exception {
        return ReviewFixtures.document(fixture, applicant, type, risk);
    }

    static byte[] png(Color colour) throws IOException {
        return ReviewFixtures.png(colour);
    }

    KycReviewViewModel screenOf(UUID officer) {
        return new KycReviewViewModel(fixture.as(Adapter.LOCAL, officer).kycReview(), officer, executor, ReasonCode.configured());
    }

    static ReasonCode reason(String code) {
        return ReasonCode.configured().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    // ---- tests ----------------------------------------------------------------------------

    @Test
    void claim_next_opens_the_oldest_document_rendered_with_its_sha256_rechecked() throws Exception {
        UUID officer = person("Cleo Compliance", "compliance");
        UUID doc = document(person("Ada Applicant"), "passport", 30);
        KycReviewViewModel screen = screenOf(officer);
        screen.loadQueue();
        assertThat(screen.items()).extracting(QueueItem::documentId).contains(doc);
        assertThat(screen.countsProperty().get()).contains("pending", "awaiting second approval", "verified", "rejected");

        screen.claimNext();

        assertThat(screen.problemProperty().get()).isEmpty();
        assertThat(screen.detailProperty().get().documentId()).isEqualTo(doc);
        assertThat(screen.claimedByMeProperty().get()).isTrue();
        assertThat(screen.pages()).hasSize(1);
        assertThat(screen.currentPageProperty().get().getWidth()).isEqualTo(120);
        assertThat(screen.shownSha256Property().get()).isEqualTo(screen.detailProperty().get().sha256());
        assertThat(screen.shaMatchesProperty().get()).isTrue();
        assertThat(screen.canApproveProperty().get()).isTrue();
        assertThat(screen.history()).isEmpty();

        screen.mineProperty().set(true);
        assertThat(screen.items()).extracting(QueueItem::documentId).containsExactly(doc);
        assertThat(screen.items().get(0).claimedBy()).isEqualTo(officer);

        screen.releaseClaim();
        assertThat(screen.detailProperty().get().claimedBy()).isNull();
        assertThat(screen.items()).isEmpty();
        assertThat(screen.canClaimProperty().get()).isTrue();
    }

    @Test
    void a_rejection_with_a_reason_shows_its_effects_and_the_history() throws Exception {
        UUID officer = person("Cleo Compliance", "compliance");
        UUID applicant = person("Ada Applicant");
        UUID doc = document(applicant, "id_card", 20);
        KycReviewViewModel screen = screenOf(officer);
        screen.claimNext();
        assertThat(screen.detailProperty().get().documentId()).isEqualTo(doc);

        screen.reasonCodeProperty().set(reason("IMAGE_UNREADABLE"));
        screen.internalCommentProperty().set("Glare on the photo.");
        screen.applicantCommentProperty().set("Please upload a photo without glare.");
        screen.decide(DecisionOutcome.REJECT_RESUBMIT);

        assertThat(screen.problemProperty().get()).isEmpty();
        assertThat(screen.resultProperty().get()).startsWith("Now rejected.").contains("KYC status: pending → ");
        assertThat(screen.detailProperty().get().status()).isEqualTo(ReviewStatus.REJECTED);
        assertThat(screen.detailProperty().get().rejectionFinal()).isFalse();
        assertThat(screen.history()).singleElement().satisfies(h -> {
            assertThat(h.outcome()).isEqualTo("reject_resubmit");
            assertThat(h.reasonCode()).isEqualTo("IMAGE_UNREADABLE");
            assertThat(h.reviewedSha256()).isEqualTo(screen.shownSha256Property().get());
        });
        assertThat(screen.internalCommentProperty().get()).isEmpty();
        assertThat(screen.canRejectProperty().get()).isFalse();
    }

    @Test
    void a_reason_of_another_outcome_is_named_and_nothing_is_sent() throws Exception {
        UUID officer = person("Cleo Compliance", "compliance");
        document(person("Ada Applicant"), "passport", 20);
        KycReviewViewModel screen = screenOf(officer);
        screen.claimNext();

        screen.reasonCodeProperty().set(reason("DOCUMENT_TAMPERED"));
        screen.decide(DecisionOutcome.REJECT_RESUBMIT);

        assertThat(screen.problemProperty().get())
                .isEqualTo("The reason “Document tampered or forged” is for a final rejection, not for a rejection asking to resubmit.");
        assertThat(screen.detailProperty().get().status()).isEqualTo(ReviewStatus.PENDING);
    }

    @Test
    void a_refused_decision_is_shown_with_its_rule_id_and_the_input_stays() throws Exception {
        UUID officer = person("Cleo Compliance", "compliance");
        document(person("Ada Applicant"), "passport", 20);
        KycReviewViewModel screen = screenOf(officer);
        screen.claimNext();
        fixture.clock().advance(KycReviewUseCases.CLAIM_DURATION.plusMinutes(1));
        try {
            screen.reasonCodeProperty().set(reason("DOCUMENT_EXPIRED"));
            screen.internalCommentProperty().set("Expired last month.");
            screen.applicantCommentProperty().set("Please upload a valid document.");
            screen.decide(DecisionOutcome.REJECT_RESUBMIT);

            assertThat(screen.problemProperty().get()).startsWith("The decision was not recorded: KY-3: ").contains("expired");
            assertThat(screen.internalCommentProperty().get()).isEqualTo("Expired last month.");
            assertThat(screen.applicantCommentProperty().get()).isEqualTo("Please upload a valid document.");
            assertThat(screen.reasonCodeProperty().get().code()).isEqualTo("DOCUMENT_EXPIRED");
            assertThat(screen.busyProperty().get()).isFalse();
        } finally {
            // Later tests claim with fresh claims again: put nothing of this one in their way.
            screen.claim();
        }
    }

    @Test
    void bytes_that_do_not_have_the_stored_sha256_are_flagged_and_block_approval() throws Exception {
        UUID officer = person("Cleo Compliance", "compliance");
        byte[] bytes = png(Color.LIGHT_GRAY);
        String forged = DocumentPages.sha256("other bytes".getBytes()) ;
        UUID doc = document(person("Ada Applicant"), "passport", 20, bytes, forged);
        KycReviewViewModel screen = screenOf(officer);
        screen.claimNext();

        assertThat(screen.detailProperty().get().documentId()).isEqualTo(doc);
        assertThat(screen.shownSha256Property().get()).isEqualTo(DocumentPages.sha256(bytes)).isNotEqualTo(forged);
        assertThat(screen.shaMatchesProperty().get()).isFalse();
        assertThat(screen.canApproveProperty().get()).isFalse();
        assertThat(screen.canRejectProperty().get()).isTrue();
        screen.decide(DecisionOutcome.APPROVE);
        assertThat(screen.problemProperty().get()).contains("KY-7", "cannot be approved");
        assertThat(screen.detailProperty().get().status()).isEqualTo(ReviewStatus.PENDING);
    }

    @Test
    void a_risky_approval_awaits_a_different_officer_who_confirms_it() throws Exception {
        UUID cleo = person("Cleo Compliance", "compliance");
        UUID dan = person("Dan Diligence", "compliance");
        UUID doc = document(person("Ada Applicant"), "passport", 82);
        KycReviewViewModel first = screenOf(cleo);
        first.claimNext();
        first.internalCommentProperty().set("Photo and MRZ consistent.");
        first.decide(DecisionOutcome.APPROVE);

        assertThat(first.problemProperty().get()).isEmpty();
        assertThat(first.resultProperty().get()).startsWith("Now awaiting second approval.");
        assertThat(first.effects()).anyMatch(e -> e.contains("KY-4"));
        assertThat(first.canSecondApproveProperty().get()).isFalse();
        first.secondCommentProperty().set("I agree with myself");
        first.secondApproval(SecondOpinion.CONFIRM);
        assertThat(first.problemProperty().get()).startsWith("The second approval was not recorded: KY-4: ")
                .contains("different compliance officer");

        KycReviewViewModel second = screenOf(dan);
        second.statusProperty().set(ReviewStatus.AWAITING_SECOND_APPROVAL);
        second.kindProperty().set(DocumentKind.KYC);
        assertThat(second.items()).extracting(QueueItem::documentId).contains(doc);
        second.open(doc);
        assertThat(second.canSecondApproveProperty().get()).isTrue();
        second.secondCommentProperty().set("Agree: photo matches the selfie.");
        second.secondApproval(SecondOpinion.CONFIRM);

        assertThat(second.problemProperty().get()).isEmpty();
        assertThat(second.resultProperty().get()).startsWith("Now verified.");
        assertThat(second.history()).extracting(h -> h.step()).containsExactly("first_approval", "confirm");
    }

    @Test
    void pdf_pages_are_rendered_and_paged_through() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage());
            pdf.addPage(new PDPage());
            pdf.save(out);
        }
        DocumentPages pages = DocumentPages.render(out.toByteArray(), "application/pdf");
        assertThat(pages.problem()).isNull();
        assertThat(pages.pages()).hasSize(2);
        assertThat(pages.sha256()).isEqualTo(DocumentPages.sha256(out.toByteArray()));
        assertThat(DocumentPages.render("not an image".getBytes(), "image/png").problem()).contains("cannot be decoded");
        assertThat(DocumentPages.render("x".getBytes(), "text/plain").problem()).contains("text/plain");
    }

    @Test
    void the_reason_codes_come_from_the_configured_list() {
        assertThat(ReasonCode.configured()).extracting(ReasonCode::outcome).contains(DecisionOutcome.values());
        assertThat(ReasonCode.parse(List.of("# comment", "", "REJECT_FINAL | SANCTIONS | Sanctions list match")))
                .containsExactly(new ReasonCode(DecisionOutcome.REJECT_FINAL, "SANCTIONS", "Sanctions list match"));
    }
}
