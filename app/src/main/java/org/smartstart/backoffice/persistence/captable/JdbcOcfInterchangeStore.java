package org.smartstart.backoffice.persistence.captable;

import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.VentureFacts;
import org.smartstart.backoffice.domain.captable.VestingPolicy;
import org.smartstart.backoffice.domain.captable.ocf.OcfExport;
import org.smartstart.backoffice.domain.captable.ocf.OcfImportTarget;
import org.smartstart.backoffice.domain.captable.ocf.OcfInterchangeStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.smartstart.backoffice.persistence.db.StoreSql.sql;

/**
 * The interchange store on the use case's JDBC connection. Ledger rows and pending accounts go in one
 * INSERT ... SELECT over arrays per 5,000 (an import may write tens of thousands of rows); the ledger's triggers still check every row
 * and, at commit, every date (EQ-1..EQ-4, EQ-7, ID-3).
 */
public final class JdbcOcfInterchangeStore implements OcfInterchangeStore {

    private static final int CHUNK = 5000;

    private final Connection c;
    private final JdbcCapTableStore capTables;

    public JdbcOcfInterchangeStore(Connection c) {
        this.c = c;
        this.capTables = new JdbcCapTableStore(c);
    }

    @Override
    public Optional<OcfImportTarget> target(UUID ventureId) {
        Optional<VentureFacts> venture = capTables.venture(ventureId);
        if (venture.isEmpty()) {
            return Optional.empty();
        }
        VentureFacts v = venture.get();
        String ownerEmail = v.ownerUserId() == null ? null : sql(() -> {
            try (PreparedStatement p = c.prepareStatement("SELECT email FROM users WHERE id = ?")) {
                p.setObject(1, v.ownerUserId(), Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
        return Optional.of(new OcfImportTarget(ventureId, v.name(), v.ownerUserId(), ownerEmail, v.aliceCap(), v.activeHolds(),
                capTables.ledger(ventureId)));
    }

    @Override
    public void lockCapTable(UUID ventureId) {
        capTables.lockCapTable(ventureId);
    }

    @Override
    public Map<String, UUID> usersByEmail(Collection<String> emails) {
        if (emails.isEmpty()) {
            return Map.of();
        }
        return sql(() -> {
            Map<String, UUID> found = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT lower(email), id FROM users WHERE lower(email) = ANY (?)")) {
                p.setArray(1, c.createArrayOf("text", emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).toArray()));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        found.put(r.getString(1), r.getObject(2, UUID.class));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public void openPendingAccounts(UUID ventureId, List<NewAccount> accounts, Instant at) {
        sql(() -> {
            try (PreparedStatement p = c.prepareStatement("SELECT set_config('app.ocf_import_venture', ?, true)")) {
                p.setString(1, ventureId.toString());
                p.executeQuery().close();
            }
            // One INSERT ... SELECT over arrays per chunk: ID-1 and ID-3's triggers still judge every account.
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO users (id, display_name, email, kyc_status, created_at, updated_at)
                    SELECT a.id::uuid, a.display_name, a.email, 'pending'::kyc_status, ?, ?
                      FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS a(id, display_name, email, ord)
                     ORDER BY a.ord""")) {
                for (int from = 0; from < accounts.size(); from += CHUNK) {
                    List<NewAccount> chunk = accounts.subList(from, Math.min(accounts.size(), from + CHUNK));
                    p.setObject(1, utc(at));
                    p.setObject(2, utc(at));
                    p.setArray(3, c.createArrayOf("text", chunk.stream().map(a -> a.id().toString()).toArray()));
                    p.setArray(4, c.createArrayOf("text", chunk.stream().map(NewAccount::displayName).toArray()));
                    p.setArray(5, c.createArrayOf("text", chunk.stream().map(NewAccount::email).toArray()));
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT set_config('app.ocf_import_venture', '', true)")) {
                p.executeQuery().close();
            }
            return null;
        });
    }

    @Override
    public Optional<UUID> vestingPolicyLike(UUID ventureId, VestingPolicy schedule) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT id FROM vesting_policies
                     WHERE coalesce(cliff_months, 12) = ? AND coalesce(duration_months, 48) = ?
                       AND coalesce(frequency::text, 'monthly') = ?
                       AND (venture_id IS NULL OR venture_id = ?)
                     ORDER BY venture_id NULLS FIRST, name, id LIMIT 1""")) {
                p.setInt(1, schedule.cliffMonths());
                p.setInt(2, schedule.durationMonths());
                p.setString(3, schedule.frequency().code());
                p.setObject(4, ventureId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(r.getObject(1, UUID.class)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public UUID createVestingPolicy(VestingPolicy schedule) {
        UUID id = UUID.randomUUID();
        sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO vesting_policies (id, venture_id, name, cliff_months, duration_months, frequency)
                    VALUES (?, ?, ?, ?, ?, ?::vesting_frequency)""")) {
                p.setObject(1, id, Types.OTHER);
                p.setObject(2, schedule.ventureId(), Types.OTHER);
                p.setString(3, schedule.name());
                p.setInt(4, schedule.cliffMonths());
                p.setInt(5, schedule.durationMonths());
                p.setString(6, schedule.frequency().code());
                p.executeUpdate();
            }
            return null;
        });
        return id;
    }

    @Override
    public boolean close(UUID rowId, LocalDate effectiveTo) {
        return capTables.close(rowId, effectiveTo);
    }

    @Override
    public void insertRows(UUID ventureId, List<LedgerRow> rows) {
        capTables.insertAll(ventureId, rows);
    }

    @Override
    public Map<UUID, OcfExport.Person> people(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return sql(() -> {
            Map<UUID, OcfExport.Person> people = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, display_name, email FROM users WHERE id = ANY (?)")) {
                p.setArray(1, c.createArrayOf("uuid", userIds.toArray()));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        people.put(r.getObject(1, UUID.class), new OcfExport.Person(r.getString(2), r.getString(3)));
                    }
                }
            }
            return people;
        });
    }

    @Override
    public Map<UUID, VestingPolicy> vestingPolicies(Collection<UUID> ids) {
        return capTables.vestingPolicies(ids);
    }

    @Override
    public Optional<String> ownerCountry(UUID ventureId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT u.country_code FROM ventures v JOIN users u ON u.id = v.owner_user_id WHERE v.id = ?""")) {
                p.setObject(1, ventureId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() && r.getString(1) != null ? Optional.of(r.getString(1).strip().toUpperCase(Locale.ROOT)) : Optional.empty();
                }
            }
        });
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
