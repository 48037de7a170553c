package org.smartstart.backoffice.persistence.identity;

/**
 * The PostgreSQL enum type kyc_status. Constants are spelled exactly like the database labels, because
 * Hibernate writes {@code name()} into the enum column; the domain has its own names.
 */
public enum KycStatus {
    pending, verified, rejected
}
