package org.smartstart.backoffice.remote.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The simple values that travel in a path or query string, and their one text form (the same as in JSON):
 * strings, UUIDs, dates and instants (ISO-8601), whole numbers, exact decimals, booleans, enums by name.
 */
public final class Scalars {

    private static final Set<Class<?>> SIMPLE = Set.of(String.class, UUID.class, LocalDate.class, Instant.class,
            LocalDateTime.class, LocalTime.class, OffsetDateTime.class, YearMonth.class, Duration.class,
            int.class, Integer.class, long.class, Long.class, short.class, Short.class, BigDecimal.class,
            boolean.class, Boolean.class);

    private Scalars() {
    }

    public static boolean isSimple(Class<?> type) {
        return SIMPLE.contains(type) || type.isEnum();
    }

    /** The text form of a simple value. */
    public static String format(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }

    /** The first and last day the back office accepts: PostgreSQL stores far more, but no business date lies outside. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /** {@code date} if it lies between {@link #FIRST_DAY} and {@link #LAST_DAY}; otherwise IllegalArgumentException. */
    public static LocalDate inRange(LocalDate date) {
        if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
            throw new IllegalArgumentException("a date between " + FIRST_DAY + " and " + LAST_DAY);
        }
        return date;
    }

    /** {@code instant} if its UTC day lies between {@link #FIRST_DAY} and {@link #LAST_DAY}; otherwise IllegalArgumentException. */
    public static Instant inRange(Instant instant) {
        if (instant.isBefore(FIRST_DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                || !instant.isBefore(LAST_DAY.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())) {
            throw new IllegalArgumentException("a time between " + FIRST_DAY + " and " + LAST_DAY);
        }
        return instant;
    }

    /** {@code text} if it has no NUL character (PostgreSQL text cannot hold one); otherwise IllegalArgumentException. */
    public static String withoutNul(String text) {
        if (text.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("text without the NUL character (\\u0000)");
        }
        return text;
    }

    /**
     * Reads a simple value; throws {@link IllegalArgumentException} with a message for a person
     * ("must be a UUID like …") when the text does not fit.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object parse(String text, Class<?> type) {
        try {
            if (type == String.class) return withoutNul(text);
            if (type == UUID.class) {
                if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
                    throw new IllegalArgumentException(text);
                }
                return UUID.fromString(text);
            }
            if (type == LocalDate.class) return inRange(LocalDate.parse(text));
            if (type == Instant.class) return inRange(Instant.parse(text));
            if (type == LocalDateTime.class) return LocalDateTime.parse(text);
            if (type == LocalTime.class) return LocalTime.parse(text);
            if (type == OffsetDateTime.class) return OffsetDateTime.parse(text);
            if (type == YearMonth.class) return YearMonth.parse(text);
            if (type == Duration.class) return Duration.parse(text);
            if (type == int.class || type == Integer.class) return Integer.valueOf(text);
            if (type == long.class || type == Long.class) return Long.valueOf(text);
            if (type == short.class || type == Short.class) return Short.valueOf(text);
            if (type == BigDecimal.class) return new BigDecimal(text);
            if (type == boolean.class || type == Boolean.class) {
                String t = text.toLowerCase(Locale.ROOT);
                if (!t.equals("true") && !t.equals("false")) {
                    throw new IllegalArgumentException(text);
                }
                return Boolean.valueOf(t);
            }
            if (type.isEnum()) {
                for (Object c : type.getEnumConstants()) {
                    if (((Enum) c).name().equalsIgnoreCase(text)) {
                        return c;
                    }
                }
                throw new IllegalArgumentException(text);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("must be " + JsonProblems.typeWords(type) + ", not \"" + text + "\"", e);
        }
        throw new IllegalStateException("Not a simple type for a path or query parameter: " + type.getName());
    }
}
