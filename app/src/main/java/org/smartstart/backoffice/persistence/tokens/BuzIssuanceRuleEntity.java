package org.smartstart.backoffice.persistence.tokens;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Generated;
import org.smartstart.backoffice.persistence.ventures.VentureEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Row of buz_issuance_rules: A venture's BUZ issuance cap and conversion band (BZ-3, BZ-4); the current rule is the one not replaced. */
@Entity
@Table(name = "buz_issuance_rules")
public class BuzIssuanceRuleEntity {

    @Id
    @GeneratedValue
    @Column(name = "id", updatable = false)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "venture_id")
    private VentureEntity venture;

    @Column(name = "monthly_issue_cap", nullable = false)
    private Long monthlyIssueCap;

    @Column(name = "conversion_band_min", nullable = false, precision = 10, scale = 6)
    private BigDecimal conversionBandMin;

    @Column(name = "conversion_band_max", nullable = false, precision = 10, scale = 6)
    private BigDecimal conversionBandMax;

    @Column(name = "board_approved")
    private Boolean boardApproved = false;

    @Version
    @Column(name = "version")
    private Integer version;

    @Generated // stamped by the column default; read back after insert
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "replaced_at")
    private Instant replacedAt;

    public UUID getId() {
        return id;
    }

    public VentureEntity getVenture() {
        return venture;
    }

    public void setVenture(VentureEntity venture) {
        this.venture = venture;
    }

    public Long getMonthlyIssueCap() {
        return monthlyIssueCap;
    }

    public void setMonthlyIssueCap(Long monthlyIssueCap) {
        this.monthlyIssueCap = monthlyIssueCap;
    }

    public BigDecimal getConversionBandMin() {
        return conversionBandMin;
    }

    public void setConversionBandMin(BigDecimal conversionBandMin) {
        this.conversionBandMin = conversionBandMin;
    }

    public BigDecimal getConversionBandMax() {
        return conversionBandMax;
    }

    public void setConversionBandMax(BigDecimal conversionBandMax) {
        this.conversionBandMax = conversionBandMax;
    }

    public Boolean getBoardApproved() {
        return boardApproved;
    }

    public void setBoardApproved(Boolean boardApproved) {
        this.boardApproved = boardApproved;
    }

    public Integer getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getReplacedAt() {
        return replacedAt;
    }

    public void setReplacedAt(Instant replacedAt) {
        this.replacedAt = replacedAt;
    }
}
