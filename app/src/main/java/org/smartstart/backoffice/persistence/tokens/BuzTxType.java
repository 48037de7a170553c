package org.smartstart.backoffice.persistence.tokens;

/**
 * The PostgreSQL enum type buz_tx_type. Constants are spelled exactly like the database labels, because
 * Hibernate writes {@code name()} into the enum column; the domain has its own names.
 */
public enum BuzTxType {
    earn, convert, redeem, lock, unlock
}
