package org.smartstart.backoffice.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An independent reading of DOMAIN.md's cap table and BUZ rules straight from the tables, for the
 * robustness tests (issue 8): it shares no code with the domain policies or the database triggers, so a
 * bug in either shows as a violation here. Reads as the owning role (sees everything, no row-level security).
 */
public final class LedgerInvariants {

    private static final String GENESIS = "0".repeat(64);

    private LedgerInvariants() {
    }

    /** Every broken rule of the venture and of the wallets that hold its BUZ, in words; empty when all hold. */
    public static List<String> violations(Connection c, UUID venture) throws SQLException {
        List<String> v = new ArrayList<>();
        equity(c, venture, v);
        buz(c, venture, v);
        return v;
    }

    private static void equity(Connection c, UUID venture, List<String> v) throws SQLException {
        // EQ-4 shape, row by row
        for (Map<String, Object> r : rows(c, """
                SELECT id, holder_type::text AS t, holder_id, percent, effective_from, effective_to FROM equity_ledger
                WHERE venture_id = ? AND NOT ((holder_type = 'user') = (holder_id IS NOT NULL)
                      AND percent > 0 AND percent <= 100 AND (effective_to IS NULL OR effective_to >= effective_from))""", venture)) {
            v.add("EQ-4: row " + r);
        }
        Map<String, Object> facts = rows(c, "SELECT owner_user_id, alice_equity_cap FROM ventures WHERE id = ?", venture).get(0);
        UUID owner = (UUID) facts.get("owner_user_id");
        BigDecimal cap = (BigDecimal) facts.get("alice_equity_cap");
        // Between two change dates nothing changes, so checking each change date checks every date (EQ-1..EQ-4).
        for (Map<String, Object> d : rows(c, """
                WITH dates AS (SELECT effective_from AS d FROM equity_ledger WHERE venture_id = ?
                               UNION SELECT effective_to + 1 FROM equity_ledger WHERE venture_id = ? AND effective_to IS NOT NULL)
                SELECT dates.d,
                       coalesce(sum(e.percent), 0) AS total,
                       coalesce(sum(e.percent) FILTER (WHERE e.holder_type = 'user' AND e.holder_id = ?), 0) AS owner,
                       coalesce(sum(e.percent) FILTER (WHERE e.holder_type = 'alice'), 0) AS alice,
                       count(e.id) - count(DISTINCT coalesce(e.holder_id, '00000000-0000-0000-0000-000000000000'::uuid)) AS doubled
                FROM dates LEFT JOIN equity_ledger e ON e.venture_id = ? AND e.effective_from <= dates.d
                                                    AND (e.effective_to IS NULL OR dates.d <= e.effective_to)
                GROUP BY dates.d ORDER BY dates.d""", venture, venture, owner, venture)) {
            LocalDate day = ((java.sql.Date) d.get("d")).toLocalDate();
            BigDecimal total = (BigDecimal) d.get("total");
            if (total.compareTo(new BigDecimal("100")) != 0) {
                v.add("EQ-1: on " + day + " the rows total " + total);
            }
            if (((BigDecimal) d.get("owner")).compareTo(new BigDecimal("35")) < 0) {
                v.add("EQ-2: on " + day + " the owner holds " + d.get("owner"));
            }
            if (((BigDecimal) d.get("alice")).compareTo(cap) > 0) {
                v.add("EQ-3: on " + day + " the platform holds " + d.get("alice") + " over its cap " + cap);
            }
            if (((Number) d.get("doubled")).longValue() != 0) {
                v.add("EQ-4: on " + day + " a holder has more than one effective row");
            }
        }
    }

