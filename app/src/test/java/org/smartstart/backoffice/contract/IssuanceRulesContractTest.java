package org.smartstart.backoffice.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartstart.backoffice.domain.tokens.IssuanceRules;
import org.smartstart.backoffice.domain.tokens.IssueRequest;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A venture's BUZ issuance rule with its history and this month's use of the cap (BZ-3, BZ-4), read alike through every adapter. */
@ParameterizedClass
@EnumSource(Adapter.class)
class IssuanceRulesContractTest {

    @Parameter
    Adapter adapter;

    static BackOfficeFixture fixture;

    @BeforeAll
    static void setUp() {
        fixture = BackOfficeFixture.create();
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static UUID person(String role) throws SQLException {
        String t = tag();
        return TestAccounts.user(fixture.db(), "Person " + t, t + "@rules.test", "Password-Rules-1", role == null ? new String[0] : new String[] {role});
    }

    @Test
    void the_current_rule_comes_first_with_the_replaced_versions_and_this_months_issues() throws SQLException {
        UUID admin = person("admin");
        UUID owner = person("admin");
        UUID venture = TestAccounts.venture(fixture.db(), "Rules " + tag(), "ca", "active", owner);
        TestAccounts.exec(fixture.db(), "INSERT INTO buz_issuance_rules (venture_id, monthly_issue_cap, conversion_band_min, conversion_band_max, "
                + "board_approved, created_at, replaced_at) VALUES ('" + venture + "', 500, 0.000010, 0.000020, false, now() - interval '60 days', "
                + "now() - interval '30 days'), ('" + venture + "', 1000, 0.000040, 0.000060, true, now() - interval '30 days', NULL)");
        UUID worker = person(null);
        TestAccounts.exec(fixture.db(), "UPDATE users SET kyc_status = 'verified' WHERE id = '" + worker + "'");
        fixture.as(adapter, admin).wallets().issueBuz(venture, new IssueRequest(worker, BigDecimal.valueOf(300), null, "Sprint", null)).orElseThrow();

        IssuanceRules rules = fixture.as(adapter, admin).wallets().issuanceRules(venture).orElseThrow();

        assertThat(rules.versions()).hasSize(2);
        IssuanceRules.Version current = rules.current().orElseThrow();
        assertThat(rules.versions().get(0)).isEqualTo(current);
        assertThat(current.monthlyIssueCap()).isEqualTo(1000);
        assertThat(current.bandMin()).isEqualByComparingTo(new BigDecimal("0.000040"));
        assertThat(current.boardApproved()).isTrue();
        assertThat(rules.versions().get(1).replacedAt()).isNotNull();
        assertThat(rules.versions().get(1).monthlyIssueCap()).isEqualTo(500);
        assertThat(rules.issuedThisMonth()).isEqualTo(300);

        Outcome<IssuanceRules> outsider = fixture.as(adapter, person(null)).wallets().issuanceRules(venture);
        assertThat(outsider).as(outsider.describe()).isInstanceOf(Outcome.Denied.class);
        assertThat(fixture.as(adapter, admin).wallets().issuanceRules(UUID.randomUUID())).isInstanceOf(Outcome.NotFound.class);
    }
}
