package org.smartstart.backoffice.domain.captable;

import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.usecase.Rejection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** BZ-4 and the token rules of a conversion, and the pro-rata dilution it writes, without a database. */
class ConversionPolicyTest {

    static final UUID CHLOE = UUID.randomUUID();
    static final VentureFacts NORTHWIND = new VentureFacts(UUID.randomUUID(), "Northwind", UUID.randomUUID(), null, List.of());
    static final IssuanceRule RULE = new IssuanceRule(UUID.randomUUID(), 50_000, new BigDecimal("0.000040"), new BigDecimal("0.000060"),
            true, Instant.EPOCH);
    static final ConversionFacts.Person VERIFIED = new ConversionFacts.Person(CHLOE, "Chloe", "verified");
    static final ConversionFacts.Wallet WALLET = new ConversionFacts.Wallet(UUID.randomUUID(), CHLOE, 30_000, 0, 3);
    static final LocalDate JUN = LocalDate.parse("2026-06-01");

    static ConversionRequest request(long buz, String percent) {
        return new ConversionRequest(CHLOE, buz, new BigDecimal(percent), JUN);
    }

    static List<String> ids(List<Rejection> rejections) {
        return rejections.stream().map(Rejection::ruleId).toList();
    }

    @Test
    void the_band_edges_are_inside_and_beyond_them_is_refused() {
        assertThat(ConversionPolicy.check(NORTHWIND, RULE, VERIFIED, WALLET, request(20_000, "0.800"))).isEmpty();
        assertThat(ConversionPolicy.check(NORTHWIND, RULE, VERIFIED, WALLET, request(20_000, "1.200"))).isEmpty();
        assertThat(ids(ConversionPolicy.check(NORTHWIND, RULE, VERIFIED, WALLET, request(20_000, "0.799")))).containsExactly("BZ-4");
        assertThat(ConversionPolicy.check(NORTHWIND, RULE, VERIFIED, WALLET, request(20_000, "1.201")).get(0).message())
                .contains("0.00006005% per BUZ", "band of 0.00004 to 0.00006% per BUZ");
    }

    @Test
    void no_rule_an_unapproved_rule_kyc_holds_and_balance_are_each_named() {
        IssuanceRule unapproved = new IssuanceRule(RULE.id(), 50_000, RULE.bandMin(), RULE.bandMax(), false, Instant.EPOCH);
        VentureFacts held = new VentureFacts(NORTHWIND.ventureId(), "Northwind", NORTHWIND.ownerUserId(), null, List.of("all"));
        ConversionFacts.Person pending = new ConversionFacts.Person(CHLOE, "Chloe", "pending");

        assertThat(ids(ConversionPolicy.check(NORTHWIND, null, VERIFIED, WALLET, request(20_000, "1.000")))).containsExactly("BZ-4");
        assertThat(ids(ConversionPolicy.check(NORTHWIND, unapproved, VERIFIED, WALLET, request(20_000, "1.000")))).containsExactly("BZ-4");
        assertThat(ids(ConversionPolicy.check(NORTHWIND, RULE, pending, WALLET, request(20_000, "1.000")))).containsExactly("BZ-2");
        assertThat(ids(ConversionPolicy.check(held, RULE, VERIFIED, WALLET, request(20_000, "1.000")))).containsExactly("BZ-6", "EQ-7");
        assertThat(ids(ConversionPolicy.check(NORTHWIND, RULE, VERIFIED, null, request(20_000, "1.000")))).containsExactly("BZ-1");
        assertThat(ids(ConversionPolicy.check(NORTHWIND, RULE, VERIFIED, WALLET, request(40_000, "2.000")))).containsExactly("BZ-1");
    }

    @Test
    void a_holder_who_converts_keeps_one_row_with_their_diluted_stake_plus_the_grant() {
        UUID owner = NORTHWIND.ownerUserId();
        List<LedgerRow> ledger = List.of(
                new LedgerRow(UUID.randomUUID(), Holder.user(owner), new BigDecimal("70.000"), LocalDate.parse("2026-01-01"), null, null, Instant.EPOCH, owner),
                new LedgerRow(UUID.randomUUID(), Holder.user(CHLOE), new BigDecimal("20.000"), LocalDate.parse("2026-01-01"), null, null, Instant.EPOCH, owner),
                new LedgerRow(UUID.randomUUID(), Holder.alice(), new BigDecimal("10.000"), LocalDate.parse("2026-01-01"), null, null, Instant.EPOCH, owner));

        List<LedgerEdit> edits = CapTableEdits.dilute(ledger, Holder.user(CHLOE), new BigDecimal("2.000"), JUN);
        List<LedgerRow> after = CapTableEdits.apply(ledger, edits, Instant.EPOCH, owner);

        assertThat(new CapTablePolicy(NORTHWIND, Map.of()).check(after)).isEmpty();
        assertThat(CapTable.stakesOn(after, JUN)).containsEntry(Holder.user(owner), new BigDecimal("68.600"))
                .containsEntry(Holder.user(CHLOE), new BigDecimal("21.600")).containsEntry(Holder.alice(), new BigDecimal("9.800"));
        assertThat(edits).hasSize(6);
    }
}
