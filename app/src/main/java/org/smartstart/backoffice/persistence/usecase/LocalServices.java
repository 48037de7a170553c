package org.smartstart.backoffice.persistence.usecase;

import org.smartstart.backoffice.persistence.HibernateSessions;
import org.smartstart.backoffice.persistence.audit.PersonalDataTokens;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.DatabaseStartupException;
import org.smartstart.backoffice.persistence.db.Transactions;
import org.smartstart.backoffice.persistence.identity.Argon2idPasswordHasher;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;

/**
 * What the local adapter shares across sessions in one process: the open database, the Hibernate
 * session factory on its pool, the use-case runner, the personal-data tokenizer and the clock.
 * Closing it closes Hibernate, not the database (whoever opened the database closes it).
 */
public record LocalServices(BackOfficeDatabase database, HibernateSessions hibernate, LocalUseCases useCases,
                            Transactions transactions, PersonalDataTokens tokens, Argon2idPasswordHasher passwords,
                            Clock clock) implements AutoCloseable {

    public LocalServices {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(hibernate, "hibernate");
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(clock, "clock");
    }

    /** Over an open, migrated database. */
    public static LocalServices open(BackOfficeDatabase database, Clock clock) {
        Transactions transactions = new Transactions(database.dataSource());
        PersonalDataTokens tokens;
        try {
            tokens = PersonalDataTokens.load(transactions);
        } catch (SQLException e) {
            throw new DatabaseStartupException("The key for tokenizing personal data could not be read: " + e.getMessage(), e);
        }
        HibernateSessions hibernate = HibernateSessions.open(database.dataSource());
        return new LocalServices(database, hibernate, new LocalUseCases(database.dataSource(), clock),
                transactions, tokens, new Argon2idPasswordHasher(), clock);
    }

    /** The same services whose commands run {@code step} just before they commit (the HTTP server's idempotency). */
    public LocalServices beforeCommit(LocalUseCases.BeforeCommit step) {
        return new LocalServices(database, hibernate, useCases.beforeCommit(step), transactions, tokens, passwords, clock);
    }

    @Override
    public void close() {
        hibernate.close();
    }
}
