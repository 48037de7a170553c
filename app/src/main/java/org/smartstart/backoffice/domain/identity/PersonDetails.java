package org.smartstart.backoffice.domain.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What administration reads about a person beyond the profile, all read-only: their KYC documents with
 * the decisions taken on them (KY-1), the posture of their devices, their skills, the badges their record
 * earns, and their sign-in history from the audit trail (ID-4), newest first.
 */
public record PersonDetails(UUID userId, List<KycDocument> kycDocuments, List<Device> devices, List<Skill> skills,
                            List<Badge> badges, List<LoginEvent> logins) {

    /** At most this many sign-in entries, newest first. */
    public static final int LOGIN_HISTORY = 50;

    public PersonDetails {
        kycDocuments = List.copyOf(kycDocuments);
        devices = List.copyOf(devices);
        skills = List.copyOf(skills);
        badges = List.copyOf(badges);
        logins = List.copyOf(logins);
    }

    /**
     * One KYC document and its latest decision (KY-1).
     *
     * @param rejectionFinal for a rejection: true when final, false when the person may resubmit; null otherwise
     */
    public record KycDocument(UUID id, String docType, String status, Instant submittedAt, String originalFilename,
                              String mediaType, String sha256, int riskScore, Instant decidedAt, String reviewerName,
                              String reasonCode, String reviewerComment, String applicantComment, Boolean rejectionFinal) {
    }

    /** A device's last posture report: compliant when the disk is encrypted and the antivirus healthy. */
    public record Device(UUID id, String deviceId, String os, boolean encryptedDisk, String avStatus, Instant lastSeenAt,
                         boolean compliant) {
    }

    public record Skill(String slug, String name, String category, String level, boolean verified, String verifierName) {
    }

    /** A badge whose criteria the person's record meets. */
    public record Badge(String slug, String name) {
    }

    /**
     * One sign-in related audit entry: LOGIN_SUCCEEDED, LOGIN_FAILED, ACCOUNT_LOCKED or LOGGED_OUT.
     *
     * @param detail why it failed ("wrong_password", "locked", …) or "temporary password" for a sign-in that
     *               must change it; null when there is nothing more to say
     */
    public record LoginEvent(Instant at, String action, String clientHost, String userAgent, String detail) {
    }
}
