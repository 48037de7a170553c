package org.smartstart.backoffice.persistence.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What one demo-data run created, per table, in the order the tables were written. */
public record DemoDataSummary(Map<String, Integer> createdPerTable) {

    public DemoDataSummary {
        createdPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(createdPerTable));
    }

    public int total() {
        return createdPerTable.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean nothingChanged() {
        return total() == 0;
    }

    public int created(String table) {
        return createdPerTable.getOrDefault(table, 0);
    }

    /** One line per table with rows created, e.g. "users: 30". */
    public String describe() {
        if (nothingChanged()) {
            return "Demo data already present: nothing changed.";
        }
        return createdPerTable.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(System.lineSeparator(), "Demo data created (" + total() + " rows):" + System.lineSeparator(), ""));
    }
}
