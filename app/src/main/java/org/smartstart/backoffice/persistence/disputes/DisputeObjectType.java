package org.smartstart.backoffice.persistence.disputes;

/**
 * The PostgreSQL enum type dispute_object_type. Constants are spelled exactly like the database labels, because
 * Hibernate writes {@code name()} into the enum column; the domain has its own names.
 */
public enum DisputeObjectType {
    task, review, buz_tx, equity
}
