package org.smartstart.backoffice.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of audit_chain_head: The sealed head of the audit chain: one row (AU-2). */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHeadEntity {

    @Id
    @Column(name = "singleton", updatable = false)
    private Boolean singleton;

    @Column(name = "seq", nullable = false)
    private Long seq;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "tx_hash", nullable = false, length = 64)
    private String txHash;

    public Boolean getSingleton() {
        return singleton;
    }

    public void setSingleton(Boolean singleton) {
        this.singleton = singleton;
    }

    public Long getSeq() {
        return seq;
    }

    public void setSeq(Long seq) {
        this.seq = seq;
    }

    public String getTxHash() {
        return txHash;
    }

    public void setTxHash(String txHash) {
        this.txHash = txHash;
    }
}
