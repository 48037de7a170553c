package org.smartstart.backoffice.persistence.disputes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.dialect.PostgreSQLEnumJdbcType;
import org.hibernate.type.SqlTypes;
import org.smartstart.backoffice.persistence.ventures.VentureEntity;

import java.time.Instant;
import java.util.UUID;

/** Row of disputes: A dispute over a task, review, BUZ transaction or ledger row (DS-1..DS-4). */
@Entity
@Table(name = "disputes")
public class DisputeEntity {

    @Id
    @GeneratedValue
    @Column(name = "id", updatable = false)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "venture_id")
    private VentureEntity venture;

    @Column(name = "raised_by_user_id")
    private UUID raisedByUserId;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(name = "object_type", nullable = false, columnDefinition = "dispute_object_type")
    private DisputeObjectType objectType;

    @Column(name = "object_id", nullable = false)
    private UUID objectId;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(name = "status", columnDefinition = "dispute_status")
    private DisputeStatus status = DisputeStatus.open;

    @Column(name = "resolution", columnDefinition = "text")
    private String resolution;

    @Generated // stamped by the column default; read back after insert
    @Column(name = "created_at")
    private Instant createdAt;

    @Generated // stamped by the column default; read back after insert
    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    @Column(name = "version")
    private Integer version;

    @Column(name = "assigned_to")
    private UUID assignedTo;

    @Column(name = "decided_by")
    private UUID decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "appeal_count", nullable = false)
    private Integer appealCount = 0;

    @Generated // stamped by the column default; read back after insert
    @Column(name = "first_response_due_at", nullable = false)
    private Instant firstResponseDueAt;

    @Generated // stamped by the column default; read back after insert
    @Column(name = "resolution_due_at", nullable = false)
    private Instant resolutionDueAt;

    @Column(name = "first_responded_at")
    private Instant firstRespondedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "remedy")
    private String remedy;

    public UUID getId() {
        return id;
    }

    public VentureEntity getVenture() {
        return venture;
    }

    public void setVenture(VentureEntity venture) {
        this.venture = venture;
    }

    public UUID getRaisedByUserId() {
        return raisedByUserId;
    }

    public void setRaisedByUserId(UUID raisedByUserId) {
        this.raisedByUserId = raisedByUserId;
    }

    public DisputeObjectType getObjectType() {
        return objectType;
    }

    public void setObjectType(DisputeObjectType objectType) {
        this.objectType = objectType;
    }

    public UUID getObjectId() {
        return objectId;
    }

    public void setObjectId(UUID objectId) {
        this.objectId = objectId;
    }

    public DisputeStatus getStatus() {
        return status;
    }

    public void setStatus(DisputeStatus status) {
        this.status = status;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public Integer getVersion() {
        return version;
    }

    public UUID getAssignedTo() {
        return assignedTo;
    }

    public void setAssignedTo(UUID assignedTo) {
        this.assignedTo = assignedTo;
    }

    public UUID getDecidedBy() {
        return decidedBy;
    }

    public void setDecidedBy(UUID decidedBy) {
        this.decidedBy = decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public void setDecidedAt(Instant decidedAt) {
        this.decidedAt = decidedAt;
    }

    public Integer getAppealCount() {
        return appealCount;
    }

    public void setAppealCount(Integer appealCount) {
        this.appealCount = appealCount;
    }

    public Instant getFirstResponseDueAt() {
        return firstResponseDueAt;
    }

    public void setFirstResponseDueAt(Instant firstResponseDueAt) {
        this.firstResponseDueAt = firstResponseDueAt;
    }

    public Instant getResolutionDueAt() {
        return resolutionDueAt;
    }

    public void setResolutionDueAt(Instant resolutionDueAt) {
        this.resolutionDueAt = resolutionDueAt;
    }

    public Instant getFirstRespondedAt() {
        return firstRespondedAt;
    }

    public void setFirstRespondedAt(Instant firstRespondedAt) {
        this.firstRespondedAt = firstRespondedAt;
    }

    public String getRemedy() {
        return remedy;
    }

    public void setRemedy(String remedy) {
        this.remedy = remedy;
    }
}
