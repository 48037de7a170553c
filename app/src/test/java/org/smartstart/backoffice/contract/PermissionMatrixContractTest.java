package org.smartstart.backoffice.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartstart.backoffice.domain.audit.AuditFilter;
import org.smartstart.backoffice.domain.captable.CapTableChange;
import org.smartstart.backoffice.domain.captable.ConversionRequest;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.identity.RoleGrant;
import org.smartstart.backoffice.domain.legalholds.HoldScope;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole ID-3 matrix — every kind of user against every action of DOMAIN.md's table — through each
 * adapter: a cell the matrix allows is never answered Denied (the call may still be refused for its input,
 * which these calls leave incomplete on purpose so nothing is written), and every other cell is Denied,
 * naming what it takes. The database's side of the same matrix is AccessRulesSqlTest.
 */
@ParameterizedClass
@EnumSource(Adapter.class)
class PermissionMatrixContractTest {

    /** Who calls: venture roles on the venture under test ("Acme"), global roles, and nobody special. */
    enum Who {
        OWNER_OF_ACME, CONTRIBUTOR_ON_ACME, REVIEWER_ON_ACME, OWNER_OF_ANOTHER_VENTURE,
        GLOBAL_COMPLIANCE, GLOBAL_ADMIN, GLOBAL_SUPPORT, NO_ROLE
    }

    /** The rows of the ID-3 table, each as one real call on Acme. */
    enum Action {
        READ_CAP_TABLE(b -> b.capTables().capTableOn(acme, LocalDate.parse("2026-06-01")),
                Who.OWNER_OF_ACME, Who.CONTRIBUTOR_ON_ACME, Who.REVIEWER_ON_ACME, Who.GLOBAL_COMPLIANCE, Who.GLOBAL_ADMIN,
                Who.GLOBAL_SUPPORT),
        EDIT_CAP_TABLE(b -> b.capTables().changeCapTable(acme, new CapTableChange("matrix", null, List.of())),
                Who.OWNER_OF_ACME, Who.GLOBAL_ADMIN),
        CONVERT_BUZ(b -> b.capTables().convertBuz(acme, new ConversionRequest(null, 0, null, null)),
                Who.OWNER_OF_ACME, Who.GLOBAL_ADMIN),
        DECIDE_KYC(b -> b.kycReview().counts(), Who.GLOBAL_COMPLIANCE),
        MANAGE_LEGAL_HOLDS(b -> b.legalHolds().freezePreview(acme, HoldScope.EQUITY), Who.GLOBAL_COMPLIANCE),
        WORK_DISPUTES(b -> b.disputes().assign(UUID.randomUUID(), null), Who.GLOBAL_SUPPORT, Who.GLOBAL_ADMIN),
        BROWSE_AUDIT(b -> b.auditTrail().entries(AuditFilter.all().withVenture(acme)),
                Who.GLOBAL_COMPLIANCE, Who.GLOBAL_ADMIN, Who.OWNER_OF_ACME),
        MANAGE_USERS(b -> b.people().grantRole(UUID.randomUUID(), new RoleGrant(null, null, null)), Who.GLOBAL_ADMIN),
        MANAGE_VENTURES(b -> b.ventures().createVenture(new org.smartstart.backoffice.domain.ventures.NewVenture(null, null, null, null)),
                Who.GLOBAL_ADMIN);

        final Function<BackOffice, Outcome<?>> call;
        final Set<Who> allowed;

        Action(Function<BackOffice, Outcome<?>> call, Who first, Who... more) {
            this.call = call;
            this.allowed = EnumSet.of(first, more);
        }
    }

    @Parameter
    Adapter adapter;

    static BackOfficeFixture fixture;
    static UUID acme;
    static final Map<Who, UUID> people = new EnumMap<>(Who.class);

    @BeforeAll
    static void setUp() throws SQLException {
        fixture = BackOfficeFixture.create();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (Who who : Who.values()) {
            String global = switch (who) {
                case GLOBAL_COMPLIANCE -> "compliance";
                case GLOBAL_ADMIN -> "admin";
                case GLOBAL_SUPPORT -> "support";
                default -> null;
            };
            // sessions are made directly (BackOfficeFixture), so nobody needs a password
            UUID id = UUID.randomUUID();
            TestAccounts.exec(fixture.db(), "INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + id + "', '"
                    + who.name().toLowerCase().replace('_', ' ') + "', '" + who + "." + tag + "@matrix.test', 'verified')");
            if (global != null) {
                TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES ('" + id + "', '"
                        + global + "', 'global', 'matrix')");
            }
            people.put(who, id);
        }
        acme = TestAccounts.venture(fixture.db(), "Acme " + tag, "ca", "draft", people.get(Who.OWNER_OF_ACME));
        TestAccounts.venture(fixture.db(), "Other " + tag, "ca", "draft", people.get(Who.OWNER_OF_ANOTHER_VENTURE));
        TestAccounts.exec(fixture.db(), "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, effective_from) VALUES ('"
                + acme + "', 'user', '" + people.get(Who.OWNER_OF_ACME) + "', 100.000, DATE '2026-01-01')");
        for (Who who : List.of(Who.CONTRIBUTOR_ON_ACME, Who.REVIEWER_ON_ACME)) {
            TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, venture_id, role, scope, reason) VALUES ('"
                    + people.get(who) + "', '" + acme + "', '" + (who == Who.REVIEWER_ON_ACME ? "reviewer" : "contributor")
                    + "', 'venture', 'matrix')");
        }
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    static Stream<Arguments> cells() {
        return Stream.of(Action.values()).flatMap(action -> Stream.of(Who.values()).map(who -> Arguments.of(action, who)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    void the_matrix_decides_who_may(Action action, Who who) {
        Outcome<?> outcome = action.call.apply(fixture.as(adapter, people.get(who)));

        assertThat(outcome).as("%s by %s answered %s", action, who, outcome.describe()).isNotInstanceOf(Outcome.Unauthenticated.class);
        if (action.allowed.contains(who)) {
            assertThat(outcome).as("%s by %s answered %s", action, who, outcome.describe()).isNotInstanceOf(Outcome.Denied.class);
        } else {
            assertThat(outcome).as("%s by %s answered %s", action, who, outcome.describe()).isInstanceOf(Outcome.Denied.class);
            assertThat(outcome.describe()).startsWith("You may not");
        }
    }
}
