package org.smartstart.backoffice.persistence;

import org.smartstart.backoffice.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Fixtures shared by the persistence tests. */
final class StaffFixtures {

    private StaffFixtures() {
    }

    /**
     * A KYC-verified user holding the global admin, compliance and support roles (ID-2, KY-5), written
     * as the owner like a setup script would: the acting user of the tests.
     */
    static UUID globalStaff(TestDatabase db) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (id, display_name, email, kyc_status, country_code) VALUES ('" + id
                    + "', 'Grace Staff', 'grace.staff." + id + "@smartstart.test', 'verified', 'CA')");
            for (String role : new String[] {"admin", "compliance", "support"}) {
                s.execute("INSERT INTO role_assignments (user_id, venture_id, role, scope, granted_by, reason) VALUES ('"
                        + id + "', NULL, '" + role + "', 'global', NULL, 'test setup')");
            }
        }
        return id;
    }
}
