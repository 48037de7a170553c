package org.smartstart.backoffice.persistence.audit;

import org.erdtman.jcs.NumberToJSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The verifier's fast way to an entry's tx_hash: the RFC 8785 text of the entry written straight into a
 * byte buffer from the UTF-8 bytes PostgreSQL sent, without Strings or a JSON tree, then hashed from there.
 * It must give exactly what {@link AuditHash} gives, and it can rely on the shape of jsonb's output: strings
 * come with exactly the escapes RFC 8785 uses (PostgreSQL escapes the quote, the backslash and control
 * characters, these as b, f, n, r, t or a lower-case six-character unicode escape, nothing else), so they
 * are copied as they are.
 *
 * <p>Whatever it is not sure of — another escape, a key outside the range where UTF-8 byte order is UTF-16
 * order, malformed JSON — it refuses with {@link IllegalArgumentException}, and the caller hashes the entry
 * the reference way. The caller also only trusts a hash from here when it confirms the stored one. Integers of
 * up to 15 digits are exact as doubles and printed as written; other numbers go through the reference's own
 * printer. Not thread-safe: one per thread.
 */
final class CanonicalEntry {

    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private byte[] out = new byte[2048];
    private int len;
    private byte[] in;
    private int pos;
    private int end;

    CanonicalEntry() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Whether the row's stored tx_hash (column 10) is the hash of its prev_tx_hash (9) and its other columns
     * (seq, id, ts, actor_user_id, action, object_type, object_id, venture_id, data) in canonical form.
     * Throws {@link IllegalArgumentException} when this fast path is not sure; false is only ever a hint.
     */
    boolean confirms(CopyBinary r) {
        if (r.isNull(0) || r.isNull(9) || r.isNull(10) || r.length[10] != 64) return false;
        len = 0;
        ascii("{\"action\":");
        text(r, 4);
        ascii(",\"actor_user_id\":");
        uuid(r, 3);
        ascii(",\"data\":");
        if (r.isNull(8)) {
            ascii("null");
        } else {
            in = r.row;
            pos = r.start[8];
            end = pos + r.length[8];
            value();
            skipSpace();
            if (pos != end) throw malformed("text after the end of the document");
            in = null;
        }
        ascii(",\"id\":");
        uuid(r, 1);
        ascii(",\"object_id\":");
        uuid(r, 6);
        ascii(",\"object_type\":");
        text(r, 5);
        ascii(",\"seq\":");
        long seq = r.int8(0);
        if (seq > -1_000_000_000_000_000L && seq < 1_000_000_000_000_000L) {
            ascii(Long.toString(seq));
        } else {
            number(Long.toString(seq));
        }
        ascii(",\"ts\":");
        string(r.formattedTimestamp(2));
        ascii(",\"venture_id\":");
        uuid(r, 7);
        put((byte) '}');
        sha256.reset();
        sha256.update(r.row, r.start[9], r.length[9]);
        sha256.update(out, 0, len);
        byte[] digest = sha256.digest();
        int at = r.start[10];
        for (int i = 0; i < 32; i++) {
            int b = digest[i] & 0xff;
            if (r.row[at + 2 * i] != HEX_DIGITS[b >> 4] || r.row[at + 2 * i + 1] != HEX_DIGITS[b & 0xf]) return false;
        }
        return true;
    }

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** A text column as an RFC 8785 string: escaping byte by byte is right for UTF-8, whose multi-byte characters never use bytes below 0x80. */
    private void text(CopyBinary r, int column) {
        if (r.isNull(column)) {
            ascii("null");
            return;
        }
        int from = r.start[column];
        int to = from + r.length[column];
        for (int i = from; i < to; i++) {
            int b = r.row[i] & 0xff;
            if (b < 0x20 || b == '"' || b == '\\') {
                string(r.text(column));
                return;
            }
        }
        put((byte) '"');
        putRange(r.row, from, to);
        put((byte) '"');
    }

