package org.smartstart.backoffice.testing;

import org.smartstart.backoffice.domain.audit.PersonalDataTokenizer;
import org.smartstart.backoffice.persistence.identity.Argon2idPasswordHasher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.UUID;

/** Users with passwords and ventures, written with plain SQL as the database owner. */
public final class TestAccounts {

    /** Until the real PersonalDataTokens lands: a keyed-free hash is enough to prove no clear text is written. */
    public static final PersonalDataTokenizer TOKENIZER = value -> "tok_" + sha256(value).substring(0, 24);

    private TestAccounts() {
    }

    public static UUID user(TestDatabase db, String displayName, String email, String password, String... globalRoles) throws SQLException {
        UUID id = UUID.randomUUID();
        String hash = new Argon2idPasswordHasher().hash(password.toCharArray());
        try (Connection c = db.ownerConnection()) {
            // Roles need a KYC-verified person (KY-5).
            try (PreparedStatement p = c.prepareStatement("INSERT INTO users (id, display_name, email, kyc_status) VALUES (?, ?, ?, ?::kyc_status)")) {
                p.setObject(1, id, Types.OTHER);
                p.setString(2, displayName);
                p.setString(3, email);
                p.setString(4, globalRoles.length > 0 ? "verified" : "pending");
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO user_credentials (user_id, password_hash) VALUES (?, ?)")) {
                p.setObject(1, id, Types.OTHER);
                p.setString(2, hash);
                p.executeUpdate();
            }
            for (String role : globalRoles) {
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES (?, ?::role_name, 'global', 'test')")) {
                    p.setObject(1, id, Types.OTHER);
                    p.setString(2, role);
                    p.executeUpdate();
                }
            }
        }
        return id;
    }

    public static UUID venture(TestDatabase db, String name, String region, String status, UUID owner, String... activeHolds) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.ownerConnection()) {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO ventures (id, name, region, status, owner_user_id) VALUES (?, ?, ?::venture_region, 'draft', ?)")) {
                p.setObject(1, id, Types.OTHER);
                p.setString(2, name);
                p.setString(3, region);
                p.setObject(4, owner, Types.OTHER);
                p.executeUpdate();
            }
            if (!status.equals("draft")) {
                // A venture leaves draft only with its verified KYB documents (KY-6).
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO kyb_documents (venture_id, doc_type, status, verifier, verified_at) VALUES (?, 'articles_of_inc', 'verified', 'test', now()), (?, 'tax_id', 'verified', 'test', now())")) {
                    p.setObject(1, id, Types.OTHER);
                    p.setObject(2, id, Types.OTHER);
                    p.executeUpdate();
                }
                try (PreparedStatement p = c.prepareStatement("UPDATE ventures SET status = ?::venture_status WHERE id = ?")) {
                    p.setString(1, status);
                    p.setObject(2, id, Types.OTHER);
                    p.executeUpdate();
                }
            }
            for (String scope : activeHolds) {
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO legal_holds (venture_id, reason, applies_to) VALUES (?, 'Litigation pending', ?::hold_scope)")) {
                    p.setObject(1, id, Types.OTHER);
                    p.setString(2, scope);
                    p.executeUpdate();
                }
            }
        }
        return id;
    }

    public static void exec(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.ownerConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
