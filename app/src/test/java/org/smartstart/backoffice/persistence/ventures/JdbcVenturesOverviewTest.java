package org.smartstart.backoffice.persistence.ventures;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcVenturesOverviewTest {

    private static TestDatabase db;

    @BeforeAll
    static void setUp() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void lists_ventures_by_name_with_owner_and_only_unreleased_holds() throws Exception {
        UUID owner = TestAccounts.user(db, "Léa Martin", "lea@smartstart.test", "pw-pw-pw-pw");
        UUID held = TestAccounts.venture(db, "Maple Robotics", "ca", "active", owner, "equity", "buz");
        TestAccounts.venture(db, "aurora Labs", "eu", "draft", null);
        UUID gone = TestAccounts.venture(db, "Zombie Co", "us", "archived", owner);
        TestAccounts.exec(db, "UPDATE ventures SET archived_at = now() WHERE id = '" + gone + "'");
        TestAccounts.exec(db, "UPDATE legal_holds SET released_at = now(), released_by_user_id = '" + owner + "', release_reason = 'Settled' WHERE venture_id = '" + held + "' AND applies_to = 'buz'");

        List<VentureOverview> rows = new JdbcVenturesOverview(db.transactions()).list(owner);

        assertThat(rows).extracting(VentureOverview::name).containsExactly("aurora Labs", "Maple Robotics");
        VentureOverview maple = rows.get(1);
        assertThat(maple.region()).isEqualTo("ca");
        assertThat(maple.status()).isEqualTo("active");
        assertThat(maple.ownerDisplayName()).isEqualTo("Léa Martin");
        assertThat(maple.activeHolds()).containsExactly("equity");
        assertThat(maple.createdAt()).isNotNull();
        assertThat(rows.get(0).ownerDisplayName()).isNull();
        assertThat(rows.get(0).activeHolds()).isEmpty();
    }
}
