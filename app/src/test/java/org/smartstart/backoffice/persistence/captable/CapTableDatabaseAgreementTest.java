package org.smartstart.backoffice.persistence.captable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.captable.CapTableEdits;
import org.smartstart.backoffice.domain.captable.CapTablePolicy;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerEdit;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.VentureFacts;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.persistence.usecase.LocalConnector;
import org.smartstart.backoffice.persistence.usecase.LocalUseCases;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database's cap table triggers (V2) and the domain's {@link CapTablePolicy} agree: a change
 * written past the policy (straight through the store) is refused at commit with the same rule id the
 * policy gives for it, and the local adapter reports it as the same rejection.
 */
class CapTableDatabaseAgreementTest {

    static final LocalDate JAN = LocalDate.parse("2026-01-01");
    static final LocalDate MAR = LocalDate.parse("2026-03-01");

    static BackOfficeFixture fixture;
    static LocalUseCases useCases;

    @BeforeAll
    static void setUp() {
        fixture = BackOfficeFixture.create();
        useCases = ((LocalConnector) fixture.connector(Adapter.LOCAL)).services().useCases();
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    record Venture(UUID id, UUID owner, UUID ben) {
    }

    static Venture venture(String... holds) throws SQLException {
        UUID owner = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        TestAccounts.exec(fixture.db(), "INSERT INTO users (id, display_name, email) VALUES ('" + owner + "', 'Oona', '" + owner
                + "@db.test'), ('" + ben + "', 'Ben', '" + ben + "@db.test')");
        TestAccounts.exec(fixture.db(), "INSERT INTO ventures (id, name, region, owner_user_id, alice_equity_cap) VALUES ('" + id + "', 'Acme "
                + id + "', 'ca', '" + owner + "', 15.000)");
        TestAccounts.exec(fixture.db(), "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, effective_from) VALUES "
                + "('" + id + "', 'user', '" + owner + "', 60, DATE '2026-01-01'), ('" + id + "', 'user', '" + ben + "', 30, DATE '2026-01-01'), "
                + "('" + id + "', 'alice', NULL, 10, DATE '2026-01-01')");
        for (String scope : holds) {
            TestAccounts.exec(fixture.db(), "INSERT INTO legal_holds (venture_id, reason, applies_to) VALUES ('" + id + "', 'Court order', '" + scope + "')");
        }
        return new Venture(id, owner, ben);
    }

    /** What the policy says about the edits, and what the database says when they are written anyway. */
    static void assertBothRefuse(Venture v, String ruleId, EditsOf editsOf) {
        List<String> policy = new java.util.ArrayList<>();
        Outcome<String> db = useCases.command(fixture.sessionFor(v.owner()), (actor, tx, audit) -> {
            JdbcCapTableStore store = new JdbcCapTableStore(tx.connection());
            VentureFacts facts = store.venture(v.id()).orElseThrow();
            List<LedgerRow> before = store.ledger(v.id());
            List<LedgerEdit> edits = editsOf.edits(before);
            List<LedgerRow> after = CapTableEdits.apply(before, edits, tx.now(), actor.userId());
            CapTablePolicy rules = new CapTablePolicy(facts, Map.of());
            rules.checkEdits(before, edits).forEach(r -> policy.add(r.ruleId()));
            rules.check(after).forEach(r -> policy.add(r.ruleId()));
            for (int i = 0; i < before.size(); i++) {
                if (before.get(i).open() && !after.get(i).open()) {
                    store.close(before.get(i).id(), after.get(i).effectiveTo());
                }
            }
            for (LedgerRow row : after.subList(before.size(), after.size())) {
                store.insert(v.id(), row);
            }
            audit.record(new AuditEntry(actor.userId(), "EQUITY_CHANGE", "venture", v.id(), v.id(), Map.of()));
            return Outcome.done("written past the policy");
        });
        assertThat(policy).as("the policy's rule ids").contains(ruleId);
        assertThat(db).as(db.describe()).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected<String>) db).rejections()).extracting(Rejection::ruleId).containsExactly(ruleId);
    }

    @FunctionalInterface
    interface EditsOf {
        List<LedgerEdit> edits(List<LedgerRow> ledger);
    }

    @Test
    void eq1_total() throws SQLException {
        Venture v = venture();
        assertBothRefuse(v, "EQ-1", l -> CapTableEdits.restate(l, Map.of(Holder.user(v.ben()), new BigDecimal("27.500")), MAR));
    }

    @Test
    void eq2_owner_floor() throws SQLException {
        Venture v = venture();
        assertBothRefuse(v, "EQ-2", l -> CapTableEdits.transfer(l, Holder.user(v.owner()), Holder.user(v.ben()), new BigDecimal("26"), MAR));
    }

    @Test
    void eq3_platform_cap() throws SQLException {
        Venture v = venture();
        assertBothRefuse(v, "EQ-3", l -> CapTableEdits.changePlatformStake(l, new BigDecimal("16"), MAR, Holder.user(v.ben())));
    }

    @Test
    void eq4_two_rows_of_one_holder() throws SQLException {
        Venture v = venture();
        assertBothRefuse(v, "EQ-4", l -> List.of(
                new LedgerEdit.Close(l.stream().filter(r -> v.ben().equals(r.holder().userId())).findFirst().orElseThrow().id(), MAR),
                new LedgerEdit.Add(Holder.user(v.ben()), new BigDecimal("30"), MAR, null, null)));
    }

    @Test
    void eq7_hold() throws SQLException {
        Venture v = venture("all");
        assertBothRefuse(v, "EQ-7", l -> CapTableEdits.transfer(l, Holder.user(v.owner()), Holder.user(v.ben()), new BigDecimal("1"), MAR));
    }
}
