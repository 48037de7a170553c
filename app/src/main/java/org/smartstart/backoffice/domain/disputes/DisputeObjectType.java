package org.smartstart.backoffice.domain.disputes;

/** What a dispute is about (DS-2): a task, a review, a BUZ transaction or an equity ledger row. */
public enum DisputeObjectType {
    TASK("task"), REVIEW("review"), BUZ_TX("buz_tx"), EQUITY("equity");

    private final String code;

    DisputeObjectType(String code) {
        this.code = code;
    }

    /** The database's word (dispute_object_type). */
    public String code() {
        return code;
    }

    public static DisputeObjectType ofCode(String code) {
        for (DisputeObjectType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("No dispute object type " + code);
    }
}
