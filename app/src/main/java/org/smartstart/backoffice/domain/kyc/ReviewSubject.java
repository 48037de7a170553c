package org.smartstart.backoffice.domain.kyc;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Whom a document is about, as the reviewer sees it beside the document: for KYC the applicant (country,
 * trust score, KYC status, devices), for KYB the venture (status, owner); and the subject's other documents
 * with their decisions.
 *
 * @param country       the applicant's (KYC) or the owner's (KYB) country, ISO 3166 alpha-2, or null
 * @param trustScore    the applicant's trust score 0..100 (KYC), or null
 * @param kycStatus     the applicant's (KYC) or the owner's (KYB) derived KYC status (KY-2)
 * @param ventureStatus the venture's status (KYB), or null
 * @param devices       the applicant's devices, latest report first (KYC; empty for KYB)
 */
public record ReviewSubject(DocumentKind kind, UUID subjectId, String name, String country, BigDecimal trustScore,
                            String kycStatus, String ventureStatus, UUID ownerId, String ownerName,
                            List<DevicePosture> devices, List<RelatedDocument> otherDocuments) {
    public ReviewSubject {
        devices = List.copyOf(devices);
        otherDocuments = List.copyOf(otherDocuments);
    }

    /** Devices whose latest report is not compliant. */
    public long nonCompliantDevices() {
        return devices.stream().filter(d -> !d.compliant()).count();
    }
}
