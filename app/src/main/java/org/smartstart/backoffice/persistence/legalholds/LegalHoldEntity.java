package org.smartstart.backoffice.persistence.legalholds;

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
import org.hibernate.dialect.PostgreSQLEnumJdbcType;
import org.smartstart.backoffice.persistence.ventures.VentureEntity;

import java.time.Instant;
import java.util.UUID;

/** Row of legal_holds: A legal hold on a venture (LH-1, LH-2). Never deleted or edited, only released. */
@Entity
@Table(name = "legal_holds")
public class LegalHoldEntity {

    @Id
    @GeneratedValue
    @Column(name = "id", updatable = false)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "venture_id")
    private VentureEntity venture;

    @Column(name = "reason", nullable = false, columnDefinition = "text")
    private String reason;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(name = "applies_to", nullable = false, columnDefinition = "hold_scope")
    private HoldScope appliesTo;

    @Column(name = "imposed_by_user_id")
    private UUID imposedByUserId;

    @Generated // stamped by the column default; read back after insert
    @Column(name = "imposed_at")
    private Instant imposedAt;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Version
    @Column(name = "version")
    private Integer version;

    @Column(name = "released_by_user_id")
    private UUID releasedByUserId;

    @Column(name = "release_reason", columnDefinition = "text")
    private String releaseReason;

    public UUID getId() {
        return id;
    }

    public VentureEntity getVenture() {
        return venture;
    }

    public void setVenture(VentureEntity venture) {
        this.venture = venture;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public HoldScope getAppliesTo() {
        return appliesTo;
    }

    public void setAppliesTo(HoldScope appliesTo) {
        this.appliesTo = appliesTo;
    }

    public UUID getImposedByUserId() {
        return imposedByUserId;
    }

    public void setImposedByUserId(UUID imposedByUserId) {
        this.imposedByUserId = imposedByUserId;
    }

    public Instant getImposedAt() {
        return imposedAt;
    }

    public void setImposedAt(Instant imposedAt) {
        this.imposedAt = imposedAt;
    }

    public Instant getReleasedAt() {
        return releasedAt;
    }

    public void setReleasedAt(Instant releasedAt) {
        this.releasedAt = releasedAt;
    }

    public Integer getVersion() {
        return version;
    }

    public UUID getReleasedByUserId() {
        return releasedByUserId;
    }

    public void setReleasedByUserId(UUID releasedByUserId) {
        this.releasedByUserId = releasedByUserId;
    }

    public String getReleaseReason() {
        return releaseReason;
    }

    public void setReleaseReason(String releaseReason) {
        this.releaseReason = releaseReason;
    }
}
