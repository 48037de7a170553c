package org.smartstart.backoffice.persistence.identity;

/**
 * The PostgreSQL enum type role_name. Constants are spelled exactly like the database labels, because
 * Hibernate writes {@code name()} into the enum column; the domain has its own names.
 */
public enum RoleName {
    owner, contributor, reviewer, admin, compliance, support
}
