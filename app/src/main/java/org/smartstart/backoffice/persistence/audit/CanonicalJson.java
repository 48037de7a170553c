package org.smartstart.backoffice.persistence.audit;

import org.erdtman.jcs.NumberToJSON;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 8785 (JCS) text of a JSON document, written in one pass without building a tree, so the verifier
 * can canonicalise hundreds of thousands of entries a second. It must give exactly what
 * {@code org.erdtman.jcs.JsonCanonicalizer} (the reference {@link AuditHash} uses) gives: same key order
 * (UTF-16 code units), same string escapes, numbers as ECMAScript prints a double. Integers of up to 15
 * digits (every id, count and seq in the log) are exact as doubles and printed as written; every other
 * number goes through the reference's own number printer.
 *
 * <p>Anything that is not well-formed JSON throws {@link IllegalArgumentException}; the verifier then
 * falls back to the reference, so this class only ever makes verification faster, never different.
 */
final class CanonicalJson {

    private final String in;
    private int pos;

    private CanonicalJson(String in) {
        this.in = in;
    }

    /** Appends the canonical form of {@code json} to {@code out}. */
    static void append(StringBuilder out, String json) {
        CanonicalJson parser = new CanonicalJson(json);
        parser.value(out);
        parser.skipSpace();
        if (parser.pos != json.length()) {
            throw parser.malformed("text after the end of the document");
        }
    }

    static String of(String json) {
        StringBuilder out = new StringBuilder(json.length());
        append(out, json);
        return out.toString();
    }

    /** A JCS string literal: only {@code "}, {@code \} and control characters are escaped. */
    static void appendString(StringBuilder out, String s) {
        out.append('"');
        int n = s.length();
        int from = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out.append(s, from, i);
            from = i + 1;
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            }
        }
        out.append(s, from, n).append('"');
    }

    private void value(StringBuilder out) {
        skipSpace();
        if (pos >= in.length()) throw malformed("a value is missing");
        char c = in.charAt(pos);
        switch (c) {
            case '{' -> object(out);
            case '[' -> array(out);
            case '"' -> appendString(out, string());
            case 't' -> literal(out, "true");
            case 'f' -> literal(out, "false");
            case 'n' -> literal(out, "null");
            default -> number(out);
        }
    }

    private record Member(String key, String value) {
    }

    private void object(StringBuilder out) {
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            out.append("{}");
            return;
        }
        List<Member> members = new ArrayList<>(8);
        StringBuilder valueText = new StringBuilder(64);
        while (true) {
            skipSpace();
            if (peek() != '"') throw malformed("a property name is missing");
            String key = string();
            skipSpace();
            expect(':');
            valueText.setLength(0);
            value(valueText);
            members.add(new Member(key, valueText.toString()));
            skipSpace();
            char c = next();
            if (c == '}') break;
            if (c != ',') throw malformed("',' or '}' expected");
        }
        // String.compareTo orders by UTF-16 code units, exactly as RFC 8785 asks
        members.sort((a, b) -> a.key().compareTo(b.key()));
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (i > 0) {
                if (m.key().equals(members.get(i - 1).key())) throw malformed("duplicate property " + m.key());
                out.append(',');
            }
            appendString(out, m.key());
            out.append(':').append(m.value());
        }
        out.append('}');
    }

    private void array(StringBuilder out) {
        pos++;
        out.append('[');
        skipSpace();
        if (peek() == ']') {
            pos++;
            out.append(']');
            return;
        }
        boolean first = true;
        while (true) {
            if (!first) out.append(',');
            first = false;
            value(out);
            skipSpace();
            char c = next();
            if (c == ']') break;
            if (c != ',') throw malformed("',' or ']' expected");
        }
        out.append(']');
    }

    /** The decoded content of the string literal at {@code pos}. */
    private String string() {
        pos++;
        int start = pos;
        int n = in.length();
        // most strings have no escapes: take them as they are
        while (pos < n) {
            char c = in.charAt(pos);
            if (c == '"') return in.substring(start, pos++);
            if (c == '\\') break;
            if (c < 0x20) throw malformed("unescaped control character");
            pos++;
        }
        StringBuilder s = new StringBuilder(in.length() - start);
        s.append(in, start, pos);
        while (true) {
            char c = next();
            if (c == '"') return s.toString();
            if (c < 0x20) throw malformed("unescaped control character");
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    if (pos + 4 > n) throw malformed("short \\u escape");
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(in.charAt(pos++), 16);
                        if (d < 0) throw malformed("bad hex in \\u escape");
                        code = code * 16 + d;
                    }
                    s.append((char) code);
                }
                default -> throw malformed("unsupported escape \\" + e);
            }
        }
    }

    private void number(StringBuilder out) {
        int start = pos;
        int n = in.length();
        if (pos < n && in.charAt(pos) == '-') pos++;
        int intStart = pos;
        while (pos < n && isDigit(in.charAt(pos))) pos++;
        int intDigits = pos - intStart;
        if (intDigits == 0) throw malformed("unexpected character '" + in.charAt(start) + "'");
        if (intDigits > 1 && in.charAt(intStart) == '0') throw malformed("leading zero");
        boolean plain = true;
        if (pos < n && in.charAt(pos) == '.') {
            plain = false;
            pos++;
            int fraction = pos;
            while (pos < n && isDigit(in.charAt(pos))) pos++;
            if (pos == fraction) throw malformed("digits expected after '.'");
        }
        if (pos < n && (in.charAt(pos) == 'e' || in.charAt(pos) == 'E')) {
            plain = false;
            pos++;
            if (pos < n && (in.charAt(pos) == '+' || in.charAt(pos) == '-')) pos++;
            int exponent = pos;
            while (pos < n && isDigit(in.charAt(pos))) pos++;
            if (pos == exponent) throw malformed("digits expected in the exponent");
        }
        if (plain && intDigits <= 15) {
            // exact as a double, and ECMAScript prints such a double as the integer itself (but -0 as 0)
            if (intDigits == 1 && in.charAt(intStart) == '0') {
                out.append('0');
            } else {
                out.append(in, start, pos);
            }
            return;
        }
        try {
            out.append(NumberToJSON.serializeNumber(Double.parseDouble(in.substring(start, pos))));
        } catch (IOException | NumberFormatException e) {
            throw malformed("number " + in.substring(start, pos) + " has no JSON form: " + e.getMessage());
        }
    }

    private void literal(StringBuilder out, String word) {
        if (!in.startsWith(word, pos)) throw malformed("unexpected character '" + in.charAt(pos) + "'");
        pos += word.length();
        out.append(word);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipSpace() {
        int n = in.length();
        while (pos < n) {
            char c = in.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
            pos++;
        }
    }

    private char peek() {
        if (pos >= in.length()) throw malformed("unexpected end");
        return in.charAt(pos);
    }

    private char next() {
        if (pos >= in.length()) throw malformed("unexpected end");
        return in.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) throw malformed("'" + c + "' expected");
    }

    private IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException("not JSON at offset " + pos + ": " + why);
    }
}
