package org.smartstart.backoffice.persistence.ventures;

/**
 * The PostgreSQL enum type pricing_tier. Constants are spelled exactly like the database labels, because
 * Hibernate writes {@code name()} into the enum column; the domain has its own names.
 */
public enum PricingTier {
    t100, t129, t149
}
