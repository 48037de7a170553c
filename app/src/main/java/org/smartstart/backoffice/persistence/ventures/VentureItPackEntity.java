package org.smartstart.backoffice.persistence.ventures;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.PostgreSQLEnumJdbcType;

import java.time.Instant;
import java.util.UUID;

/** Row of venture_it_pack: The IT pack provisioned for a venture; keyed by the venture's id. */
@Entity
@Table(name = "venture_it_pack")
public class VentureItPackEntity {

    @Id
    @Column(name = "venture_id", updatable = false)
    private UUID ventureId;

    @Column(name = "m365_tenant_id", length = 255)
    private String m365TenantId;

    @Column(name = "email_address", length = 255)
    private String emailAddress;

    @Column(name = "github_org", length = 255)
    private String githubOrg;

    @Column(name = "render_service_id", length = 255)
    private String renderServiceId;

    @Column(name = "backup_policy_id", length = 255)
    private String backupPolicyId;

    @Column(name = "provisioned_at")
    private Instant provisionedAt;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(name = "status", columnDefinition = "it_pack_status")
    private ItPackStatus status = ItPackStatus.pending;

    @Version
    @Column(name = "version")
    private Integer version;

    public UUID getVentureId() {
        return ventureId;
    }

    public void setVentureId(UUID ventureId) {
        this.ventureId = ventureId;
    }

    public String getM365TenantId() {
        return m365TenantId;
    }

    public void setM365TenantId(String m365TenantId) {
        this.m365TenantId = m365TenantId;
    }

    public String getEmailAddress() {
        return emailAddress;
    }

    public void setEmailAddress(String emailAddress) {
        this.emailAddress = emailAddress;
    }

    public String getGithubOrg() {
        return githubOrg;
    }

    public void setGithubOrg(String githubOrg) {
        this.githubOrg = githubOrg;
    }

    public String getRenderServiceId() {
        return renderServiceId;
    }

    public void setRenderServiceId(String renderServiceId) {
        this.renderServiceId = renderServiceId;
    }

    public String getBackupPolicyId() {
        return backupPolicyId;
    }

    public void setBackupPolicyId(String backupPolicyId) {
        this.backupPolicyId = backupPolicyId;
    }

    public Instant getProvisionedAt() {
        return provisionedAt;
    }

    public void setProvisionedAt(Instant provisionedAt) {
        this.provisionedAt = provisionedAt;
    }

    public ItPackStatus getStatus() {
        return status;
    }

    public void setStatus(ItPackStatus status) {
        this.status = status;
    }

    public Integer getVersion() {
        return version;
    }
}
