package org.smartstart.backoffice.persistence.kyc;

/**
 * The PostgreSQL enum type kyc_doc_type. Constants are spelled exactly like the database labels, because
 * Hibernate writes {@code name()} into the enum column; the domain has its own names.
 */
public enum KycDocType {
    passport, id_card, drivers_license, proof_of_address
}
