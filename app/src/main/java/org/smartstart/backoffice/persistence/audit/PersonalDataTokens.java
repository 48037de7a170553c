package org.smartstart.backoffice.persistence.audit;

import org.smartstart.backoffice.persistence.db.Transactions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Replaces personal data in audit entries with keyed tokens (AU-1): {@code tok_} + 128 bits of
 * HMAC-SHA256 under a random key kept in this database. The same e-mail always gives the same
 * token, so "every entry about this person" can still be found, but the log never contains the
 * e-mail, and without the key nobody can test guesses against it (a plain hash of an e-mail can be
 * reversed by hashing a list of e-mails). The key is created on first use; it is never replaced.
 */
public final class PersonalDataTokens {

    public static final String PREFIX = "tok_";
    private static final HexFormat HEX = HexFormat.of();
    private static final int KEY_BYTES = 32;

    private final SecretKeySpec key;

    private PersonalDataTokens(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        Arrays.fill(key, (byte) 0);
    }

    /** Loads this database's key, creating it if no one has yet (safe when several processes race). */
    public static PersonalDataTokens load(Transactions transactions) throws SQLException {
        return transactions.inTransaction(null, PersonalDataTokens::load);
    }

    /** As {@link #load(Transactions)}, inside a transaction the caller already has open. */
    public static PersonalDataTokens load(Connection c) throws SQLException {
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_token_key (hmac_key) VALUES (?) ON CONFLICT DO NOTHING")) {
            p.setBytes(1, fresh);
            p.executeUpdate();
        } finally {
            Arrays.fill(fresh, (byte) 0);
        }
        try (PreparedStatement p = c.prepareStatement("SELECT hmac_key FROM audit_token_key");
             ResultSet r = p.executeQuery()) {
            if (!r.next()) throw new SQLException("The audit token key could not be created");
            return new PersonalDataTokens(r.getBytes(1));
        }
    }

    /** E-mails are equal ignoring case (ID-1), so they are tokenized ignoring case. */
    public String email(String email) {
        return email == null ? null : token("email", email.strip().toLowerCase(Locale.ROOT));
    }

    /** Document numbers as people type them: spaces and case do not make another document. */
    public String documentNumber(String number) {
        return number == null ? null : token("document", number.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
    }

    /**
     * The token of {@code value} as given. {@code kind} keeps tokens of different kinds of data apart,
     * so a document number that happens to equal some other value does not link the two.
     */
    public String token(String kind, String value) {
        if (value == null) return null;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HEX.formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
