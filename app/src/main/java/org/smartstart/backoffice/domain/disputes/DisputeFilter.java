package org.smartstart.backoffice.domain.disputes;

import java.util.UUID;

/**
 * Which disputes to list; every criterion is optional (null: any).
 *
 * @param assignee disputes assigned to this user
 * @param overdue  true: undecided disputes past a deadline (DS-3) now; false: the others
 * @param venture  disputes of this venture
 * @param raisedBy disputes raised by this user
 */
public record DisputeFilter(DisputeStatus status, DisputeObjectType objectType, UUID assignee, Boolean overdue,
                            UUID venture, UUID raisedBy) {

    public DisputeFilter(DisputeStatus status, DisputeObjectType objectType, UUID assignee, Boolean overdue) {
        this(status, objectType, assignee, overdue, null, null);
    }

    public static DisputeFilter all() {
        return new DisputeFilter(null, null, null, null, null, null);
    }
}
