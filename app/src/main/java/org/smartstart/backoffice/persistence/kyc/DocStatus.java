package org.smartstart.backoffice.persistence.kyc;

/**
 * The PostgreSQL enum type doc_status. Constants are spelled exactly like the database labels, because
 * Hibernate writes {@code name()} into the enum column; the domain has its own names.
 */
public enum DocStatus {
    pending, verified, rejected
}
