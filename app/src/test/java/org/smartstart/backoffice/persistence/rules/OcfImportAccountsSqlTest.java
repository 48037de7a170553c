package org.smartstart.backoffice.persistence.rules;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartstart.backoffice.persistence.rules.RuleSql.*;

/**
 * V24 against plain SQL from the application's role: opening an account for someone else stays the global
 * admin's (ID-3), except a pending account opened by an OCF import into a venture the acting user owns.
 * The import's setting names the venture; the database checks the ownership itself.
 */
class OcfImportAccountsSqlTest {

    private static TestDatabase db;
    private Connection owner;
    private UUID anna;      // owns Acme
    private UUID acme;
    private UUID other;     // a venture Anna does not own

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void ventures() throws SQLException {
        owner = db.ownerConnection();
        anna = user(owner, unique("Anna"), "verified");
        acme = venture(owner, unique("Acme"), anna);
        other = venture(owner, unique("Other"), user(owner, unique("Olga"), "verified"));
    }

    @AfterEach
    void close() throws SQLException {
        owner.close();
    }

    private static void openAccount(Connection app, UUID importVenture, String kyc) throws SQLException {
        if (importVenture != null) {
            exec(app, "SELECT set_config('app.ocf_import_venture', ?, false)", importVenture.toString());
        }
        exec(app, "INSERT INTO users (display_name, email, kyc_status) VALUES (?, ?, ?::kyc_status)",
                unique("Stakeholder"), UUID.randomUUID() + "@ocf-import.invalid", kyc);
    }

    @Test
    void an_owner_may_not_open_accounts_outside_an_import() throws SQLException {
        try (Connection app = db.appConnection(anna)) {
            assertRefused(() -> openAccount(app, null, "pending"), "SSI03", "ID-3", "open an account for");
        }
    }

    @Test
    void an_owner_may_not_open_accounts_for_an_import_into_someone_elses_venture() throws SQLException {
        try (Connection app = db.appConnection(anna)) {
            assertRefused(() -> openAccount(app, other, "pending"), "SSI03", "ID-3", "open an account for");
        }
    }

    @Test
    void an_import_opens_only_pending_accounts() throws SQLException {
        try (Connection app = db.appConnection(anna)) {
            assertRefused(() -> openAccount(app, acme, "verified"), "SSI03", "ID-3", "open an account for");
        }
    }

    @Test
    void the_owner_importing_into_their_venture_opens_pending_accounts() throws SQLException {
        long before = number(owner, "SELECT count(*) FROM users");
        try (Connection app = db.appConnection(anna)) {
            openAccount(app, acme, "pending");
        }
        assertThat(number(owner, "SELECT count(*) FROM users")).isEqualTo(before + 1);
    }
}
