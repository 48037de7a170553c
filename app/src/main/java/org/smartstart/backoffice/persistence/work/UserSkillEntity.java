package org.smartstart.backoffice.persistence.work;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.PostgreSQLEnumJdbcType;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Row of user_skills: a skill a user claims, at a level, perhaps verified by someone. Keyed by (user, skill). */
@Entity
@Table(name = "user_skills")
public class UserSkillEntity {

    /** The composite primary key (user_id, skill_id). */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "user_id", nullable = false, updatable = false)
        private UUID userId;

        @Column(name = "skill_id", nullable = false, updatable = false)
        private UUID skillId;

        protected Key() {
        }

        public Key(UUID userId, UUID skillId) {
            this.userId = Objects.requireNonNull(userId, "userId");
            this.skillId = Objects.requireNonNull(skillId, "skillId");
        }

        public UUID userId() {
            return userId;
        }

        public UUID skillId() {
            return skillId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && userId.equals(k.userId) && skillId.equals(k.skillId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, skillId);
        }
    }

    @EmbeddedId
    private Key key;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(name = "level", nullable = false, columnDefinition = "skill_level")
    private SkillLevel level;

    @Column(name = "verified")
    private Boolean verified = false;

    @Column(name = "verifier_user_id")
    private UUID verifierUserId;

    protected UserSkillEntity() {
    }

    public UserSkillEntity(Key key, SkillLevel level) {
        this.key = Objects.requireNonNull(key, "key");
        this.level = level;
    }

    public Key getKey() {
        return key;
    }

    public SkillLevel getLevel() {
        return level;
    }

    public void setLevel(SkillLevel level) {
        this.level = level;
    }

    public Boolean getVerified() {
        return verified;
    }

    public void setVerified(Boolean verified) {
        this.verified = verified;
    }

    public UUID getVerifierUserId() {
        return verifierUserId;
    }

    public void setVerifierUserId(UUID verifierUserId) {
        this.verifierUserId = verifierUserId;
    }
}
