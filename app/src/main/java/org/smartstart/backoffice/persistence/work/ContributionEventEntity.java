package org.smartstart.backoffice.persistence.work;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;
import org.smartstart.backoffice.persistence.identity.UserEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Row of contribution_events: The scored outcome of a task for one contributor and the BUZ it awarded. */
@Entity
@Table(name = "contribution_events")
public class ContributionEventEntity {

    @Id
    @GeneratedValue
    @Column(name = "id", updatable = false)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "task_id")
    private TaskEntity task;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private UserEntity user;

    @Column(name = "impact", nullable = false, precision = 6, scale = 3)
    private BigDecimal impact;

    @Column(name = "timeliness", nullable = false, precision = 6, scale = 3)
    private BigDecimal timeliness;

    @Column(name = "quality", nullable = false, precision = 6, scale = 3)
    private BigDecimal quality;

    @Column(name = "reviewer_cred", nullable = false, precision = 6, scale = 3)
    private BigDecimal reviewerCred;

    @Column(name = "cs_delta", nullable = false, precision = 10, scale = 4)
    private BigDecimal csDelta;

    @Column(name = "buz_awarded", nullable = false)
    private Long buzAwarded;

    @Generated // stamped by the column default; read back after insert
    @Column(name = "created_at")
    private Instant createdAt;

    public UUID getId() {
        return id;
    }

    public TaskEntity getTask() {
        return task;
    }

    public void setTask(TaskEntity task) {
        this.task = task;
    }

    public UserEntity getUser() {
        return user;
    }

    public void setUser(UserEntity user) {
        this.user = user;
    }

    public BigDecimal getImpact() {
        return impact;
    }

    public void setImpact(BigDecimal impact) {
        this.impact = impact;
    }

    public BigDecimal getTimeliness() {
        return timeliness;
    }

    public void setTimeliness(BigDecimal timeliness) {
        this.timeliness = timeliness;
    }

    public BigDecimal getQuality() {
        return quality;
    }

    public void setQuality(BigDecimal quality) {
        this.quality = quality;
    }

    public BigDecimal getReviewerCred() {
        return reviewerCred;
    }

    public void setReviewerCred(BigDecimal reviewerCred) {
        this.reviewerCred = reviewerCred;
    }

    public BigDecimal getCsDelta() {
        return csDelta;
    }

    public void setCsDelta(BigDecimal csDelta) {
        this.csDelta = csDelta;
    }

    public Long getBuzAwarded() {
        return buzAwarded;
    }

    public void setBuzAwarded(Long buzAwarded) {
        this.buzAwarded = buzAwarded;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
