package org.smartstart.backoffice.persistence.captable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartstart.backoffice.domain.captable.CapTableStore;
import org.smartstart.backoffice.domain.captable.ConversionFacts;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.HolderCandidate;
import org.smartstart.backoffice.domain.captable.HolderType;
import org.smartstart.backoffice.domain.captable.IssuanceRule;
import org.smartstart.backoffice.domain.captable.LedgerChangeRecord;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.VentureFacts;
import org.smartstart.backoffice.domain.captable.VestingFrequency;
import org.smartstart.backoffice.domain.captable.VestingPolicy;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.smartstart.backoffice.persistence.db.StoreSql.sql;

/**
 * The cap table store on the use case's JDBC connection (the same transaction as Hibernate's): plain
 * set-based SQL, since the use cases work on whole ledgers, not on entity graphs. A database refusal
 * travels up as an unchecked exception carrying the SQLException, which the use-case runner maps to the
 * same rule id the domain uses.
 */
public final class JdbcCapTableStore implements CapTableStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection c;

    public JdbcCapTableStore(Connection c) {
        this.c = c;
    }

    @Override
    public Optional<VentureFacts> venture(UUID ventureId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT v.name, v.owner_user_id, v.alice_equity_cap,
                           coalesce(array_agg(DISTINCT h.applies_to::text) FILTER (WHERE h.id IS NOT NULL), '{}') AS holds
                      FROM ventures v
                      LEFT JOIN legal_holds h ON h.venture_id = v.id AND h.released_at IS NULL
                     WHERE v.id = ? AND v.archived_at IS NULL
                     GROUP BY v.id""")) {
                p.setObject(1, ventureId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    Array holds = r.getArray("holds");
                    return Optional.of(new VentureFacts(ventureId, r.getString("name"), r.getObject("owner_user_id", UUID.class),
                            r.getBigDecimal("alice_equity_cap"), Arrays.asList((String[]) holds.getArray())));
                }
            }
        });
    }

    @Override
    public void lockCapTable(UUID ventureId) {
        sql(() -> {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM ventures WHERE id = ? FOR NO KEY UPDATE")) {
                p.setObject(1, ventureId, Types.OTHER);
                p.executeQuery().close();
            }
            return null;
        });
    }

    @Override
    public List<LedgerRow> ledger(UUID ventureId) {
        // Through cap_table_ledger (V18): row-level security asked once per read, not once per row.
        return rows("SELECT * FROM cap_table_ledger(?)", ventureId, null);
    }

    @Override
    public List<LedgerRow> ledgerOn(UUID ventureId, LocalDate day) {
        return rows("SELECT * FROM cap_table_rows_on(?, ?)", ventureId, day);
    }

    @Override
    public List<LedgerRow> ledgerFrom(UUID ventureId, LocalDate from, Collection<UUID> rowIds) {
        return rows("SELECT * FROM cap_table_ledger_from(?, ?, ?)", ventureId, from, rowIds);
    }

    @Override
    public Optional<DayRead> capTableDay(UUID ventureId, LocalDate day) {
        // One statement (cap_table_of_day, V30, SECURITY INVOKER) instead of five: the venture with its holds and
        // the digest on the first row, then the day's rows with their holders' names and vesting terms.
        // The change dates change only with the revision (EQ-5: a row's dates are never rewritten, only closed):
        // given the revision whose dates were read last for this venture of this database, the statement leaves
        // them out while it is still that one.
        KnownDays known = knownDays;
        return sql(() -> {
            String database = c.getMetaData().getURL();
            String knownRevision = known.venture().equals(ventureId) && known.database().equals(database) ? known.revision() : null;
            try (PreparedStatement p = c.prepareStatement("SELECT * FROM cap_table_of_day(?, ?, ?)")) {
                p.setObject(1, ventureId, Types.OTHER);
                p.setObject(2, day);
                p.setString(3, knownRevision);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    String holds = r.getString(4);
                    VentureFacts venture = new VentureFacts(ventureId, r.getString(1), r.getObject(2, UUID.class),
                            r.getBigDecimal(3), holds == null || holds.isEmpty() ? List.of() : Arrays.asList(holds.split(",")));
                    String revision = r.getString(5);
                    String dates = r.getString(6);
                    List<LocalDate> changeDates;
                    if (dates != null) {
                        changeDates = isoDays(dates);
                        knownDays = new KnownDays(database, ventureId, revision, changeDates);
                    } else if (revision.equals(knownRevision)) {
                        changeDates = known.days();
                    } else {
                        throw new IllegalStateException("cap_table_of_day left out the change dates of revision " + revision
                                + " of venture " + ventureId + ", which were not asked to be left out");
                    }
                    LedgerDigest digest = new LedgerDigest(revision, changeDates);
                    List<LedgerRow> rows = new ArrayList<>();
                    Map<UUID, String> names = new HashMap<>();
                    Map<UUID, VestingPolicy> policies = new HashMap<>();
                    while (r.next()) {
                        UUID holderId = r.getObject(9, UUID.class);
                        UUID policyId = r.getObject(13, UUID.class);
                        rows.add(new LedgerRow(r.getObject(7, UUID.class), new Holder(HolderType.ofCode(r.getString(8)), holderId),
                                r.getBigDecimal(10), day(r, 11), day(r, 12), policyId, null, null));
                        String name = r.getString(14);
                        if (holderId != null && name != null) {
                            names.put(holderId, name);
                        }
                        if (policyId != null && !policies.containsKey(policyId)) {
                            String frequency = r.getString(19);
                            if (frequency != null) { // NULL terms: the policy is not there for this user
                                policies.put(policyId, new VestingPolicy(policyId, r.getObject(15, UUID.class), r.getString(16),
                                        r.getInt(17), r.getInt(18), VestingFrequency.ofCode(frequency)));
                            }
                        }
                    }
                    return Optional.of(new DayRead(venture, rows, names, policies, digest));
                }
            }
        });
    }

    private List<LedgerRow> rows(String query, UUID ventureId, LocalDate day) {
        return rows(query, ventureId, day, null);
    }

    private List<LedgerRow> rows(String query, UUID ventureId, LocalDate day, Collection<UUID> ids) {
        return sql(() -> {
            List<LedgerRow> rows = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(query)) {
                p.setObject(1, ventureId, Types.OTHER);
                if (day != null) {
                    p.setObject(2, day);
                }
                if (ids != null) {
                    p.setArray(3, c.createArrayOf("uuid", ids.toArray()));
                }
                try (ResultSet r = p.executeQuery()) {
                    // Dates as LocalDate and columns by position: java.sql.Date goes through a Calendar per value,
                    // which was a fifth of a one-date read's Java time (JFR, 500 rows).
                    int id = r.findColumn("id"), type = r.findColumn("holder_type"), holder = r.findColumn("holder_id"),
                            percent = r.findColumn("percent"), from = r.findColumn("effective_from"),
                            to = r.findColumn("effective_to"), policy = r.findColumn("vesting_policy_id"),
                            createdAt = r.findColumn("created_at"), createdBy = r.findColumn("created_by");
                    while (r.next()) {
                        OffsetDateTime created = r.getObject(createdAt, OffsetDateTime.class);
                        rows.add(new LedgerRow(r.getObject(id, UUID.class),
                                new Holder(HolderType.ofCode(r.getString(type)), r.getObject(holder, UUID.class)),
                                r.getBigDecimal(percent), r.getObject(from, LocalDate.class), r.getObject(to, LocalDate.class),
                                r.getObject(policy, UUID.class), created == null ? null : created.toInstant(),
                                r.getObject(createdBy, UUID.class)));
                    }
                }
            }
            return rows;
        });
    }

    @Override
    public LedgerDigest ledgerDigest(UUID ventureId) {
        return sql(() -> {
            // The change dates as one text of ISO dates (pgjdbc opens every connection with DateStyle ISO) rather
            // than a date[]: the driver decodes each array element through a Calendar, which was a fifth of a
            // one-date read's Java time at 951 dates (JFR).
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT revision, array_to_string(change_dates, ',') FROM cap_table_digest(?)")) {
                p.setObject(1, ventureId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return new LedgerDigest(r.getString(1), isoDays(r.getString(2)));
                }
            }
        });
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return sql(() -> {
            Map<UUID, String> names = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, display_name FROM users WHERE id = ANY (?)")) {
                p.setArray(1, c.createArrayOf("uuid", userIds.toArray()));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        names.put(r.getObject(1, UUID.class), r.getString(2));
                    }
                }
            }
            return names;
        });
    }

    @Override
    public Map<UUID, VestingPolicy> vestingPolicies(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return sql(() -> {
            Map<UUID, VestingPolicy> policies = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + POLICY_COLUMNS + " FROM vesting_policies WHERE id = ANY (?)")) {
                p.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        VestingPolicy policy = policy(r);
                        policies.put(policy.id(), policy);
                    }
                }
            }
            return policies;
        });
    }

    /** The seed's defaults (12/48/monthly) stand in for terms a template row leaves NULL. */
    private static final String POLICY_COLUMNS = """
            id, venture_id, name, coalesce(cliff_months, 12) AS cliff, coalesce(duration_months, 48) AS duration,
            coalesce(frequency::text, 'monthly') AS frequency""";

    private static VestingPolicy policy(ResultSet r) throws SQLException {
        return new VestingPolicy(r.getObject("id", UUID.class), r.getObject("venture_id", UUID.class), r.getString("name"),
                r.getInt("cliff"), r.getInt("duration"), VestingFrequency.ofCode(r.getString("frequency")));
    }

    @Override
    public List<VestingPolicy> vestingPoliciesOf(UUID ventureId) {
        return sql(() -> {
            List<VestingPolicy> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + POLICY_COLUMNS + """
                     FROM vesting_policies WHERE venture_id IS NULL OR venture_id = ?
                    ORDER BY venture_id IS NOT NULL, lower(name), id""")) {
                p.setObject(1, ventureId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(policy(r));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void insertVestingPolicy(VestingPolicy policy, Instant at, UUID createdBy) {
        sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO vesting_policies (id, venture_id, name, cliff_months, duration_months, frequency, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?::vesting_frequency, ?, ?)""")) {
                p.setObject(1, policy.id(), Types.OTHER);
                p.setObject(2, policy.ventureId(), Types.OTHER);
                p.setString(3, policy.name());
                p.setInt(4, policy.cliffMonths());
                p.setInt(5, policy.durationMonths());
                p.setString(6, policy.frequency().code());
                p.setObject(7, utc(at));
                p.setObject(8, createdBy, Types.OTHER);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean renameVestingPolicy(UUID ventureId, UUID policyId, String name) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE vesting_policies SET name = ? WHERE id = ? AND venture_id = ?")) {
                p.setString(1, name);
                p.setObject(2, policyId, Types.OTHER);
                p.setObject(3, ventureId, Types.OTHER);
                return p.executeUpdate() == 1;
            }
        });
    }

    /** The ledger's own actions; each records the rows it closed ("before") and the rows as they are after it ("after"). */
    private static final String LEDGER_ACTIONS = "'EQUITY_CHANGE', 'BUZ_CONVERTED', 'VESTING_ATTACHED'";

    @Override
    public List<LedgerChangeRecord> ledgerHistory(UUID ventureId) {
        return sql(() -> {
            List<LedgerChangeRecord> out = new ArrayList<>();
            // A row of "after" that is not in "before" was written by the change; every row of "before" was closed.
            // The demo data's entries word the same as "added" and "closed" lists of {"row": id}.
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT e.id, e.seq, e.tx_hash, e.ts, e.actor_user_id, u.display_name, e.action, e.object_type, e.object_id,
                           coalesce(e.data ->> 'description', ''),
                           ARRAY(SELECT (a ->> 'id')::uuid FROM jsonb_array_elements(coalesce(e.data -> 'after', '[]')) a
                                  WHERE NOT coalesce(e.data -> 'before', '[]') @> jsonb_build_array(jsonb_build_object('id', a ->> 'id'))
                                 UNION ALL
                                 SELECT (a ->> 'row')::uuid FROM jsonb_array_elements(coalesce(e.data -> 'added', '[]')) a),
                           ARRAY(SELECT (b ->> 'id')::uuid FROM jsonb_array_elements(coalesce(e.data -> 'before', '[]')) b
                                 UNION ALL
                                 SELECT (b ->> 'row')::uuid FROM jsonb_array_elements(coalesce(e.data -> 'closed', '[]')) b)
                      FROM (SELECT id, seq, tx_hash, ts, actor_user_id, action, object_type, object_id, data
                              FROM audit_log WHERE venture_id = ? AND action IN (%1$s)
                            UNION ALL
                            SELECT id, NULL, NULL, ts, actor_user_id, action, object_type, object_id, data
                              FROM audit_outbox WHERE venture_id = ? AND action IN (%1$s)) e
                      LEFT JOIN users u ON u.id = e.actor_user_id
                     ORDER BY e.seq DESC NULLS FIRST, e.ts DESC""".formatted(LEDGER_ACTIONS))) {
                p.setObject(1, ventureId, Types.OTHER);
                p.setObject(2, ventureId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        long seq = r.getLong(2);
                        Long sealedSeq = r.wasNull() ? null : seq;
                        Timestamp ts = r.getTimestamp(4);
                        out.add(new LedgerChangeRecord(r.getObject(1, UUID.class), sealedSeq, r.getString(3),
                                ts == null ? null : ts.toInstant(), r.getObject(5, UUID.class), r.getString(6), r.getString(7),
                                r.getString(8), r.getObject(9, UUID.class), r.getString(10),
                                Arrays.asList((UUID[]) r.getArray(11).getArray()), Arrays.asList((UUID[]) r.getArray(12).getArray())));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<HolderCandidate> holderCandidates(String exactEmail, String namePrefix, int limit) {
        return sql(() -> {
            List<HolderCandidate> out = new ArrayList<>();
            // The search's own % and _ are escaped: a name prefix is text, never a pattern the owner could widen.
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT id, display_name, coalesce(kyc_status::text, 'pending')
                      FROM users
                     WHERE archived_at IS NULL
                       AND (lower(email) = lower(?) OR lower(display_name) LIKE lower(?) ESCAPE '\\')
                     ORDER BY lower(display_name), id
                     LIMIT ?""")) {
                p.setString(1, exactEmail);
                p.setString(2, namePrefix == null ? null
                        : namePrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                p.setInt(3, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new HolderCandidate(r.getObject(1, UUID.class), r.getString(2), r.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean close(UUID rowId, LocalDate effectiveTo) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE equity_ledger SET effective_to = ?, version = version + 1 WHERE id = ? AND effective_to IS NULL")) {
                p.setObject(1, effectiveTo);
                p.setObject(2, rowId, Types.OTHER);
                return p.executeUpdate() == 1;
            }
        });
    }

    private static final String INSERT_ROW = """
            INSERT INTO equity_ledger (id, venture_id, holder_type, holder_id, percent, vesting_policy_id,
                                       effective_from, effective_to, created_at, created_by)
            VALUES (?, ?, ?::holder_type, ?, ?, ?, ?, ?, ?, ?)""";

    @Override
    public void insert(UUID ventureId, LedgerRow row) {
        sql(() -> {
            try (PreparedStatement p = c.prepareStatement(INSERT_ROW)) {
                bindRow(p, ventureId, row);
                p.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Many rows (an import), {@value #CHUNK} per statement: one INSERT of the unnested columns, so the ledger's
     * statement triggers (the kept revision and change dates, V26) run once per chunk, while its row
     * triggers check each row as for {@link #insert}.
     */
    public void insertAll(UUID ventureId, List<LedgerRow> rows) {
        // One INSERT ... SELECT over arrays per chunk instead of a statement per row: the row triggers
        // (EQ-4/5/7, ID-3, EQ-6) and the deferred commit-time checks still see and judge every row.
        sql(() -> {
            try (PreparedStatement p = c.prepareStatement(INSERT_ROWS)) {
                for (int from = 0; from < rows.size(); from += CHUNK) {
                    List<LedgerRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                    int n = chunk.size();
                    String[] id = new String[n];
                    String[] type = new String[n];
                    String[] holder = new String[n];
                    String[] percent = new String[n];
                    String[] policy = new String[n];
                    String[] effectiveFrom = new String[n];
                    String[] effectiveTo = new String[n];
                    String[] createdAt = new String[n];
                    String[] createdBy = new String[n];
                    for (int i = 0; i < n; i++) {
                        LedgerRow row = chunk.get(i);
                        id[i] = text(row.id());
                        type[i] = row.holder().type().code();
                        holder[i] = text(row.holder().userId());
                        percent[i] = row.percent() == null ? null : row.percent().toPlainString();
                        policy[i] = text(row.vestingPolicyId());
                        effectiveFrom[i] = text(row.effectiveFrom());
                        effectiveTo[i] = text(row.effectiveTo());
                        createdAt[i] = row.createdAt() == null ? null : utc(row.createdAt()).toString();
                        createdBy[i] = text(row.createdBy());
                    }
                    p.setObject(1, ventureId, Types.OTHER);
                    int k = 2;
                    for (String[] column : List.of(id, type, holder, percent, policy, effectiveFrom, effectiveTo, createdAt, createdBy)) {
                        p.setArray(k++, c.createArrayOf("text", column));
                    }
                    p.executeUpdate();
                }
            }
            return null;
        });
    }

    private static final int CHUNK = 5000;

    private static final String INSERT_ROWS = """
            INSERT INTO equity_ledger (id, venture_id, holder_type, holder_id, percent, vesting_policy_id,
                                       effective_from, effective_to, created_at, created_by)
            SELECT r.id::uuid, ?, r.holder_type::holder_type, r.holder_id::uuid, r.percent::numeric, r.policy::uuid,
                   r.effective_from::date, r.effective_to::date, r.created_at::timestamptz, r.created_by::uuid
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                   WITH ORDINALITY AS r(id, holder_type, holder_id, percent, policy, effective_from, effective_to, created_at,
                                        created_by, ord)
             ORDER BY r.ord""";

    /**
     * A date column: an ordinary YYYY-MM-DD parsed by hand (the driver's text path builds a Calendar per value,
     * JFR), anything else (infinity, BC, beyond year 9999) as the driver reads it.
     */
    private static LocalDate day(ResultSet r, int column) throws SQLException {
        String text = r.getString(column);
        if (text == null) {
            return null;
        }
        return text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-' ? isoDay(text) : r.getObject(column, LocalDate.class);
    }

    /** The change dates of the venture read last, with their revision (whose rows they come from). */
    private static volatile KnownDays knownDays = new KnownDays("", new UUID(0, 0), "", List.of());

    private record KnownDays(String database, UUID venture, String revision, List<LocalDate> days) {
    }

    /** The last change dates read, by their text: every read of a ledger that did not change gets the same list. */
    private static volatile ParsedDays lastDays = new ParsedDays("", List.of());

    private record ParsedDays(String text, List<LocalDate> days) {
    }

    /**
     * Comma-separated ISO days (array_to_string of a date[]), in their order, as an unmodifiable list. The
     * same text as the previous call's (the usual case: the ledger did not change between two dates viewed)
     * gives the previous list instead of 951 dates parsed again; the list depends on the text only.
     */
    static List<LocalDate> isoDays(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        ParsedDays last = lastDays;
        if (last.text().equals(text)) {
            return last.days();
        }
        List<LocalDate> dates = new ArrayList<>(text.length() / 11 + 1);
        int from = 0;
        while (true) {
            int comma = text.indexOf(',', from);
            int end = comma < 0 ? text.length() : comma;
            dates.add(end - from == 10 ? isoDay(text, from) : isoDay(text.substring(from, end)));
            if (comma < 0) {
                break;
            }
            from = comma + 1;
        }
        List<LocalDate> days = List.copyOf(dates);
        lastDays = new ParsedDays(text, days);
        return days;
    }

    /** The ten characters from {@code at}, as {@link #isoDay(String)} reads them, without cutting them out first. */
    private static LocalDate isoDay(String text, int at) {
        if (text.charAt(at + 4) != '-' || text.charAt(at + 7) != '-') {
            return isoDay(text.substring(at, at + 10));
        }
        return LocalDate.of(Integer.parseInt(text, at, at + 4, 10), Integer.parseInt(text, at + 5, at + 7, 10),
                Integer.parseInt(text, at + 8, at + 10, 10));
    }

    /** YYYY-MM-DD without the general formatter (a fifth of the remaining Java time of a one-date read, JFR). */
    static LocalDate isoDay(String day) {
        if (day.length() != 10 || day.charAt(4) != '-' || day.charAt(7) != '-') {
            return LocalDate.parse(day);
        }
        return LocalDate.of(Integer.parseInt(day, 0, 4, 10), Integer.parseInt(day, 5, 7, 10), Integer.parseInt(day, 8, 10, 10));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void bindRow(PreparedStatement p, UUID ventureId, LedgerRow row) throws SQLException {
        p.setObject(1, row.id(), Types.OTHER);
        p.setObject(2, ventureId, Types.OTHER);
        p.setString(3, row.holder().type().code());
        p.setObject(4, row.holder().userId(), Types.OTHER);
        p.setBigDecimal(5, row.percent());
        p.setObject(6, row.vestingPolicyId(), Types.OTHER);
        p.setObject(7, row.effectiveFrom());
        p.setObject(8, row.effectiveTo(), Types.DATE);
        p.setObject(9, utc(row.createdAt()));
        p.setObject(10, row.createdBy(), Types.OTHER);
    }

    @Override
    public Optional<IssuanceRule> currentIssuanceRule(UUID ventureId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT id, monthly_issue_cap, conversion_band_min, conversion_band_max, coalesce(board_approved, false), created_at
                      FROM buz_issuance_rules WHERE venture_id = ? AND replaced_at IS NULL""")) {
                p.setObject(1, ventureId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    Timestamp created = r.getTimestamp(6);
                    return Optional.of(new IssuanceRule(r.getObject(1, UUID.class), r.getLong(2), r.getBigDecimal(3),
                            r.getBigDecimal(4), r.getBoolean(5), created == null ? null : created.toInstant()));
                }
            }
        });
    }

    @Override
    public Optional<ConversionFacts.Person> person(UUID userId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT display_name, coalesce(kyc_status::text, 'pending') FROM users WHERE id = ? AND archived_at IS NULL")) {
                p.setObject(1, userId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new ConversionFacts.Person(userId, r.getString(1), r.getString(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<ConversionFacts.Wallet> wallet(UUID userId) {
        return sql(() -> ConversionWallet.of(c, userId));
    }

    @Override
    public Optional<ConversionFacts.Debit> debitForConversion(ConversionFacts.Wallet wallet, UUID ventureId, long amount, Instant at) {
        return sql(() -> ConversionWallet.debit(c, wallet, ventureId, amount, at));
    }

    @Override
    public void insertConversion(UUID conversionId, UUID ventureId, UUID userId, long buzSpent, BigDecimal equityPercent,
                                 LocalDate effectiveOn, Map<String, Object> policySnapshot, Instant at) {
        sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO equity_conversions (id, venture_id, user_id, buz_spent, equity_percent_granted, effective_date,
                                                    policy_snapshot, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")) {
                p.setObject(1, conversionId, Types.OTHER);
                p.setObject(2, ventureId, Types.OTHER);
                p.setObject(3, userId, Types.OTHER);
                p.setLong(4, buzSpent);
                p.setBigDecimal(5, equityPercent);
                p.setObject(6, effectiveOn);
                p.setString(7, json(policySnapshot));
                p.setObject(8, utc(at));
                p.executeUpdate();
            }
            return null;
        });
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static String json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The conversion's policy snapshot cannot be written as JSON", e);
        }
    }
}
