package org.smartstart.backoffice.persistence.work;

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

import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.dialect.PostgreSQLEnumJdbcType;
import org.hibernate.type.SqlTypes;
import org.smartstart.backoffice.persistence.ventures.VentureEntity;

import java.time.Instant;
import java.util.UUID;

/** Row of contracts: A signed agreement of a venture. The seed's version column doubles as the lock version. */
@Entity
@Table(name = "contracts")
public class ContractEntity {

    @Id
    @GeneratedValue
    @Column(name = "id", updatable = false)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "venture_id")
    private VentureEntity venture;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(name = "type", nullable = false, columnDefinition = "contract_type")
    private ContractType type;

    @Version
    @Column(name = "version")
    private Integer version;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "signing_hash", nullable = false, length = 64)
    private String signingHash;

    @Column(name = "signed_at")
    private Instant signedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "signers", nullable = false)
    private String signers;

    @Column(name = "storage_uri", length = 500)
    private String storageUri;

    public UUID getId() {
        return id;
    }

    public VentureEntity getVenture() {
        return venture;
    }

    public void setVenture(VentureEntity venture) {
        this.venture = venture;
    }

    public ContractType getType() {
        return type;
    }

    public void setType(ContractType type) {
        this.type = type;
    }

    public Integer getVersion() {
        return version;
    }

    public String getSigningHash() {
        return signingHash;
    }

    public void setSigningHash(String signingHash) {
        this.signingHash = signingHash;
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    public void setSignedAt(Instant signedAt) {
        this.signedAt = signedAt;
    }

    public String getSigners() {
        return signers;
    }

    public void setSigners(String signers) {
        this.signers = signers;
    }

    public String getStorageUri() {
        return storageUri;
    }

    public void setStorageUri(String storageUri) {
        this.storageUri = storageUri;
    }
}
