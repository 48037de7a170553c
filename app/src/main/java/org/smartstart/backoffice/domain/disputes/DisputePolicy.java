package org.smartstart.backoffice.domain.disputes;

import org.smartstart.backoffice.domain.usecase.Rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** DS-1 in Java, in the same words as the database's trigger (V3 rules_ds1_dispute_workflow). */
public final class DisputePolicy {

    private static final String PATH = "(open -> in_review -> resolved or rejected)";

    private DisputePolicy() {
    }

    public static List<Rejection> checkAssign(Dispute d) {
        if (d.status().decided()) {
            return List.of(ds1("The dispute on " + d.ventureName() + " is " + d.status().code()
                    + "; a decided dispute is not reassigned (an appeal reopens its review)"));
        }
        return List.of();
    }

    public static List<Rejection> checkStartReview(Dispute d) {
        if (d.status() != DisputeStatus.OPEN) {
            return List.of(ds1("The dispute on " + d.ventureName() + " cannot move from " + d.status().code()
                    + " to in_review; only an open dispute goes into review " + PATH));
        }
        return List.of();
    }

    public static List<Rejection> checkDecide(Dispute d, DisputeOutcome outcome, String resolution, UUID decider, String deciderName) {
        List<Rejection> rejections = new ArrayList<>();
        String to = outcome.status().code();
        if (d.status() != DisputeStatus.IN_REVIEW) {
            rejections.add(ds1("The dispute on " + d.ventureName() + " cannot move from " + d.status().code() + " to " + to
                    + "; only a dispute in review is decided " + PATH));
        }
        if (resolution == null || resolution.isBlank()) {
            rejections.add(ds1("The dispute on " + d.ventureName() + " cannot be " + to + " without a resolution text"));
        }
        if (decider.equals(d.raisedBy())) {
            rejections.add(ds1("The dispute on " + d.ventureName() + " raised by " + d.raisedByName() + " cannot be " + to
                    + " by " + deciderName + "; it needs a decider other than the person who raised it"));
        }
        return rejections;
    }

    public static List<Rejection> checkAppeal(Dispute d) {
        if (!d.status().decided()) {
            return List.of(ds1("The dispute on " + d.ventureName() + " is " + d.status().code()
                    + "; only a resolved or rejected dispute can be appealed"));
        }
        if (d.appealCount() >= 1) {
            return List.of(ds1("The dispute on " + d.ventureName() + " allows one appeal; it has had " + d.appealCount()));
        }
        return List.of();
    }

    private static Rejection ds1(String sentence) {
        return new Rejection("DS-1", "DS-1: " + sentence);
    }
}
