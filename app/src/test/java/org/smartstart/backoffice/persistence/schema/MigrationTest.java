package org.smartstart.backoffice.persistence.schema;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationTest {

    @Test
    void an_empty_database_is_migrated_to_the_latest_version_and_a_second_run_changes_nothing() throws Exception {
        try (TestDatabase empty = TestPostgres.newEmptyDatabase()) {
            BackOfficeDatabase db = empty.database();
            MigrationVersion reached = db.migrate();

            assertThat(reached.getVersion()).isNotEqualTo(MigrationVersion.EMPTY.getVersion());
            assertThat(db.flyway().info().pending()).isEmpty();
            long tablesAfterFirst = tableCount(empty);
            assertThat(tablesAfterFirst).isGreaterThanOrEqualTo(26);

            assertThat(db.migrate()).isEqualTo(reached);
            assertThat(tableCount(empty)).isEqualTo(tablesAfterFirst);
        }
    }

    private static long tableCount(TestDatabase db) throws Exception {
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
