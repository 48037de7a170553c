package org.smartstart.backoffice.persistence.schema;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema keeps the seed's promise: every table and column of the original design exists under its
 * seed name, and a client that only knows the seed's columns can still insert into every table.
 */
class SeedCompatibilityTest {

    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void every_table_and_column_of_the_seed_exists() throws Exception {
        Map<String, List<String>> seed = seedTables();
        assertThat(seed).hasSize(26);

        try (Connection c = db.ownerConnection()) {
            for (var table : seed.entrySet()) {
                List<String> actual = columnsOf(c, table.getKey());
                assertThat(actual).as("columns of %s", table.getKey()).containsAll(table.getValue());
            }
        }
    }

    @Test
    void a_plain_insert_naming_only_the_seed_columns_works_for_every_table() throws Exception {
        String inserts = resource("/seed/seed-shaped-inserts.sql");
        try (Connection c = db.ownerConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(inserts);
            }
            c.commit();
            for (String table : seedTables().keySet()) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("rows in %s", table).isPositive();
                }
            }
        }
    }

    /** Table name → column names, read from the CREATE TABLE blocks of the seed document itself. */
    static Map<String, List<String>> seedTables() throws IOException {
        String doc = resource("/seed/seed-smartstart-database-architecture.md");
        Map<String, List<String>> tables = new LinkedHashMap<>();
        Matcher block = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL).matcher(doc);
        Pattern column = Pattern.compile("^\\s*([a-z_]+)\\s+[A-Z]");
        while (block.find()) {
            List<String> columns = new ArrayList<>();
            for (String line : block.group(2).split("\n")) {
                Matcher m = column.matcher(line);
                if (m.find() && !line.trim().startsWith("CONSTRAINT") && !line.trim().startsWith("PRIMARY")) {
                    columns.add(m.group(1));
                }
            }
            tables.put(block.group(1), columns);
        }
        return tables;
    }

    private static List<String> columnsOf(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = SeedCompatibilityTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
