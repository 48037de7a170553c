package org.smartstart.backoffice.persistence.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Rows of PostgreSQL's {@code COPY ... TO STDOUT} text format: columns separated by tabs, {@code \N} for
 * NULL, and backslash escapes for tabs, newlines and backslashes inside values. A raw tab byte is always
 * a separator (UTF-8 never uses 0x09 inside a multi-byte character).
 */
final class CopyText {

    /** What {@code timestamptz} prints with {@code TimeZone = UTC} and {@code DateStyle = ISO}. */
    private static final DateTimeFormatter POSTGRES_TS = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true).optionalEnd()
            .appendPattern("X")
            .toFormatter();

    private CopyText() {
    }

    /** The {@code columns} values of one row (a trailing newline is ignored); null for NULL. */
    static String[] fields(byte[] line, int columns) {
        String[] values = new String[columns];
        int end = line.length;
        if (end > 0 && line[end - 1] == '\n') end--;
        int start = 0;
        for (int i = 0; i < columns; i++) {
            int stop = start;
            boolean escaped = false;
            while (stop < end && line[stop] != '\t') {
                if (line[stop] == '\\') escaped = true;
                stop++;
            }
            if (stop == end && i < columns - 1) {
                throw new IllegalArgumentException("a COPY row has " + (i + 1) + " columns, not " + columns);
            }
            values[i] = value(line, start, stop, escaped);
            start = stop + 1;
        }
        return values;
    }

    private static String value(byte[] line, int from, int to, boolean escaped) {
        if (!escaped) return new String(line, from, to - from, StandardCharsets.UTF_8);
        if (to - from == 2 && line[from + 1] == 'N') return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = line[i];
            if (b != '\\' || i + 1 == to) {
                out.write(b);
                continue;
            }
            byte e = line[++i];
            switch (e) {
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(0x0b);
                case 'x' -> {
                    int v = 0;
                    int digits = 0;
                    while (digits < 2 && i + 1 < to && Character.digit(line[i + 1], 16) >= 0) {
                        v = v * 16 + Character.digit(line[++i], 16);
                        digits++;
                    }
                    out.write(digits == 0 ? 'x' : v);
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int k = 0; k < 2 && i + 1 < to && line[i + 1] >= '0' && line[i + 1] <= '7'; k++) {
                            v = v * 8 + (line[++i] - '0');
                        }
                        out.write(v);
                    } else {
                        out.write(e);
                    }
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * {@code 2024-05-01 09:30:00.25+00} as {@link AuditHash#TS_FORMAT} ({@code 2024-05-01T09:30:00.250000Z}) by moving
     * characters; any other shape (a year past 9999, an offset other than UTC) goes through a full parse.
     */
    static String timestamp(String text) {
        int n = text.length();
        if (n >= 22 && n <= 29 && n != 23 && text.charAt(4) == '-' && text.charAt(10) == ' ' && text.endsWith("+00")
                && (n == 22 || text.charAt(19) == '.')) {
            StringBuilder ts = new StringBuilder(27);
            ts.append(text, 0, 10).append('T').append(text, 11, 19).append('.');
            int fraction = n == 22 ? 0 : n - 3 - 20;
            if (fraction > 0) ts.append(text, 20, 20 + fraction);
            for (int i = fraction; i < 6; i++) ts.append('0');
            return ts.append('Z').toString();
        }
        return AuditHash.formatTs(parseTimestamp(text));
    }

    static OffsetDateTime parseTimestamp(String text) {
        return OffsetDateTime.parse(text, POSTGRES_TS);
    }
}
