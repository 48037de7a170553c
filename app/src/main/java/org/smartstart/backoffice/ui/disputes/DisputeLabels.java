package org.smartstart.backoffice.ui.disputes;

import org.smartstart.backoffice.domain.disputes.Dispute;
import org.smartstart.backoffice.domain.disputes.DisputeObjectType;
import org.smartstart.backoffice.domain.disputes.DisputeStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Disputes in the support desk's words. */
public final class DisputeLabels {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private DisputeLabels() {
    }

    public static String status(DisputeStatus s) {
        return switch (s) {
            case OPEN -> "Open";
            case IN_REVIEW -> "In review";
            case RESOLVED -> "Resolved";
            case REJECTED -> "Rejected";
        };
    }

    public static String objectType(DisputeObjectType t) {
        return switch (t) {
            case TASK -> "Task";
            case REVIEW -> "Review";
            case BUZ_TX -> "BUZ transaction";
            case EQUITY -> "Cap table row";
        };
    }

    /** The disputed object's identity: "BUZ transaction 3f2a9c1e of Helios Grid". */
    public static String object(Dispute d) {
        return objectType(d.objectType()) + " " + d.objectId().toString().substring(0, 8) + " of " + d.ventureName();
    }

    public static String at(Instant at, ZoneId zone) {
        return at == null ? "—" : AT.format(at.atZone(zone));
    }

    /** The first-response badge (DS-3): "Answered", "Answered late", "Due …" or "Breached: due …". */
    public static String firstResponse(Dispute d, ZoneId zone) {
        if (d.firstRespondedAt() != null) {
            return d.firstResponseBreached() ? "Answered late" : "Answered";
        }
        return (d.firstResponseBreached() ? "Breached: was due " : "Due ") + at(d.firstResponseDueAt(), zone);
    }

    /** The resolution badge (DS-3). */
    public static String resolution(Dispute d, ZoneId zone) {
        if (d.status().decided()) {
            return d.resolutionBreached() ? "Decided late" : "Decided in time";
        }
        return (d.resolutionBreached() ? "Breached: was due " : "Due ") + at(d.resolutionDueAt(), zone);
    }
}
