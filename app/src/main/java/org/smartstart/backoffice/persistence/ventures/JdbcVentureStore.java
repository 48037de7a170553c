package org.smartstart.backoffice.persistence.ventures;

import org.smartstart.backoffice.domain.ventures.VentureAdminUseCases;
import org.smartstart.backoffice.domain.ventures.VentureDetail;
import org.smartstart.backoffice.domain.ventures.VentureFilter;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.domain.ventures.VentureStore;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.smartstart.backoffice.persistence.db.StoreSql.sql;

/**
 * Ventures with their owner, IT pack, billing, holds and KYB documents, on the use case's connection
 * (application role, acting user set: row-level security, V3's KY-6 and SD-1 and V25's VS-1, VS-2, KY-5 and
 * ID-3 triggers apply).
 */
public final class JdbcVentureStore implements VentureStore {

    /** A venture's overview line (name, region, status, owner, active holds), read by {@link #overview(ResultSet)}. */
    static final String OVERVIEW_FROM = """
            SELECT v.id, v.name, v.region::text AS region, coalesce(v.status::text, 'draft') AS status,
                   u.display_name AS owner, v.created_at,
                   coalesce(array_agg(DISTINCT h.applies_to::text ORDER BY h.applies_to::text)
                            FILTER (WHERE h.id IS NOT NULL), '{}') AS holds
              FROM ventures v
              LEFT JOIN users u ON u.id = v.owner_user_id
              LEFT JOIN legal_holds h ON h.venture_id = v.id AND h.released_at IS NULL
            """;

    private static final String FIND = OVERVIEW_FROM + """
             WHERE (v.archived_at IS NULL OR ?::text = 'archived')
               AND (?::text IS NULL OR strpos(lower(v.name), lower(?::text)) > 0)
               AND (?::text IS NULL OR coalesce(v.status::text, 'draft') = ?::text)
               AND (?::text IS NULL OR v.region::text = ?::text)
               AND (?::text IS NULL OR strpos(lower(u.display_name), lower(?::text)) > 0
                                    OR strpos(lower(u.email), lower(?::text)) > 0)
             GROUP BY v.id, u.display_name
             ORDER BY lower(v.name)
             LIMIT 500""";

    private final Connection c;

    public JdbcVentureStore(Connection connection) {
        this.c = connection;
    }

