package org.smartstart.backoffice.persistence.db;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A business rule the database refused, as raised by our triggers: SQLSTATE {@code SS} + family letter +
 * rule number (SSE01 = EQ-1), message {@code "EQ-1: On 2026-03-01 the cap table of Acme totals ..."}.
 * The message is the server's sentence only, without "ERROR: " and without PostgreSQL's "Where:" context,
 * so a screen can show it as it is.
 */
public record RuleViolation(String ruleId, String sqlState, String message) {

    private static final Pattern RULE_PREFIX = Pattern.compile("^([A-Z]{2}-\\d+):");
    private static final Pattern RULE_STATE = Pattern.compile("^SS([A-Z])(\\d{2})$");
    private static final Map<Character, String> FAMILIES = Map.of(
            'E', "EQ", 'B', "BZ", 'K', "KY", 'G', "LG", 'H', "LH", 'D', "DS", 'A', "AU", 'I', "ID");

    /** The first rule refusal among {@code failure} and its causes (Hibernate and Spring wrap them deeply). */
    public static Optional<RuleViolation> from(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("SS")) {
                String message = serverMessage(sql);
                return Optional.of(new RuleViolation(ruleId(message, sql.getSQLState()), sql.getSQLState(), message));
            }
        }
        return Optional.empty();
    }

    private static String serverMessage(SQLException sql) {
        if (sql instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                return server.getMessage();
            }
        }
        String text = sql.getMessage() == null ? "" : sql.getMessage();
        if (text.startsWith("ERROR: ")) {
            text = text.substring("ERROR: ".length());
        }
        int context = text.indexOf('\n');
        return (context >= 0 ? text.substring(0, context) : text).strip();
    }

    private static String ruleId(String message, String sqlState) {
        Matcher prefix = RULE_PREFIX.matcher(message);
        if (prefix.find()) {
            return prefix.group(1);
        }
        // A refusal without the conventional prefix still names its rule through the SQLSTATE.
        Matcher state = RULE_STATE.matcher(sqlState);
        if (state.matches() && FAMILIES.containsKey(state.group(1).charAt(0))) {
            return FAMILIES.get(state.group(1).charAt(0)) + "-" + Integer.parseInt(state.group(2));
        }
        return sqlState;
    }
}
