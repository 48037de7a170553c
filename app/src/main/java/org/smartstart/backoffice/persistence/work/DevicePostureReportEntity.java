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

import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.PostgreSQLEnumJdbcType;
import org.hibernate.generator.EventType;
import org.smartstart.backoffice.persistence.identity.UserEntity;

import java.time.Instant;
import java.util.UUID;

/** Row of device_posture_reports: A device's security posture; compliant is computed by the database. */
@Entity
@Table(name = "device_posture_reports")
public class DevicePostureReportEntity {

    @Id
    @GeneratedValue
    @Column(name = "id", updatable = false)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private UserEntity user;

    @Column(name = "device_id", nullable = false, length = 255)
    private String deviceId;

    @Column(name = "os", length = 255)
    private String os;

    @Column(name = "encrypted_disk")
    private Boolean encryptedDisk = false;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(name = "av_status", columnDefinition = "av_status")
    private AvStatus avStatus = AvStatus.healthy;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt = Instant.now();

    @Generated(event = {EventType.INSERT, EventType.UPDATE}) // GENERATED ALWAYS ... STORED
    @Column(name = "compliant", insertable = false, updatable = false)
    private Boolean compliant;

    public UUID getId() {
        return id;
    }

    public UserEntity getUser() {
        return user;
    }

    public void setUser(UserEntity user) {
        this.user = user;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getOs() {
        return os;
    }

    public void setOs(String os) {
        this.os = os;
    }

    public Boolean getEncryptedDisk() {
        return encryptedDisk;
    }

    public void setEncryptedDisk(Boolean encryptedDisk) {
        this.encryptedDisk = encryptedDisk;
    }

    public AvStatus getAvStatus() {
        return avStatus;
    }

    public void setAvStatus(AvStatus avStatus) {
        this.avStatus = avStatus;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public void setLastSeenAt(Instant lastSeenAt) {
        this.lastSeenAt = lastSeenAt;
    }

    public Boolean getCompliant() {
        return compliant;
    }
}