    @Override
    public List<VentureOverview> find(VentureFilter filter) {
        return sql(() -> {
            String name = VentureFilter.blank(filter.name());
            String status = VentureFilter.blank(filter.status());
            String region = VentureFilter.blank(filter.region());
            String owner = VentureFilter.blank(filter.owner());
            try (PreparedStatement p = c.prepareStatement(FIND)) {
                p.setString(1, status);
                p.setString(2, name);
                p.setString(3, name);
                p.setString(4, status);
                p.setString(5, status);
                p.setString(6, region);
                p.setString(7, region);
                p.setString(8, owner);
                p.setString(9, owner);
                p.setString(10, owner);
                List<VentureOverview> rows = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        rows.add(overview(r));
                    }
                }
                return rows;
            }
        });
    }

    /** The current row of a query on {@link #OVERVIEW_FROM}. */
    static VentureOverview overview(ResultSet r) throws SQLException {
        Array holds = r.getArray("holds");
        return new VentureOverview(r.getObject("id", UUID.class), r.getString("name"), r.getString("region"),
                r.getString("status"), r.getString("owner"), Arrays.asList((String[]) holds.getArray()),
                instant(r.getTimestamp("created_at")));
    }

    @Override
    public Optional<VentureDetail> detail(UUID ventureId) {
        return read(ventureId, false);
    }

    @Override
    public Optional<VentureDetail> lockForChange(UUID ventureId) {
        return read(ventureId, true);
    }

    private Optional<VentureDetail> read(UUID ventureId, boolean lock) {
        return sql(() -> {
            UUID id;
            String name;
            String region;
            String status;
            UUID ownerId;
            String ownerName;
            String ownerKyc;
            BigDecimal cap;
            Instant created;
            Instant archived;
            int version;
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT v.id, v.name, v.region::text AS region, coalesce(v.status::text, 'draft') AS status, v.owner_user_id,
                           v.alice_equity_cap, v.created_at, v.archived_at, v.version,
                           (SELECT display_name FROM users WHERE id = v.owner_user_id) AS owner_name,
                           (SELECT kyc_status::text FROM users WHERE id = v.owner_user_id) AS owner_kyc
                      FROM ventures v WHERE v.id = ?""" + (lock ? " FOR UPDATE OF v" : ""))) {
                p.setObject(1, ventureId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    id = r.getObject("id", UUID.class);
                    name = r.getString("name");
                    region = r.getString("region");
                    status = r.getString("status");
                    ownerId = r.getObject("owner_user_id", UUID.class);
                    ownerName = r.getString("owner_name");
                    ownerKyc = r.getString("owner_kyc");
                    cap = r.getBigDecimal("alice_equity_cap");
                    created = instant(r.getTimestamp("created_at"));
                    archived = instant(r.getTimestamp("archived_at"));
                    version = r.getInt("version");
                }
            }
            List<VentureDetail.KybDocument> kyb = kybDocuments(id);
            return Optional.of(new VentureDetail(id, name, region, status, ownerId, ownerName, ownerKyc, cap, created, archived, version,
                    itPack(id), billing(id), holds(id), kyb, VentureAdminUseCases.missingForActive(kyb)));
        });
    }

    private VentureDetail.ItPack itPack(UUID id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT coalesce(status::text, 'pending') AS status, m365_tenant_id, email_address, github_org, render_service_id,
                       backup_policy_id, provisioned_at
                  FROM venture_it_pack WHERE venture_id = ?""")) {
            p.setObject(1, id, Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                return new VentureDetail.ItPack(r.getString("status"), r.getString("m365_tenant_id"), r.getString("email_address"),
                        r.getString("github_org"), r.getString("render_service_id"), r.getString("backup_policy_id"),
                        instant(r.getTimestamp("provisioned_at")));
            }
        }
    }

    private VentureDetail.Billing billing(UUID id) throws SQLException {
        UUID account;
        String tier;
        String method;
        String status;
        Instant next;
        try (PreparedStatement p = c.prepareStatement("""
                SELECT id, pricing_tier::text AS tier, payment_method::text AS method, coalesce(status::text, 'active') AS status,
                       next_invoice_at
                  FROM billing_accounts WHERE venture_id = ? ORDER BY next_invoice_at DESC LIMIT 1""")) {
            p.setObject(1, id, Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                account = r.getObject("id", UUID.class);
                tier = r.getString("tier");
                method = r.getString("method");
                status = r.getString("status");
                next = instant(r.getTimestamp("next_invoice_at"));
            }
        }
        List<VentureDetail.Invoice> invoices = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("""
                SELECT id, period_start, period_end, amount_due, coalesce(currency, 'USD') AS currency,
                       coalesce(status::text, 'draft') AS status, issued_at, due_at
                  FROM invoices WHERE billing_account_id = ? ORDER BY period_start DESC, issued_at DESC LIMIT 100""")) {
            p.setObject(1, account, Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Date start = r.getDate("period_start");
                    Date end = r.getDate("period_end");
                    invoices.add(new VentureDetail.Invoice(r.getObject("id", UUID.class), start == null ? null : start.toLocalDate(),
                            end == null ? null : end.toLocalDate(), r.getBigDecimal("amount_due"), r.getString("currency").strip(),
                            r.getString("status"), instant(r.getTimestamp("issued_at")), instant(r.getTimestamp("due_at"))));
                }
            }
        }
        return new VentureDetail.Billing(account, tier, method, status, next, invoices);
    }

    private List<VentureDetail.Hold> holds(UUID id) throws SQLException {
        List<VentureDetail.Hold> holds = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("""
                SELECT id, applies_to::text AS applies_to, reason, imposed_at FROM legal_holds
                 WHERE venture_id = ? AND released_at IS NULL ORDER BY imposed_at, id""")) {
            p.setObject(1, id, Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    holds.add(new VentureDetail.Hold(r.getObject("id", UUID.class), r.getString("applies_to"), r.getString("reason"),
                            instant(r.getTimestamp("imposed_at"))));
                }
            }
        }
        return holds;
    }

    private List<VentureDetail.KybDocument> kybDocuments(UUID id) throws SQLException {
        List<VentureDetail.KybDocument> docs = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("""
                SELECT id, doc_type::text AS doc_type, coalesce(status::text, 'pending') AS status, original_filename,
                       submitted_at, verified_at
                  FROM kyb_documents WHERE venture_id = ? ORDER BY doc_type, submitted_at DESC, id""")) {
            p.setObject(1, id, Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    docs.add(new VentureDetail.KybDocument(r.getObject("id", UUID.class), r.getString("doc_type"), r.getString("status"),
                            r.getString("original_filename"), instant(r.getTimestamp("submitted_at")),
                            instant(r.getTimestamp("verified_at"))));
                }
            }
        }
        return docs;
    }

    @Override
    public Optional<UUID> nameHolder(String name) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM ventures WHERE lower(name) = lower(?) LIMIT 1")) {
                p.setString(1, name);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(r.getObject(1, UUID.class)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<Owner> owner(UUID userId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT id, display_name, coalesce(kyc_status::text, 'pending') AS kyc, archived_at IS NOT NULL AS archived FROM users WHERE id = ?")) {
                p.setObject(1, userId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new Owner(r.getObject("id", UUID.class), r.getString("display_name"), r.getString("kyc"),
                            r.getBoolean("archived"))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public UUID insertDraft(String name, String region, UUID ownerUserId, BigDecimal aliceEquityCap, Instant now) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO ventures (name, region, status, owner_user_id, alice_equity_cap, created_at, updated_at)
                    VALUES (?, ?::venture_region, 'draft', ?, ?, ?, ?) RETURNING id""")) {
                p.setString(1, name);
                p.setString(2, region);
                p.setObject(3, ownerUserId, Types.OTHER);
                p.setBigDecimal(4, aliceEquityCap);
                p.setTimestamp(5, Timestamp.from(now));
                p.setTimestamp(6, Timestamp.from(now));
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return r.getObject(1, UUID.class);
                }
            }
        });
    }

    @Override
    public boolean changeStatus(UUID ventureId, String status, int expectedVersion, Instant now) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE ventures SET status = ?::venture_status, updated_at = ?, version = version + 1
                     WHERE id = ? AND version = ? AND archived_at IS NULL""")) {
                p.setString(1, status);
                p.setTimestamp(2, Timestamp.from(now));
                p.setObject(3, ventureId, Types.OTHER);
                p.setInt(4, expectedVersion);
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean archive(UUID ventureId, int expectedVersion, Instant now) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE ventures SET status = 'archived', archived_at = ?, updated_at = ?, version = version + 1
                     WHERE id = ? AND version = ? AND archived_at IS NULL""")) {
                p.setTimestamp(1, Timestamp.from(now));
                p.setTimestamp(2, Timestamp.from(now));
                p.setObject(3, ventureId, Types.OTHER);
                p.setInt(4, expectedVersion);
                return p.executeUpdate() == 1;
            }
        });
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
