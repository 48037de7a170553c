package org.smartstart.backoffice.persistence.work;

/**
 * The PostgreSQL enum type task_criticality. Constants are spelled exactly like the database labels, because
 * Hibernate writes {@code name()} into the enum column; the domain has its own names.
 */
public enum TaskCriticality {
    low, med, high, critical
}
