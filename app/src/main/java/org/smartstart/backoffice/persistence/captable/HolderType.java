package org.smartstart.backoffice.persistence.captable;

/**
 * The PostgreSQL enum type holder_type. Constants are spelled exactly like the database labels, because
 * Hibernate writes {@code name()} into the enum column; the domain has its own names.
 */
public enum HolderType {
    user, alice
}
