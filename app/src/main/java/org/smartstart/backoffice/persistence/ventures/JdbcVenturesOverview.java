package org.smartstart.backoffice.persistence.ventures;

import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.domain.ventures.VenturesOverviewQuery;
import org.smartstart.backoffice.persistence.db.Transactions;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The ventures overview in one query, as the acting user (row-level security decides what they see).
 * Soft-deleted ventures (archived_at set) are left out; a venture whose status is 'archived' is shown.
 */
public final class JdbcVenturesOverview implements VenturesOverviewQuery {

    private static final String SQL = """
            SELECT v.id, v.name, v.region::text AS region, coalesce(v.status::text, 'draft') AS status,
                   u.display_name AS owner, v.created_at,
                   coalesce(array_agg(DISTINCT h.applies_to::text ORDER BY h.applies_to::text)
                            FILTER (WHERE h.id IS NOT NULL), '{}') AS holds
              FROM ventures v
              LEFT JOIN users u ON u.id = v.owner_user_id
              LEFT JOIN legal_holds h ON h.venture_id = v.id AND h.released_at IS NULL
             WHERE v.archived_at IS NULL
             GROUP BY v.id, u.display_name
             ORDER BY lower(v.name)""";

    private final Transactions transactions;

    public JdbcVenturesOverview(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<VentureOverview> list(UUID actingUser) {
        try {
            return transactions.inTransaction(actingUser, c -> {
                List<VentureOverview> rows = new ArrayList<>();
                try (PreparedStatement p = c.prepareStatement(SQL); ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        Array holds = r.getArray("holds");
                        Timestamp created = r.getTimestamp("created_at");
                        rows.add(new VentureOverview(r.getObject("id", UUID.class), r.getString("name"),
                                r.getString("region"), r.getString("status"), r.getString("owner"),
                                Arrays.asList((String[]) holds.getArray()),
                                created == null ? null : created.toInstant()));
                    }
                }
                return rows;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("The ventures could not be read: " + e.getMessage(), e);
        }
    }
}
