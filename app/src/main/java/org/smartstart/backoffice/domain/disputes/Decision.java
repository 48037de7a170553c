package org.smartstart.backoffice.domain.disputes;

/**
 * Deciding a dispute (DS-1), with an optional remedy (DS-4) that runs in the decision's transaction in
 * {@link DisputeUseCases#decide}: if a rule refuses the remedy, the dispute is not decided.
 *
 * @param resolution      what was decided and why (DS-1: required)
 * @param expectedVersion the dispute's version the decider looked at; when given and the dispute has
 *                        changed since, the decision is a conflict (nothing is written)
 * @param remedy          what resolving the dispute puts right; null for none (a rejection never has one)
 */
public record Decision(DisputeOutcome outcome, String resolution, Integer expectedVersion, Remedy remedy) {

    /** A decision without a remedy. */
    public Decision(DisputeOutcome outcome, String resolution, Integer expectedVersion) {
        this(outcome, resolution, expectedVersion, null);
    }
}
