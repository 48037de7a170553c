package org.smartstart.backoffice.persistence.kyc;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.dialect.PostgreSQLEnumJdbcType;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * The review workflow every KYC and KYB document shares (KY-1..KY-4, KY-7): status, decision, claim,
 * four-eyes approval and the evidence's hash. The two tables differ only in whose document it is.
 */
@MappedSuperclass
public abstract class ReviewedDocumentEntity {

    @Id
    @GeneratedValue
    @Column(name = "id", updatable = false)
    private UUID id;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(name = "status", columnDefinition = "doc_status")
    private DocStatus status = DocStatus.pending;

    @Column(name = "verifier", length = 255)
    private String verifier;

    @Column(name = "evidence_uri", length = 500)
    private String evidenceUri;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Version
    @Column(name = "version")
    private Integer version;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "evidence_sha256", length = 64)
    private String evidenceSha256;

    @Column(name = "original_filename", length = 255)
    private String originalFilename;

    @Column(name = "media_type", length = 100)
    private String mediaType;

    @Column(name = "reason_code", length = 64)
    private String reasonCode;

    @Column(name = "reviewer_comment", columnDefinition = "text")
    private String reviewerComment;

    @Column(name = "applicant_comment", columnDefinition = "text")
    private String applicantComment;

    @Column(name = "reviewed_by")
    private UUID reviewedBy;

    @Column(name = "rejection_final")
    private Boolean rejectionFinal;

    @Column(name = "claimed_by")
    private UUID claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "risk_score", nullable = false)
    private Integer riskScore = 1;

    @Column(name = "first_approved_by")
    private UUID firstApprovedBy;

    @Column(name = "second_approval_status", length = 16)
    private String secondApprovalStatus;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt = Instant.now();

    public UUID getId() {
        return id;
    }

    public DocStatus getStatus() {
        return status;
    }

    public void setStatus(DocStatus status) {
        this.status = status;
    }

    public String getVerifier() {
        return verifier;
    }

    public void setVerifier(String verifier) {
        this.verifier = verifier;
    }

    public String getEvidenceUri() {
        return evidenceUri;
    }

    public void setEvidenceUri(String evidenceUri) {
        this.evidenceUri = evidenceUri;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public void setVerifiedAt(Instant verifiedAt) {
        this.verifiedAt = verifiedAt;
    }

    public Integer getVersion() {
        return version;
    }

    public String getEvidenceSha256() {
        return evidenceSha256;
    }

    public void setEvidenceSha256(String evidenceSha256) {
        this.evidenceSha256 = evidenceSha256;
    }

    public String getOriginalFilename() {
        return originalFilename;
    }

    public void setOriginalFilename(String originalFilename) {
        this.originalFilename = originalFilename;
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public void setReasonCode(String reasonCode) {
        this.reasonCode = reasonCode;
    }

    public String getReviewerComment() {
        return reviewerComment;
    }

    public void setReviewerComment(String reviewerComment) {
        this.reviewerComment = reviewerComment;
    }

    public String getApplicantComment() {
        return applicantComment;
    }

    public void setApplicantComment(String applicantComment) {
        this.applicantComment = applicantComment;
    }

    public UUID getReviewedBy() {
        return reviewedBy;
    }

    public void setReviewedBy(UUID reviewedBy) {
        this.reviewedBy = reviewedBy;
    }

    public Boolean getRejectionFinal() {
        return rejectionFinal;
    }

    public void setRejectionFinal(Boolean rejectionFinal) {
        this.rejectionFinal = rejectionFinal;
    }

    public UUID getClaimedBy() {
        return claimedBy;
    }

    public void setClaimedBy(UUID claimedBy) {
        this.claimedBy = claimedBy;
    }

    public Instant getClaimedUntil() {
        return claimedUntil;
    }

    public void setClaimedUntil(Instant claimedUntil) {
        this.claimedUntil = claimedUntil;
    }

    public Integer getRiskScore() {
        return riskScore;
    }

    public void setRiskScore(Integer riskScore) {
        this.riskScore = riskScore;
    }

    public UUID getFirstApprovedBy() {
        return firstApprovedBy;
    }

    public void setFirstApprovedBy(UUID firstApprovedBy) {
        this.firstApprovedBy = firstApprovedBy;
    }

    public String getSecondApprovalStatus() {
        return secondApprovalStatus;
    }

    public void setSecondApprovalStatus(String secondApprovalStatus) {
        this.secondApprovalStatus = secondApprovalStatus;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public void setSubmittedAt(Instant submittedAt) {
        this.submittedAt = submittedAt;
    }

}
