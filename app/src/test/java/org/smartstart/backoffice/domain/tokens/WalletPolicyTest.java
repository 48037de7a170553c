package org.smartstart.backoffice.domain.tokens;

import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.usecase.Rejection;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WalletPolicyTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final WalletStore.Person CHLOE = new WalletStore.Person(UUID.randomUUID(), "Chloe Gagnon", "verified");
    static final WalletStore.Person PAT = new WalletStore.Person(UUID.randomUUID(), "Pat Pending", "pending");

    static WalletStore.Venture acme(Long cap, String... holds) {
        return new WalletStore.Venture(UUID.randomUUID(), "Acme", List.of(holds), cap);
    }

    static WalletStore.WalletState holding(long balance) {
        return new WalletStore.WalletState(UUID.randomUUID(), balance, 0, 4);
    }

    @Test
    void an_issue_up_to_the_cap_passes_and_one_buz_more_names_issued_cap_and_request() {
        assertThat(WalletPolicy.issue(acme(1000L), CHLOE, 300, MARCH, 700)).isEmpty();

        List<Rejection> over = WalletPolicy.issue(acme(1000L), CHLOE, 301, MARCH, 700);

        assertThat(over).extracting(Rejection::ruleId).containsExactly("BZ-3");
        assertThat(over.get(0).message()).contains("Issuing 301 BUZ", "Acme", "2026-03 (UTC)", "to 1001 BUZ",
                "monthly cap of 1000 BUZ", "700 BUZ already issued this month");
    }

    @Test
    void a_venture_without_an_issuance_rule_cannot_issue() {
        assertThat(WalletPolicy.issue(acme(null), CHLOE, 1, MARCH, 0)).extracting(Rejection::ruleId).containsExactly("BZ-3");
    }

    @Test
    void every_broken_rule_is_named_once() {
        assertThat(WalletPolicy.issue(acme(10L, "all"), PAT, 11, MARCH, 0)).extracting(Rejection::ruleId)
                .containsExactly("BZ-2", "BZ-3", "BZ-6");
        assertThat(WalletPolicy.redeem(acme(10L, "buz"), PAT, holding(5), 6)).extracting(Rejection::ruleId)
                .containsExactly("BZ-1", "BZ-2", "BZ-6");
    }

    @Test
    void a_redemption_may_empty_the_wallet_but_not_go_below_zero() {
        assertThat(WalletPolicy.redeem(acme(10L), CHLOE, holding(250), 250)).isEmpty();
        assertThat(WalletPolicy.redeem(acme(10L), CHLOE, holding(250), 251).get(0).message())
                .contains("holds 250 BUZ", "redeeming 251 BUZ", "-1 BUZ", "below zero (BZ-1)");
        assertThat(WalletPolicy.redeem(acme(10L), CHLOE, null, 1).get(0).message()).contains("holds 0 BUZ");
    }

    @Test
    void an_equity_hold_does_not_stop_buz() {
        assertThat(WalletPolicy.issue(acme(10L, "equity"), CHLOE, 5, MARCH, 0)).isEmpty();
    }
}
