package org.smartstart.backoffice.persistence.work;

/**
 * The PostgreSQL enum type contract_type. Constants are spelled exactly like the database labels, because
 * Hibernate writes {@code name()} into the enum column; the domain has its own names.
 */
public enum ContractType {
    founder_agreement, contributor, ip, nda, equity_split
}
