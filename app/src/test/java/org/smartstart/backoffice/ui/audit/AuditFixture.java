package org.smartstart.backoffice.ui.audit;

import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.persistence.audit.AuditOutbox;
import org.smartstart.backoffice.persistence.audit.AuditSealer;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/** A sealed log for the audit screen's tests: a compliance officer and {@value #ENTRIES} entries of a few kinds. */
final class AuditFixture {

    static final int ENTRIES = 450;

    final BackOfficeFixture fixture = BackOfficeFixture.create();
    final UUID compliance;
    final UUID owner;
    final long before;

    AuditFixture() throws Exception {
        compliance = TestAccounts.user(fixture.db(), "Cora Compliance", "cora." + UUID.randomUUID() + "@audit.test", "pw", "compliance");
        owner = TestAccounts.user(fixture.db(), "Léa Martin", "lea." + UUID.randomUUID() + "@audit.test", "pw");
        before = sealedCount();
        fixture.db().transactions().inTransaction(owner, c -> {
            for (int i = 0; i < ENTRIES; i++) {
                boolean equity = i % 3 == 0;
                AuditOutbox.append(c, new AuditEntry(owner, equity ? "EQUITY_CHANGE" : "VESTING_CHANGE",
                        equity ? "equity_ledger" : "vesting_policy", UUID.randomUUID(), null,
                        Map.of("n", i, "before", Map.of("percent", "12.500", "holder", "h-1"),
                                "after", Map.of("percent", equity ? "15.000" : "12.500", "holder", "h-1"))));
            }
            return null;
        });
        new AuditSealer(fixture.db().database().dataSource()).sealPending();
        try (Connection c = fixture.db().ownerConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE pristine_audit_log AS SELECT * FROM audit_log");
        }
    }

    long sealedCount() throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); Statement s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM audit_log WHERE seq IS NOT NULL")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** As a superuser with triggers off. */
    void tamper(String sql) throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL session_replication_role = replica");
            s.execute(sql);
            c.commit();
        }
    }

    void restore() throws SQLException {
        tamper("DELETE FROM audit_log; INSERT INTO audit_log SELECT * FROM pristine_audit_log; "
                + "UPDATE audit_chain_head SET (seq, tx_hash) = (SELECT seq, tx_hash FROM audit_log ORDER BY seq DESC LIMIT 1)");
    }

    void close() {
        fixture.close();
    }
}
