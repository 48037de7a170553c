package org.smartstart.backoffice.persistence.kyc;

/**
 * The PostgreSQL enum type kyb_doc_type. Constants are spelled exactly like the database labels, because
 * Hibernate writes {@code name()} into the enum column; the domain has its own names.
 */
public enum KybDocType {
    articles_of_inc, incumbency, bank_letter, tax_id
}
