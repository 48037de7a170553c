package org.smartstart.backoffice.persistence.legalholds;

/**
 * The PostgreSQL enum type hold_scope. Constants are spelled exactly like the database labels, because
 * Hibernate writes {@code name()} into the enum column; the domain has its own names.
 */
public enum HoldScope {
    equity, buz, all
}
