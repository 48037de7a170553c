package org.smartstart.backoffice.persistence.work;

/**
 * The PostgreSQL enum type task_type. Constants are spelled exactly like the database labels, because
 * Hibernate writes {@code name()} into the enum column; the domain has its own names.
 */
public enum TaskType {
    code, design, ops, bizdev, security, legal, finance, product
}
