package org.smartstart.backoffice.persistence.kyc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** Row of document_blobs: The stored bytes of uploaded evidence, addressed by their sha256 (KY-7). Written once. */
@Entity
@Table(name = "document_blobs")
public class DocumentBlobEntity {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "sha256", updatable = false, length = 64)
    private String sha256;

    @Column(name = "media_type", nullable = false, length = 100)
    private String mediaType;

    @Column(name = "bytes", nullable = false, columnDefinition = "bytea")
    private byte[] bytes;

    @Generated // stamped by the column default; read back after insert
    @Column(name = "stored_at", nullable = false)
    private Instant storedAt;

    public String getSha256() {
        return sha256;
    }

    public void setSha256(String sha256) {
        this.sha256 = sha256;
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = mediaType;
    }

    public byte[] getBytes() {
        return bytes;
    }

    public void setBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    public Instant getStoredAt() {
        return storedAt;
    }

    public void setStoredAt(Instant storedAt) {
        this.storedAt = storedAt;
    }
}
