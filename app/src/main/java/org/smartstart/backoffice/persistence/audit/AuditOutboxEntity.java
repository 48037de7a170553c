package org.smartstart.backoffice.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** Row of audit_outbox: An audit entry written in its change's transaction, waiting to be sealed into audit_log (AU-1, AU-2). */
@Entity
@Table(name = "audit_outbox")
@Immutable
public class AuditOutboxEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "entry_no", updatable = false)
    private Long entryNo;

    @Column(name = "id", nullable = false, insertable = false, updatable = false)
    private UUID id;

    @Column(name = "ts", nullable = false, insertable = false, updatable = false)
    private Instant ts;

    @Column(name = "actor_user_id")
    private UUID actorUserId;

    @Column(name = "action", nullable = false, length = 255)
    private String action;

    @Column(name = "object_type", nullable = false, length = 255)
    private String objectType;

    @Column(name = "object_id")
    private UUID objectId;

    @Column(name = "venture_id")
    private UUID ventureId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "data", nullable = false)
    private String data;

    public Long getEntryNo() {
        return entryNo;
    }

    public UUID getId() {
        return id;
    }

    public Instant getTs() {
        return ts;
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

    public UUID getVentureId() {
        return ventureId;
    }

    public void setVentureId(UUID ventureId) {
        this.ventureId = ventureId;
    }

    public String getData() {
        return data;
    }

    public void setData(String data) {
        this.data = data;
    }
}
