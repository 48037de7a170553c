package org.smartstart.backoffice.domain.ventures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One venture as the administration opens it: owner, region, status, the platform's (alice) equity cap
 * (EQ-3), its IT pack, billing account and invoices (read-only), active legal holds and KYB documents.
 * Codes are the database's (venture_status, venture_region, hold_scope, kyb_doc_type, doc_status); screens
 * word them.
 *
 * @param ownerId          null when the venture has no owner
 * @param itPack           null when none was provisioned
 * @param billing          null when the venture has no billing account
 * @param missingForActive the KYB document types KY-6 still needs before the venture may become active
 *                         (articles_of_inc, tax_id); empty when it may
 * @param archivedAt       set once archived (soft delete, VS-2); null otherwise
 */
public record VentureDetail(java.util.UUID id, String name, String region, String status, java.util.UUID ownerId,
                            String ownerName, String ownerKycStatus, BigDecimal aliceEquityCap, Instant createdAt,
                            Instant archivedAt, int version, ItPack itPack, Billing billing, List<Hold> activeHolds,
                            List<KybDocument> kybDocuments, List<String> missingForActive) {

    public VentureDetail {
        activeHolds = List.copyOf(activeHolds);
        kybDocuments = List.copyOf(kybDocuments);
        missingForActive = List.copyOf(missingForActive);
    }

    public boolean archived() {
        return archivedAt != null;
    }

    /** The IT pack: the venture's tenant, mailbox, code and hosting, and where its provisioning stands. */
    public record ItPack(String status, String m365TenantId, String emailAddress, String githubOrg, String renderServiceId,
                         String backupPolicyId, Instant provisionedAt) {
    }

    /** The billing account with its invoices, newest first. */
    public record Billing(java.util.UUID id, String pricingTier, String paymentMethod, String status, Instant nextInvoiceAt,
                          List<Invoice> invoices) {
        public Billing {
            invoices = List.copyOf(invoices);
        }
    }

    public record Invoice(java.util.UUID id, LocalDate periodStart, LocalDate periodEnd, BigDecimal amountDue, String currency,
                          String status, Instant issuedAt, Instant dueAt) {
    }

    /** An unreleased legal hold (LH-1): what it applies to (equity, buz, all), since when and why. */
    public record Hold(java.util.UUID id, String appliesTo, String reason, Instant imposedAt) {
    }

    /** A KYB document of the venture with its review status (pending, verified, rejected). */
    public record KybDocument(java.util.UUID id, String docType, String status, String originalFilename, Instant submittedAt,
                              Instant verifiedAt) {
    }
}
