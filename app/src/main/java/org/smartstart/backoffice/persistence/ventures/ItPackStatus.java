package org.smartstart.backoffice.persistence.ventures;

/**
 * The PostgreSQL enum type it_pack_status. Constants are spelled exactly like the database labels, because
 * Hibernate writes {@code name()} into the enum column; the domain has its own names.
 */
public enum ItPackStatus {
    pending, active, suspended
}
