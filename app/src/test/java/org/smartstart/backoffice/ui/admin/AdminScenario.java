package org.smartstart.backoffice.ui.admin;

import org.smartstart.backoffice.persistence.identity.Argon2idPasswordHasher;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.TestDatabase;

import java.sql.SQLException;
import java.util.UUID;

/**
 * People and a venture for the administration tests, written as the database owner: an administrator,
 * a KYC-verified contributor-to-be, a person whose KYC is pending, a locked account, and a venture whose
 * BUZ issuance rule caps a month at 1,000 BUZ. Names carry a tag so several scenarios share a database.
 */
record AdminScenario(String tag, UUID admin, UUID verified, UUID pending, UUID locked, UUID venture, String ventureName) {

    static final String PASSWORD = "correct horse battery";

    /** One Argon2id hash for every account: hashing is slow by design, and these tests sign in with sessions. */
    private static String passwordHash;

    static AdminScenario create(TestDatabase db) throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID admin = person(db, "Ann Admin " + tag, "ann." + tag + "@admin.test", "verified", "admin");
        UUID owner = person(db, "Oona Owner " + tag, "oona." + tag + "@admin.test", "verified", "support");
        UUID verified = person(db, "Vera Verified " + tag, "vera." + tag + "@admin.test", "verified");
        UUID pending = person(db, "Pia Pending " + tag, "pia." + tag + "@admin.test", "pending");
        UUID locked = person(db, "Lars Locked " + tag, "lars." + tag + "@admin.test", "pending");
        TestAccounts.exec(db, "UPDATE user_credentials SET failed_attempts = 5, locked_until = now() + interval '15 minutes' "
                + "WHERE user_id = '" + locked + "'");
        TestAccounts.exec(db, "INSERT INTO kyc_documents (user_id, doc_type, status, original_filename, media_type) VALUES ('" + pending
                + "', 'passport', 'pending', 'pia-passport.pdf', 'application/pdf')");
        String ventureName = "Juniper Works " + tag;
        UUID venture = TestAccounts.venture(db, ventureName, "ca", "active", owner);
        TestAccounts.exec(db, "INSERT INTO buz_issuance_rules (venture_id, monthly_issue_cap, conversion_band_min, conversion_band_max, board_approved) "
                + "VALUES ('" + venture + "', 1000, 0.000040, 0.000060, true)");
        return new AdminScenario(tag, admin, verified, pending, locked, venture, ventureName);
    }

    private static synchronized String hash() {
        if (passwordHash == null) {
            passwordHash = new Argon2idPasswordHasher().hash(PASSWORD.toCharArray());
        }
        return passwordHash;
    }

    private static UUID person(TestDatabase db, String name, String email, String kyc, String... globalRoles) throws SQLException {
        UUID id = UUID.randomUUID();
        TestAccounts.exec(db, "INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + id + "', '" + name + "', '"
                + email + "', '" + kyc + "')");
        TestAccounts.exec(db, "INSERT INTO user_credentials (user_id, password_hash) VALUES ('" + id + "', '" + hash() + "')");
        for (String role : globalRoles) {
            TestAccounts.exec(db, "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES ('" + id + "', '" + role
                    + "', 'global', 'test')");
        }
        return id;
    }
}
