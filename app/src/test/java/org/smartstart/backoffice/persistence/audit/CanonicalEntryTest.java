package org.smartstart.backoffice.persistence.audit;

import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verifier's one-pass canonical form must be byte for byte the reference's (RFC 8785 by
 * {@link JsonCanonicalizer}) on whatever it takes, or it would call intact entries changed — or, worse,
 * confirm changed ones; what it is not sure of it must refuse, so the reference decides.
 */
class CanonicalEntryTest {

    private static String reference(String json) throws Exception {
        // the reference only takes objects and arrays at the top, as an entry's data always sits inside its entry
        String wrapped = new JsonCanonicalizer("{\"v\": " + json + "}").getEncodedString();
        return wrapped.substring("{\"v\":".length(), wrapped.length() - 1);
    }

    private static String fast(String json) {
        return new CanonicalEntry().canonical(json);
    }

    @Test
    void awkwardDocumentsComeOutAsTheReferenceWrites() throws Exception {
        String[] documents = {
                "{\"b\": 1, \"a\": [1.0, 2e3, -0, 0.1, 1E21, 1e-7, 12345678901234567, 123456789012345, -5.50], \"c\": null}",
                "{\"é\": \"Zoë \\\"quoted\\\" \\u0001 ✓ \\t\", \"e\": true, \"a b\": 1, \"a\": 2, \"a!\": 3, \"10\": {}, \"1\": []}",
                "[{\"percent\": \"12.500\", \"n\": 5}, {\"before\": {\"percent\": \"12.500\"}, \"after\": 1.50}]",
                "\"just a string\\n\"", "42", "-0.0", "1.7976931348623157e308", "5e-324", "[ ]", "{ }",
        };
        for (String json : documents) {
            assertThat(fast(json)).as(json).isEqualTo(reference(json));
        }
    }

    @Test
    void whatItIsNotSureOfIsLeftToTheReference() {
        // escapes jsonb never prints, and keys past U+E000 (where UTF-8 and UTF-16 orders part)
        for (String unsure : new String[]{"\"\\/\"", "\"\\u00e9\"", "\"\\u000a\"", "\"\\u001F\"", "{\"\uff61\": 1}", "{\"\ud83d\ude00\": 1}",
                "{\"a\\\"b\": 1}"}) {
            assertThatThrownBy(() -> fast(unsure)).as(unsure).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void randomDocumentsComeOutAsTheReferenceWrites() throws Exception {
        Random random = new Random(2026);
        int taken = 0;
        for (int i = 0; i < 5_000; i++) {
            String json = randomValue(random, 0);
            String fast;
            try {
                fast = fast(json);
            } catch (IllegalArgumentException refused) {
                continue;
            }
            assertThat(fast).as(json).isEqualTo(reference(json));
            taken++;
        }
        assertThat(taken).as("documents the fast path took").isGreaterThan(4_000);
    }

    @Test
    void notJsonIsRefused() {
        for (String bad : new String[]{"{\"a\": 1", "{\"a\" 1}", "[1,]", "01", "{\"a\": 1, \"a\": 2}", "tru", "\"\u0001\"", "1 2"}) {
            assertThatThrownBy(() -> fast(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aWholeEntryInCopysBinaryFormIsConfirmedExactlyWhenItsStoredHashHolds() throws Exception {
        UUID id = UUID.randomUUID();
        UUID actor = UUID.randomUUID();
        UUID object = UUID.randomUUID();
        OffsetDateTime ts = OffsetDateTime.of(2026, 12, 1, 16, 23, 33, 120_000_000, ZoneOffset.UTC);
        String data = "{\"after\": {\"percent\": \"15.000\", \"x\": 1.50}, \"name\": \"Zoë \\\"q\\\" \\t\"}";
        String action = "EQUITY_\"CHANGE\"\u0001é";
        String tx = new AuditHash().txHash(AuditHash.GENESIS_HASH, new AuditHash.Content(id, 1234567, ts, actor, action,
                "equity_ledger", object, null, data));
        long micros = (ts.toEpochSecond() - 946_684_800L) * 1_000_000L + ts.getNano() / 1_000;

        CopyBinary row = new CopyBinary(binaryRow(1234567, id, micros, actor, action, "equity_ledger", object, null, data,
                AuditHash.GENESIS_HASH, tx), 11);
        assertThat(new CanonicalEntry().confirms(row)).isTrue();
        assertThat(row.formattedTimestamp(2)).isEqualTo("2026-12-01T16:23:33.120000Z");
        assertThat(row.timestamp(2)).isEqualTo(ts);

        CopyBinary changed = new CopyBinary(binaryRow(1234567, id, micros + 1, actor, action, "equity_ledger", object, null, data,
                AuditHash.GENESIS_HASH, tx), 11);
        assertThat(new CanonicalEntry().confirms(changed)).as("a time one microsecond later").isFalse();
    }

    /** A row as {@code COPY ... (FORMAT binary)} sends it. */
    private static byte[] binaryRow(long seq, UUID id, long micros, UUID actor, String action, String objectType, UUID objectId,
                                    UUID ventureId, String data, String prev, String tx) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeShort(11);
        out.writeInt(8);
        out.writeLong(seq);
        for (Object value : new Object[]{id, micros, actor, action, objectType, objectId, ventureId, data, prev, tx}) {
            if (value == null) {
                out.writeInt(-1);
            } else if (value instanceof UUID u) {
                out.writeInt(16);
                out.writeLong(u.getMostSignificantBits());
                out.writeLong(u.getLeastSignificantBits());
            } else if (value instanceof Long l) {
                out.writeInt(8);
                out.writeLong(l);
            } else {
                byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
            }
        }
        return bytes.toByteArray();
    }

    private static String randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 5 : 7);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> randomNumber(random);
            case 3, 4 -> quote(randomString(random));
            case 5 -> {
                StringBuilder s = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) s.append(i > 0 ? ", " : "").append(randomValue(random, depth + 1));
                yield s.append(']').toString();
            }
            default -> {
                StringBuilder s = new StringBuilder("{");
                int n = random.nextInt(5);
                java.util.Set<String> keys = new java.util.HashSet<>();
                for (int i = 0; i < n; i++) {
                    String key = randomString(random);
                    if (!keys.add(key)) continue;
                    s.append(keys.size() > 1 ? ", " : "").append(quote(key)).append(": ").append(randomValue(random, depth + 1));
                }
                yield s.append('}').toString();
            }
        };
    }

    private static String randomNumber(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Long.toString(random.nextInt(2000) - 1000);
            case 1 -> Long.toString(random.nextLong());
            case 2 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 3 -> (random.nextInt(100000) - 50000) + "." + random.nextInt(1000);
            case 4 -> random.nextInt(100) + "e" + (random.nextInt(40) - 20);
            default -> "0.0";
        };
    }

    private static String randomString(Random random) {
        String alphabet = "abAB_ é✓\uff61\"\\\n\t\u0001/";
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(20) == 0) s.append("\ud83d\ude00");
            else s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** As PostgreSQL's jsonb prints strings: control characters escaped, everything else literal. */
    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> q.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return q.append('"').toString();
    }
}
