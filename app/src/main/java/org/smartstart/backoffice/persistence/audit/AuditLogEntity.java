package org.smartstart.backoffice.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** Row of audit_log: A sealed entry of the audit chain (AU-1..AU-4). Append only: never updated or deleted (AU-3). */
@Entity
@Table(name = "audit_log")
@Immutable
public class AuditLogEntity {

    @Id
    @GeneratedValue
    @Column(name = "id", updatable = false)
    private UUID id;

    @Column(name = "ts")
    private Instant ts;

    @Column(name = "actor_user_id")
    private UUID actorUserId;

    @Column(name = "action", nullable = false, length = 255)
    private String action;

    @Column(name = "object_type", nullable = false, length = 255)
    private String objectType;

    @Column(name = "object_id")
    private UUID objectId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "data", nullable = false)
    private String data;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "prev_tx_hash", nullable = false, length = 64)
    private String prevTxHash;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "tx_hash", nullable = false, length = 64)
    private String txHash;

    @Column(name = "seq")
    private Long seq;

    @Column(name = "venture_id")
    private UUID ventureId;

    public UUID getId() {
        return id;
    }

    public Instant getTs() {
        return ts;
    }

    public void setTs(Instant ts) {
        this.ts = ts;
    }

    public UUID getActorUserId() {
        return actorUserId;
    }

    public void setActorUserId(UUID actorUserId) {
        this.actorUserId = actorUserId;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getObjectType() {
        return objectType;
    }

    public void setObjectType(String objectType) {
        this.objectType = objectType;
    }

    public UUID getObjectId() {
        return objectId;
    }

    public void setObjectId(UUID objectId) {
        this.objectId = objectId;
    }

    public String getData() {
        return data;
    }

    public void setData(String data) {
        this.data = data;
    }

    public String getPrevTxHash() {
        return prevTxHash;
    }

    public void setPrevTxHash(String prevTxHash) {
        this.prevTxHash = prevTxHash;
    }

    public String getTxHash() {
        return txHash;
    }

    public void setTxHash(String txHash) {
        this.txHash = txHash;
    }

    public Long getSeq() {
        return seq;
    }

    public void setSeq(Long seq) {
        this.seq = seq;
    }

    public UUID getVentureId() {
        return ventureId;
    }

    public void setVentureId(UUID ventureId) {
        this.ventureId = ventureId;
    }
}
