package org.smartstart.backoffice.persistence.tokens;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.smartstart.backoffice.persistence.identity.UserEntity;

import java.util.UUID;

/** Row of user_wallets: A user's BUZ balance (BZ-1); concurrent writers are serialized by the version. */
@Entity
@Table(name = "user_wallets")
public class UserWalletEntity {

    @Id
    @GeneratedValue
    @Column(name = "id", updatable = false)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private UserEntity user;

    @Column(name = "buz_balance")
    private Long buzBalance = 0L;

    @Column(name = "locked_balance")
    private Long lockedBalance = 0L;

    @Version
    @Column(name = "version")
    private Integer version;

    public UUID getId() {
        return id;
    }

    public UserEntity getUser() {
        return user;
    }

    public void setUser(UserEntity user) {
        this.user = user;
    }

    public Long getBuzBalance() {
        return buzBalance;
    }

    public void setBuzBalance(Long buzBalance) {
        this.buzBalance = buzBalance;
    }

    public Long getLockedBalance() {
        return lockedBalance;
    }

    public void setLockedBalance(Long lockedBalance) {
        this.lockedBalance = lockedBalance;
    }

    public Integer getVersion() {
        return version;
    }
}
