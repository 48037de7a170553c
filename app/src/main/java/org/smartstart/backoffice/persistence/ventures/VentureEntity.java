package org.smartstart.backoffice.persistence.ventures;

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
import org.smartstart.backoffice.persistence.identity.UserEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Row of ventures: A venture on the platform. Archived, never deleted. */
@Entity
@Table(name = "ventures")
public class VentureEntity {

    @Id
    @GeneratedValue
    @Column(name = "id", updatable = false)
    private UUID id;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(name = "region", nullable = false, columnDefinition = "venture_region")
    private VentureRegion region;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(name = "status", columnDefinition = "venture_status")
    private VentureStatus status = VentureStatus.draft;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_user_id")
    private UserEntity owner;

    @Column(name = "alice_equity_cap", precision = 6, scale = 3)
    private BigDecimal aliceEquityCap = new BigDecimal("20.000");

    @Generated // stamped by the column default; read back after insert
    @Column(name = "created_at")
    private Instant createdAt;

    @Generated // stamped by the column default; read back after insert
    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    @Column(name = "version")
    private Integer version;

    @Column(name = "archived_at")
    private Instant archivedAt;

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public VentureRegion getRegion() {
        return region;
    }

    public void setRegion(VentureRegion region) {
        this.region = region;
    }

    public VentureStatus getStatus() {
        return status;
    }

    public void setStatus(VentureStatus status) {
        this.status = status;
    }

    public UserEntity getOwner() {
        return owner;
    }

    public void setOwner(UserEntity owner) {
        this.owner = owner;
    }

    public BigDecimal getAliceEquityCap() {
        return aliceEquityCap;
    }

    public void setAliceEquityCap(BigDecimal aliceEquityCap) {
        this.aliceEquityCap = aliceEquityCap;
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

    public Instant getArchivedAt() {
        return archivedAt;
    }

    public void setArchivedAt(Instant archivedAt) {
        this.archivedAt = archivedAt;
    }
}
