package org.smartstart.backoffice.domain.legalholds;

import org.smartstart.backoffice.domain.usecase.Rejection;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** LH-1 and LH-2 in Java, with the same sentences the database's triggers give. */
public final class LegalHoldPolicy {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private LegalHoldPolicy() {
    }

    /** Whether {@code hold} may be released with {@code reason}. */
    public static List<Rejection> checkRelease(LegalHold hold, String reason) {
        List<Rejection> rejections = new ArrayList<>();
        String named = describe(hold);
        if (!hold.active()) {
            rejections.add(new Rejection("LH-2", "LH-2: " + capitalize(named) + " was released on " + utc(hold.releasedAt())
                    + (hold.releasedByName() == null ? "" : " by " + hold.releasedByName())
                    + " and is never edited again."));
            return rejections;
        }
        if (reason == null || reason.isBlank()) {
            rejections.add(new Rejection("LH-1", "LH-1: Releasing " + named
                    + " needs a release reason; it is recorded with who released it and when."));
        }
        return rejections;
    }

    /** "the equity legal hold on Helios Grid imposed 2026-09-10 14:00 UTC". */
    public static String describe(LegalHold hold) {
        return "the " + hold.appliesTo().code() + " legal hold on " + hold.ventureName() + " imposed " + utc(hold.imposedAt());
    }

    static String utc(Instant at) {
        return at == null ? "at an unknown time" : UTC.format(at);
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
