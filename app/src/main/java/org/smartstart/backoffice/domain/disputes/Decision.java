package org.smartstart.backoffice.domain.disputes;

/**
 * Deciding a dispute (DS-1). Remedies (DS-4: a compensating BUZ transaction, an equity correction, a task
 * reopened) are not part of a decision yet; when they come they join this record as a sealed
 * {@code Remedy} and run in the decision's transaction in {@link DisputeUseCases#decide}.
 *
 * @param resolution      what was decided and why (DS-1: required)
 * @param expectedVersion the dispute's version the decider looked at; when given and the dispute has
 *                        changed since, the decision is a conflict (nothing is written)
 */
public record Decision(DisputeOutcome outcome, String resolution, Integer expectedVersion) {
}
