package org.smartstart.backoffice.persistence.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One row of PostgreSQL's binary COPY format: a 16-bit column count, then per column a 32-bit length (-1 for
 * NULL) and that many bytes in the type's binary form (int8: 8 bytes big-endian; uuid: 16 bytes; timestamptz:
 * microseconds since 2000-01-01 UTC as int8; text: its UTF-8 bytes, with no escapes). The server sends these
 * without formatting a single value, which is why the verifier reads them rather than COPY's text.
 */
final class CopyBinary {

    /** The 19 bytes of the file header the server puts before the first row. */
    static final int HEADER = 19;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** Seconds from 1970-01-01 to PostgreSQL's epoch, 2000-01-01. */
    private static final long POSTGRES_EPOCH = 946_684_800L;

    final byte[] row;
    final int[] start;
    final int[] length;

    CopyBinary(byte[] row, int columns) {
        this.row = row;
        start = new int[columns];
        length = new int[columns];
        int count = ((row[0] & 0xff) << 8) | (row[1] & 0xff);
        if (count != columns) {
            throw new IllegalArgumentException("a COPY row has " + count + " columns, not " + columns);
        }
        int p = 2;
        for (int i = 0; i < columns; i++) {
            int n = int32(row, p);
            start[i] = p + 4;
            length[i] = n;
            p += 4 + Math.max(n, 0);
        }
        if (p != row.length) {
            throw new IllegalArgumentException("a COPY row has " + (row.length - p) + " bytes after its last column");
        }
    }

    /** Whether a CopyData message starts with the file header (only the first does). */
    static boolean startsWithHeader(byte[] message) {
        if (message.length < HEADER) return false;
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (message[i] != SIGNATURE[i]) return false;
        }
        return true;
    }

    /** The trailer the server sends after the last row: a column count of -1. */
    static boolean isTrailer(byte[] message) {
        return message.length == 2 && message[0] == (byte) 0xff && message[1] == (byte) 0xff;
    }

    boolean isNull(int i) {
        return length[i] < 0;
    }

    long int8(int i) {
        int p = start[i];
        long v = 0;
        for (int k = 0; k < 8; k++) v = (v << 8) | (row[p + k] & 0xff);
        return v;
    }

    String text(int i) {
        return isNull(i) ? null : new String(row, start[i], length[i], StandardCharsets.UTF_8);
    }

    UUID uuid(int i) {
        if (isNull(i)) return null;
        int p = start[i];
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 8; k++) hi = (hi << 8) | (row[p + k] & 0xff);
        for (int k = 8; k < 16; k++) lo = (lo << 8) | (row[p + k] & 0xff);
        return new UUID(hi, lo);
    }

    /** Microseconds since 2000-01-01 UTC as an instant (PostgreSQL's infinities are refused). */
    OffsetDateTime timestamp(int i) {
        if (isNull(i)) return null;
        long micros = int8(i);
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
            throw new IllegalArgumentException("the time is infinite");
        }
        Instant instant = Instant.ofEpochSecond(POSTGRES_EPOCH + Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** {@link #timestamp} in {@link AuditHash#TS_FORMAT}, written without a formatter for years 1000..9999. */
    String formattedTimestamp(int i) {
        OffsetDateTime ts = timestamp(i);
        if (ts == null) return null;
        LocalDateTime t = ts.toLocalDateTime();
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return AuditHash.formatTs(ts);
        }
        char[] c = new char[27];
        digits(c, 0, t.getYear(), 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1000, 6);
        c[26] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int k = width - 1; k >= 0; k--) {
            c[at + k] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int int32(byte[] b, int p) {
        return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }
}
