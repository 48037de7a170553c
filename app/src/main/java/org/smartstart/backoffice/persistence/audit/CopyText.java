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

    /** Where each column of one row lies: {@code [start, stop)} in the row's bytes, and whether it has escapes. */
    static final class Columns {
        final byte[] line;
        final int[] start;
        final int[] stop;
        final boolean[] escaped;

        Columns(byte[] line, int columns) {
            this.line = line;
            start = new int[columns];
            stop = new int[columns];
            escaped = new boolean[columns];
            int end = line.length;
            if (end > 0 && line[end - 1] == '\n') end--;
            int from = 0;
            for (int i = 0; i < columns; i++) {
                int to = from;
                boolean backslash = false;
                while (to < end && line[to] != '\t') {
                    if (line[to] == '\\') backslash = true;
                    to++;
                }
                if (to == end && i < columns - 1) {
                    throw new IllegalArgumentException("a COPY row has " + (i + 1) + " columns, not " + columns);
                }
                start[i] = from;
                stop[i] = to;
                escaped[i] = backslash;
                from = to + 1;
            }
        }

        boolean isNull(int i) {
            return escaped[i] && stop[i] - start[i] == 2 && line[start[i] + 1] == 'N';
        }

        /** The column's value as text; null for NULL. */
        String text(int i) {
            if (isNull(i)) return null;
            if (!escaped[i]) return new String(line, start[i], stop[i] - start[i], StandardCharsets.UTF_8);
            return new String(unescape(i), StandardCharsets.UTF_8);
        }

        /** The column's value with COPY's escapes undone (call only when it has some, and is not NULL). */
        byte[] unescape(int i) {
            return CopyText.unescape(line, start[i], stop[i]);
        }
    }

    /** The {@code columns} values of one row (a trailing newline is ignored); null for NULL. */
    static String[] fields(byte[] line, int columns) {
        Columns c = new Columns(line, columns);
        String[] values = new String[columns];
        for (int i = 0; i < columns; i++) values[i] = c.text(i);
        return values;
    }

    private static byte[] unescape(byte[] line, int from, int to) {
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
        return out.toByteArray();
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