    private static void buz(Connection c, UUID venture, List<String> v) throws SQLException {
        List<UUID> wallets = new ArrayList<>();
        for (Map<String, Object> w : rows(c, """
                SELECT w.id, w.buz_balance, w.locked_balance,
                       (SELECT coalesce(sum(t.amount), 0) FROM buz_transactions t WHERE t.wallet_id = w.id) AS sum
                FROM user_wallets w WHERE w.id IN (SELECT wallet_id FROM buz_transactions WHERE venture_id = ?)""", venture)) {
            wallets.add((UUID) w.get("id"));
            long balance = ((Number) w.get("buz_balance")).longValue();
            if (balance < 0 || ((Number) w.get("locked_balance")).longValue() < 0) {
                v.add("BZ-1: wallet " + w.get("id") + " is below zero: " + w);
            }
            if (balance != ((Number) w.get("sum")).longValue()) {
                v.add("BZ-1: wallet " + w.get("id") + " holds " + balance + " but its transactions sum to " + w.get("sum"));
            }
        }
        for (Map<String, Object> t : rows(c, """
                SELECT t.id, u.kyc_status::text AS kyc FROM buz_transactions t JOIN user_wallets w ON w.id = t.wallet_id
                JOIN users u ON u.id = w.user_id WHERE t.venture_id = ? AND u.kyc_status <> 'verified'""", venture)) {
            v.add("BZ-2: transaction " + t.get("id") + " for a person whose KYC is " + t.get("kyc"));
        }
        for (Map<String, Object> m : rows(c, """
                SELECT to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, sum(t.amount) AS earned, r.monthly_issue_cap AS cap
                FROM buz_transactions t JOIN buz_issuance_rules r ON r.venture_id = t.venture_id AND r.replaced_at IS NULL
                WHERE t.venture_id = ? AND t.type = 'earn' GROUP BY 1, r.monthly_issue_cap
                HAVING sum(t.amount) > r.monthly_issue_cap""", venture)) {
            v.add("BZ-3: " + m.get("earned") + " BUZ earned in " + m.get("month") + " over the cap of " + m.get("cap"));
        }
        for (Map<String, Object> k : rows(c, """
                SELECT k.id, k.buz_spent, k.equity_percent_granted, k.effective_date, k.user_id,
                       k.equity_percent_granted / k.buz_spent AS rate,
                       (k.policy_snapshot->>'conversion_band_min')::numeric AS band_min,
                       (k.policy_snapshot->>'conversion_band_max')::numeric AS band_max,
                       (k.policy_snapshot->>'board_approved')::boolean AS approved,
                       (SELECT count(*) FROM buz_transactions t JOIN user_wallets w ON w.id = t.wallet_id
                         WHERE t.venture_id = k.venture_id AND w.user_id = k.user_id AND t.type = 'convert' AND t.amount = -k.buz_spent) AS debits,
                       (SELECT count(*) FROM equity_ledger e WHERE e.venture_id = k.venture_id AND e.holder_id = k.user_id
                         AND e.effective_from = k.effective_date) AS rows
                FROM equity_conversions k WHERE k.venture_id = ?""", venture)) {
            BigDecimal rate = (BigDecimal) k.get("rate");
            if (k.get("band_min") == null || rate.compareTo((BigDecimal) k.get("band_min")) < 0 || rate.compareTo((BigDecimal) k.get("band_max")) > 0
                    || !Boolean.TRUE.equals(k.get("approved")) || ((Number) k.get("debits")).longValue() < 1 || ((Number) k.get("rows")).longValue() < 1) {
                v.add("BZ-4: conversion " + k);
            }
        }
        long conversions = number(c, "SELECT count(*) FROM equity_conversions WHERE venture_id = ?", venture);
        long debits = number(c, "SELECT count(*) FROM buz_transactions WHERE venture_id = ? AND type = 'convert'", venture);
        if (conversions != debits) {
            v.add("BZ-4: " + conversions + " conversions but " + debits + " conversion debits");
        }
        // BZ-5: each wallet's transactions form one unbroken chain from the genesis hash
        for (UUID wallet : wallets) {
            Map<String, String> next = new HashMap<>();
            int count = 0;
            for (Map<String, Object> t : rows(c, "SELECT prev_tx_hash, tx_hash FROM buz_transactions WHERE wallet_id = ?", wallet)) {
                count++;
                if (next.put(((String) t.get("prev_tx_hash")).trim(), ((String) t.get("tx_hash")).trim()) != null) {
                    v.add("BZ-5: wallet " + wallet + " forks after " + t.get("prev_tx_hash"));
                }
            }
            int walked = 0;
            for (String h = next.get(GENESIS); h != null && walked <= count; h = next.get(h)) {
                walked++;
            }
            if (walked != count) {
                v.add("BZ-5: wallet " + wallet + " chains " + walked + " of its " + count + " transactions from the genesis hash");
            }
        }
    }

    /** What a refused step must leave exactly as it was: the venture's rows, the wallets' rows and the audit head. */
    public record Snapshot(List<Map<String, Object>> ledger, List<Map<String, Object>> wallets, List<Map<String, Object>> transactions,
                           List<Map<String, Object>> holds, List<Map<String, Object>> conversions, long auditEntries, String auditHead) {
    }

    public static Snapshot snapshot(Connection c, UUID venture, List<UUID> users) throws SQLException {
        UUID[] people = users.toArray(UUID[]::new);
        return new Snapshot(
                rows(c, "SELECT * FROM equity_ledger WHERE venture_id = ? ORDER BY id", venture),
                rows(c, "SELECT * FROM user_wallets WHERE user_id = ANY (?) ORDER BY id", (Object) people),
                rows(c, "SELECT * FROM buz_transactions WHERE venture_id = ? OR wallet_id IN (SELECT id FROM user_wallets WHERE user_id = ANY (?)) ORDER BY id",
                        venture, people),
                rows(c, "SELECT * FROM legal_holds WHERE venture_id = ? ORDER BY id", venture),
                rows(c, "SELECT * FROM equity_conversions WHERE venture_id = ? ORDER BY id", venture),
                auditEntries(c),
                rows(c, "SELECT seq, tx_hash FROM audit_chain_head").get(0).toString());
    }

    /** Every audit entry written so far, sealed or waiting in the outbox (sealing moves entries, never adds them). */
    public static long auditEntries(Connection c) throws SQLException {
        return number(c, "SELECT (SELECT count(*) FROM audit_outbox) + (SELECT count(*) FROM audit_log)");
    }

    public static long number(Connection c, String sql, Object... params) throws SQLException {
        return ((Number) rows(c, sql, params).get(0).values().iterator().next()).longValue();
    }

    public static List<Map<String, Object>> rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof UUID[] ids) {
                    p.setArray(i + 1, c.createArrayOf("uuid", ids));
                } else {
                    p.setObject(i + 1, params[i]);
                }
            }
            try (ResultSet r = p.executeQuery()) {
                ResultSetMetaData m = r.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= m.getColumnCount(); i++) {
                        Object value = r.getObject(i);
                        row.put(m.getColumnLabel(i), value instanceof java.sql.Array || value instanceof org.postgresql.util.PGobject
                                ? String.valueOf(value) : value);
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }
}
