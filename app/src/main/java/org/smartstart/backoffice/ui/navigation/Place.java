package org.smartstart.backoffice.ui.navigation;

import java.util.Objects;
import java.util.UUID;

/**
 * Somewhere in the desktop one screen can send the user: the audit trail of one object, one audit entry, or an
 * object (a venture, a KYC document, a dispute, a person...) opened in its own screen. Screens name places; the
 * shell knows which screen shows them.
 */
public sealed interface Place {

    /** Every audit entry about one object, newest first (objectType as recorded in the trail, e.g. "kyc_document"). */
    record AuditTrailOf(String objectType, UUID objectId) implements Place {
        public AuditTrailOf {
            Objects.requireNonNull(objectType, "objectType");
            Objects.requireNonNull(objectId, "objectId");
        }
    }

    /** One audit entry, selected, with its neighbours around it. */
    record AuditEntryAt(long seq) implements Place {
        public AuditEntryAt {
            if (seq < 1) {
                throw new IllegalArgumentException("seqs start at 1, not " + seq);
            }
        }
    }

    /**
     * An object in the screen that owns it. ventureId, when known, lets a screen that works per venture
     * (cap tables, holds) open the right venture.
     */
    record ObjectOf(String objectType, UUID objectId, UUID ventureId) implements Place {
        public ObjectOf {
            Objects.requireNonNull(objectType, "objectType");
        }
    }
}
