package org.smartstart.backoffice.persistence.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void data_survives_a_restart_and_a_second_instance_is_told_the_database_is_in_use() throws Exception {
        DataFolder folder = new DataFolder(dir.resolve("data"));
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(folder, Map.of("fsync", "off"))) {
            try (Connection c = DriverManager.getConnection(first.jdbcUrl("postgres"), "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept(v text); INSERT INTO kept VALUES ('still here')");
            }
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(folder))
                    .isInstanceOf(DatabaseStartupException.class)
                    .hasMessageContaining("is in use by another running SmartStart Back Office");
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(folder, Map.of("fsync", "off"));
             Connection c = DriverManager.getConnection(again.jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void xdg_data_home_decides_where_the_data_lives() {
        assertThat(DataFolder.resolve(Map.of("XDG_DATA_HOME", "/x/data"), "/home/ann").root())
                .isEqualTo(Path.of("/x/data/smartstart-backoffice"));
        assertThat(DataFolder.resolve(Map.of(), "/home/ann").root())
                .isEqualTo(Path.of("/home/ann/.local/share/smartstart-backoffice"));
        assertThat(DataFolder.resolve(Map.of("BACKOFFICE_DATA_DIR", "/srv/bo"), "/home/ann").root())
                .isEqualTo(Path.of("/srv/bo"));
    }
}
