package org.smartstart.backoffice.persistence.kyc;

import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.kyc.Claim;
import org.smartstart.backoffice.domain.kyc.ClaimNext;
import org.smartstart.backoffice.domain.kyc.Decision;
import org.smartstart.backoffice.domain.kyc.DecisionResult;
import org.smartstart.backoffice.domain.kyc.DocumentContent;
import org.smartstart.backoffice.domain.kyc.DocumentDetail;
import org.smartstart.backoffice.domain.kyc.KycReview;
import org.smartstart.backoffice.domain.kyc.KycReviewUseCases;
import org.smartstart.backoffice.domain.kyc.QueueFilter;
import org.smartstart.backoffice.domain.kyc.QueuePage;
import org.smartstart.backoffice.domain.kyc.ReviewCounts;
import org.smartstart.backoffice.domain.kyc.Reviewer;
import org.smartstart.backoffice.domain.kyc.SecondOpinion;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.usecase.LocalTx;
import org.smartstart.backoffice.persistence.usecase.LocalUseCases;

import java.util.UUID;

/**
 * The review port on the database: each call is one transaction of {@link LocalUseCases} running the
 * domain's {@link KycReviewUseCases} on a JDBC store. The V12 triggers check KY-1, KY-3, KY-4 and KY-7
 * again and derive the applicant's KYC status (KY-2); their refusals come back with the same rule ids.
 */
public final class LocalKycReview implements KycReview {

    private final LocalUseCases useCases;
    private final Session session;

    public LocalKycReview(LocalUseCases useCases, Session session) {
        this.useCases = useCases;
        this.session = session;
    }

    private static KycReviewUseCases on(LocalTx tx) {
        return new KycReviewUseCases(new JdbcKycReviewStore(tx.connection()));
    }

    @Override
    public Outcome<QueuePage> queue(QueueFilter filter) {
        return useCases.query(session, (actor, tx) -> on(tx).queue(actor, filter, tx.now()));
    }

    @Override
    public Outcome<java.util.List<Reviewer>> reviewers() {
        return useCases.query(session, (actor, tx) -> on(tx).reviewers(actor));
    }

    @Override
    public Outcome<ReviewCounts> counts() {
        return useCases.query(session, (actor, tx) -> on(tx).counts(actor, tx.now()));
    }

    @Override
    public Outcome<Claim> claimNext(ClaimNext request) {
        return useCases.command(session, (actor, tx, audit) -> on(tx).claimNext(actor, request, tx.now(), audit));
    }

    @Override
    public Outcome<Claim> claim(UUID documentId) {
        return useCases.command(session, (actor, tx, audit) -> on(tx).claim(actor, documentId, tx.now(), audit));
    }

    @Override
    public Outcome<Claim> releaseClaim(UUID documentId) {
        return useCases.command(session, (actor, tx, audit) -> on(tx).releaseClaim(actor, documentId, tx.now(), audit));
    }

    @Override
    public Outcome<DocumentDetail> document(UUID documentId) {
        return useCases.query(session, (actor, tx) -> on(tx).document(actor, documentId, tx.now()));
    }

    @Override
    public Outcome<DocumentContent> content(UUID documentId) {
        return useCases.query(session, (actor, tx) -> on(tx).content(actor, documentId));
    }

    @Override
    public Outcome<DecisionResult> decide(UUID documentId, Decision decision) {
        return useCases.command(session, (actor, tx, audit) -> on(tx).decide(actor, documentId, decision, tx.now(), audit));
    }

    @Override
    public Outcome<DecisionResult> secondApproval(UUID documentId, SecondOpinion opinion, String comment) {
        return useCases.command(session, (actor, tx, audit) -> on(tx).secondApproval(actor, documentId, opinion, comment, tx.now(), audit));
    }
}
