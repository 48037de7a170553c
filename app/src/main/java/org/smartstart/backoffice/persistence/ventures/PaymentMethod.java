package org.smartstart.backoffice.persistence.ventures;

/**
 * The PostgreSQL enum type payment_method. Constants are spelled exactly like the database labels, because
 * Hibernate writes {@code name()} into the enum column; the domain has its own names.
 */
public enum PaymentMethod {
    card, ach, interac
}
