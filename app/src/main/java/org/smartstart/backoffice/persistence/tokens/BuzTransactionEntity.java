package org.smartstart.backoffice.persistence.tokens;

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

import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.dialect.PostgreSQLEnumJdbcType;
import org.hibernate.type.SqlTypes;
import org.smartstart.backoffice.persistence.ventures.VentureEntity;

import java.time.Instant;
import java.util.UUID;

/** Row of buz_transactions: One BUZ balance change of a wallet, chained by tx_hash (BZ-1, BZ-5). Written once. */
@Entity
@Table(name = "buz_transactions")
public class BuzTransactionEntity {

    @Id
    @GeneratedValue
    @Column(name = "id", updatable = false)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "wallet_id")
    private UserWalletEntity wallet;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "venture_id")
    private VentureEntity venture;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(name = "type", nullable = false, columnDefinition = "buz_tx_type")
    private BuzTxType type;

    @Column(name = "amount", nullable = false)
    private Long amount;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "artifact_hash", length = 64)
    private String artifactHash;

    @Column(name = "contribution_event_id")
    private UUID contributionEventId;

    @Column(name = "memo", length = 500)
    private String memo;

    // BZ-5: the database chains the row (V11's trigger computes both hashes when they are left out), so an
    // entity never carries a hash of its own that could disagree with the database's.
    @Generated
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "prev_tx_hash", length = 64, insertable = false, updatable = false)
    private String prevTxHash;

    @Generated
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "tx_hash", length = 64, insertable = false, updatable = false)
    private String txHash;

    @Generated // stamped by the column default; read back after insert
    @Column(name = "created_at")
    private Instant createdAt;

    public UUID getId() {
        return id;
    }

    public UserWalletEntity getWallet() {
        return wallet;
    }

    public void setWallet(UserWalletEntity wallet) {
        this.wallet = wallet;
    }

    public VentureEntity getVenture() {
        return venture;
    }

    public void setVenture(VentureEntity venture) {
        this.venture = venture;
    }

    public BuzTxType getType() {
        return type;
    }

    public void setType(BuzTxType type) {
        this.type = type;
    }

    public Long getAmount() {
        return amount;
    }

    public void setAmount(Long amount) {
        this.amount = amount;
    }

    public String getArtifactHash() {
        return artifactHash;
    }

    public void setArtifactHash(String artifactHash) {
        this.artifactHash = artifactHash;
    }

    public String getTxHash() {
        return txHash;
    }

    public String getPrevTxHash() {
        return prevTxHash;
    }

    public UUID getContributionEventId() {
        return contributionEventId;
    }

    public void setContributionEventId(UUID contributionEventId) {
        this.contributionEventId = contributionEventId;
    }

    public String getMemo() {
        return memo;
    }

    public void setMemo(String memo) {
        this.memo = memo;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