    private void uuid(CopyBinary r, int column) {
        if (r.isNull(column)) {
            ascii("null");
            return;
        }
        ensure(38);
        out[len++] = '"';
        int p = r.start[column];
        for (int k = 0; k < 16; k++) {
            if (k == 4 || k == 6 || k == 8 || k == 10) out[len++] = '-';
            int b = r.row[p + k] & 0xff;
            out[len++] = HEX_DIGITS[b >> 4];
            out[len++] = HEX_DIGITS[b & 0xf];
        }
        out[len++] = '"';
    }

    /** The canonical text of a JSON document on its own (for tests against the reference). */
    String canonical(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        len = 0;
        in = bytes;
        pos = 0;
        end = bytes.length;
        value();
        skipSpace();
        if (pos != end) throw malformed("text after the end of the document");
        return new String(out, 0, len, StandardCharsets.UTF_8);
    }

    private void value() {
        skipSpace();
        if (pos >= end) throw malformed("a value is missing");
        switch (in[pos]) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> {
                int start = pos;
                skipString();
                putRange(in, start, pos);
            }
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void object() {
        pos++;
        skipSpace();
        if (pos < end && in[pos] == '}') {
            pos++;
            ascii("{}");
            return;
        }
        // values are written to the buffer as they come; the keys (ranges of the input) are sorted afterwards
        int objectStart = len;
        int[] members = new int[4 * 8];
        int count = 0;
        while (true) {
            skipSpace();
            if (pos >= end || in[pos] != '"') throw malformed("a property name is missing");
            int keyStart = pos;
            skipString();
            int keyEnd = pos;
            checkKey(keyStart, keyEnd);
            skipSpace();
            if (pos >= end || in[pos++] != ':') throw malformed("':' expected");
            int valueStart = len;
            value();
            if (4 * count + 4 > members.length) members = Arrays.copyOf(members, members.length * 2);
            members[4 * count] = keyStart;
            members[4 * count + 1] = keyEnd;
            members[4 * count + 2] = valueStart - objectStart;
            members[4 * count + 3] = len - objectStart;
            count++;
            skipSpace();
            if (pos >= end) throw malformed("unexpected end");
            byte c = in[pos++];
            if (c == '}') break;
            if (c != ',') throw malformed("',' or '}' expected");
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) order[i] = i;
        int[] m = members;
        Arrays.sort(order, (a, b) -> compareKeys(m[4 * a], m[4 * a + 1], m[4 * b], m[4 * b + 1]));
        byte[] values = Arrays.copyOfRange(out, objectStart, len);
        len = objectStart;
        put((byte) '{');
        for (int k = 0; k < count; k++) {
            int i = order[k];
            if (k > 0) {
                int p = order[k - 1];
                if (compareKeys(m[4 * p], m[4 * p + 1], m[4 * i], m[4 * i + 1]) == 0) throw malformed("duplicate property");
                put((byte) ',');
            }
            putRange(in, m[4 * i], m[4 * i + 1]);
            put((byte) ':');
            putRange(values, m[4 * i + 2], m[4 * i + 3]);
        }
        put((byte) '}');
    }

    /** Keys are compared as bytes, which is RFC 8785's UTF-16 order only without escapes and below U+E000. */
    private void checkKey(int from, int to) {
        for (int i = from; i < to; i++) {
            int b = in[i] & 0xff;
            if (b == '\\' || b >= 0xee) throw malformed("a key this fast path does not order");
        }
    }

    /** Compares two key literals (quotes included in the ranges) by their content. */
    private int compareKeys(int aFrom, int aTo, int bFrom, int bTo) {
        return Arrays.compareUnsigned(in, aFrom + 1, aTo - 1, in, bFrom + 1, bTo - 1);
    }

    private void array() {
        pos++;
        put((byte) '[');
        skipSpace();
        if (pos < end && in[pos] == ']') {
            pos++;
            put((byte) ']');
            return;
        }
        boolean first = true;
        while (true) {
            if (!first) put((byte) ',');
            first = false;
            value();
            skipSpace();
            if (pos >= end) throw malformed("unexpected end");
            byte c = in[pos++];
            if (c == ']') break;
            if (c != ',') throw malformed("',' or ']' expected");
        }
        put((byte) ']');
    }

    /** Moves past the string literal at {@code pos}, accepting only the escapes RFC 8785 itself writes. */
    private void skipString() {
        pos++;
        while (true) {
            if (pos >= end) throw malformed("unterminated string");
            byte c = in[pos++];
            if (c == '"') return;
            if ((c & 0xff) < 0x20) throw malformed("unescaped control character");
            if (c != '\\') continue;
            if (pos >= end) throw malformed("unterminated string");
            byte e = in[pos++];
            switch (e) {
                case '"', '\\', 'b', 'f', 'n', 'r', 't' -> { }
                case 'u' -> {
                    if (pos + 4 > end || in[pos] != '0' || in[pos + 1] != '0' || !lowerHex(in[pos + 2]) || !lowerHex(in[pos + 3])) {
                        throw malformed("a \\u escape RFC 8785 would not write");
                    }
                    int code = Character.digit(in[pos + 2], 16) * 16 + Character.digit(in[pos + 3], 16);
                    if (code >= 0x20 || code == '\b' || code == '\f' || code == '\n' || code == '\r' || code == '\t') {
                        throw malformed("a \\u escape RFC 8785 would not write");
                    }
                    pos += 4;
                }
                default -> throw malformed("an escape RFC 8785 would not write");
            }
        }
    }

    private static boolean lowerHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f');
    }

