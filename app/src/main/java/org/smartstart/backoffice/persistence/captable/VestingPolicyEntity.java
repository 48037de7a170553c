package org.smartstart.backoffice.persistence.captable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.PostgreSQLEnumJdbcType;

import java.util.UUID;

/** Row of vesting_policies: A vesting schedule ledger rows may follow (EQ-6). */
@Entity
@Table(name = "vesting_policies")
public class VestingPolicyEntity {

    @Id
    @GeneratedValue
    @Column(name = "id", updatable = false)
    private UUID id;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    @Column(name = "cliff_months")
    private Integer cliffMonths = 12;

    @Column(name = "duration_months")
    private Integer durationMonths = 48;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(name = "frequency", columnDefinition = "vesting_frequency")
    private VestingFrequency frequency = VestingFrequency.monthly;

    @Version
    @Column(name = "version")
    private Integer version;

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getCliffMonths() {
        return cliffMonths;
    }

    public void setCliffMonths(Integer cliffMonths) {
        this.cliffMonths = cliffMonths;
    }

    public Integer getDurationMonths() {
        return durationMonths;
    }

    public void setDurationMonths(Integer durationMonths) {
        this.durationMonths = durationMonths;
    }

    public VestingFrequency getFrequency() {
        return frequency;
    }

    public void setFrequency(VestingFrequency frequency) {
        this.frequency = frequency;
    }

    public Integer getVersion() {
        return version;
    }
}
