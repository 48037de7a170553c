package org.smartstart.backoffice.persistence.captable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.smartstart.backoffice.persistence.identity.UserEntity;
import org.smartstart.backoffice.persistence.ventures.VentureEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Row of equity_conversions: BUZ spent for equity (BZ-4), with the policy as it was at that moment. */
@Entity
@Table(name = "equity_conversions")
public class EquityConversionEntity {

    @Id
    @GeneratedValue
    @Column(name = "id", updatable = false)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "venture_id")
    private VentureEntity venture;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private UserEntity user;

    @Column(name = "buz_spent", nullable = false)
    private Long buzSpent;

    @Column(name = "equity_percent_granted", nullable = false, precision = 8, scale = 6)
    private BigDecimal equityPercentGranted;

    @Column(name = "effective_date", nullable = false)
    private LocalDate effectiveDate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "policy_snapshot", nullable = false)
    private String policySnapshot;

    @Generated // stamped by the column default; read back after insert
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    public UUID getId() {
        return id;
    }

    public VentureEntity getVenture() {
        return venture;
    }

    public void setVenture(VentureEntity venture) {
        this.venture = venture;
    }

    public UserEntity getUser() {
        return user;
    }

    public void setUser(UserEntity user) {
        this.user = user;
    }

    public Long getBuzSpent() {
        return buzSpent;
    }

    public void setBuzSpent(Long buzSpent) {
        this.buzSpent = buzSpent;
    }

    public BigDecimal getEquityPercentGranted() {
        return equityPercentGranted;
    }

    public void setEquityPercentGranted(BigDecimal equityPercentGranted) {
        this.equityPercentGranted = equityPercentGranted;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public void setEffectiveDate(LocalDate effectiveDate) {
        this.effectiveDate = effectiveDate;
    }

    public String getPolicySnapshot() {
        return policySnapshot;
    }

    public void setPolicySnapshot(String policySnapshot) {
        this.policySnapshot = policySnapshot;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
