package org.smartstart.backoffice.ui.kyc;

import javafx.application.Platform;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.kyc.DecisionOutcome;
import org.smartstart.backoffice.testing.HostileInput;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
import org.smartstart.backoffice.ui.tasks.CurrentThreadTaskExecutor;

import java.util.UUID;

import static org.smartstart.backoffice.testing.HostileInput.show;
import static org.smartstart.backoffice.testing.HostileInput.tryForm;

/** Issue 8, bad input: the KYC decision form's comments under hostile text, through the view model. */
class KycHostileInputTest {

    private static BackOfficeFixture fixture;
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    @BeforeAll
    static void setUp() {
        try {
            Platform.startup(() -> { }); // decoding the document's images needs the toolkit
        } catch (IllegalStateException alreadyRunning) {
            // another test started it
        }
        fixture = BackOfficeFixture.create();
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    @Test
    void decision_comments_are_refused_with_a_sentence_or_saved_with_one_audit_entry() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (String text : HostileInput.HOSTILE_TEXT) {
            for (boolean applicantSide : text.length() > 100 || text.indexOf('\u0000') >= 0 ? new boolean[] {true, false} : new boolean[] {true}) {
                UUID officer = ReviewFixtures.person(fixture, "Cleo Compliance", "compliance");
                ReviewFixtures.document(fixture, ReviewFixtures.person(fixture, "Ada Applicant"), "id_card", 20);
                KycReviewViewModel screen = new KycReviewViewModel(fixture.as(Adapter.LOCAL, officer).kycReview(), officer, executor,
                        ReasonCode.configured());
                screen.claimNext();
                screen.reasonCodeProperty().set(ReasonCode.configured().stream().filter(r -> r.code().equals("IMAGE_UNREADABLE")).findFirst().orElseThrow());
                screen.internalCommentProperty().set(applicantSide ? "Glare on the photo." : text);
                screen.applicantCommentProperty().set(applicantSide ? text : "Please upload a photo without glare.");
                tryForm(softly, fixture.db(), (applicantSide ? "applicant" : "internal") + " comment " + show(text),
                        () -> screen.decide(DecisionOutcome.REJECT_RESUBMIT), () -> screen.problemProperty().get(), text.indexOf('\u0000') >= 0);
                screen.releaseClaim();
            }
        }
        softly.assertAll();
    }
}
