package org.smartstart.backoffice.persistence.identity;

import org.hibernate.Session;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Users, looked up by id, by e-mail (ignoring case, ID-1) or by the start of a name or e-mail. */
public final class UserRepository {

    private final Session session;

    public UserRepository(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    public Optional<UserEntity> findById(UUID id) {
        return Optional.ofNullable(session.find(UserEntity.class, id));
    }

    /** E-mail addresses are unique ignoring case (ID-1); this query uses the lower(email) index. */
    public Optional<UserEntity> findByEmail(String email) {
        return session.createSelectionQuery("from UserEntity u where lower(u.email) = lower(:email)", UserEntity.class)
                .setParameter("email", email.strip())
                .uniqueResultOptional();
    }

    /** Users whose display name or e-mail starts with {@code prefix} (ignoring case), by name; archived users too. */
    public List<UserEntity> search(String prefix, int limit) {
        String pattern = likePrefix(prefix);
        return session.createSelectionQuery("""
                        from UserEntity u
                        where lower(u.displayName) like :pattern escape '\\' or lower(u.email) like :pattern escape '\\'
                        order by u.displayName, u.email""", UserEntity.class)
                .setParameter("pattern", pattern)
                .setMaxResults(limit)
                .getResultList();
    }

    /** {@code "ann_"} → {@code "ann\_%"}: what the user typed is matched literally. */
    static String likePrefix(String prefix) {
        String lower = prefix.strip().toLowerCase(Locale.ROOT);
        return lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