    private void number() {
        int start = pos;
        if (pos < end && in[pos] == '-') pos++;
        int intStart = pos;
        while (pos < end && isDigit(in[pos])) pos++;
        int intDigits = pos - intStart;
        if (intDigits == 0) throw malformed("unexpected character");
        if (intDigits > 1 && in[intStart] == '0') throw malformed("leading zero");
        boolean plain = true;
        if (pos < end && in[pos] == '.') {
            plain = false;
            pos++;
            int fraction = pos;
            while (pos < end && isDigit(in[pos])) pos++;
            if (pos == fraction) throw malformed("digits expected after '.'");
        }
        if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
            plain = false;
            pos++;
            if (pos < end && (in[pos] == '+' || in[pos] == '-')) pos++;
            int exponent = pos;
            while (pos < end && isDigit(in[pos])) pos++;
            if (pos == exponent) throw malformed("digits expected in the exponent");
        }
        if (plain && intDigits <= 15) {
            // exact as a double, and ECMAScript prints such a double as the integer itself (but -0 as 0)
            if (intDigits == 1 && in[intStart] == '0') {
                put((byte) '0');
            } else {
                putRange(in, start, pos);
            }
            return;
        }
        number(new String(in, start, pos - start, StandardCharsets.US_ASCII));
    }

    private void number(String text) {
        try {
            ascii(NumberToJSON.serializeNumber(Double.parseDouble(text)));
        } catch (IOException | NumberFormatException e) {
            throw malformed("number " + text + " has no JSON form");
        }
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (pos + i >= end || in[pos + i] != word.charAt(i)) throw malformed("unexpected character");
        }
        pos += word.length();
        ascii(word);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private void skipSpace() {
        while (pos < end) {
            byte c = in[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
            pos++;
        }
    }

    /** A column's value as an RFC 8785 string literal, or null. */
    private void string(String s) {
        if (s == null) {
            ascii("null");
            return;
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) {
                StringBuilder quoted = new StringBuilder(n + 8);
                appendString(quoted, s);
                byte[] bytes = quoted.toString().getBytes(StandardCharsets.UTF_8);
                putRange(bytes, 0, bytes.length);
                return;
            }
        }
        ensure(n + 2);
        out[len++] = '"';
        for (int i = 0; i < n; i++) out[len++] = (byte) s.charAt(i);
        out[len++] = '"';
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) out[len++] = (byte) s.charAt(i);
    }

    private void put(byte b) {
        ensure(1);
        out[len++] = b;
    }

    private void putRange(byte[] from, int start, int stop) {
        int n = stop - start;
        ensure(n);
        System.arraycopy(from, start, out, len, n);
        len += n;
    }

    private void ensure(int more) {
        if (len + more > out.length) out = Arrays.copyOf(out, Math.max(out.length * 2, len + more));
    }

    private IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException("not JSON this fast path takes, at byte " + pos + ": " + why);
    }

    /** An RFC 8785 string literal: only the quote, the backslash and control characters are escaped. */
    static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
