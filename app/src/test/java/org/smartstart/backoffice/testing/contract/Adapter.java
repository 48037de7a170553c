package org.smartstart.backoffice.testing.contract;

import org.smartstart.backoffice.domain.usecase.BackOfficeConnector;
import org.smartstart.backoffice.persistence.usecase.LocalConnector;
import org.smartstart.backoffice.persistence.usecase.LocalServices;
import org.smartstart.backoffice.testing.TestDatabase;

import java.time.Clock;

/**
 * The adapters every contract test runs against: a contract class is annotated
 * {@code @ParameterizedClass @EnumSource(Adapter.class)} and gets each adapter in turn, so one suite
 * proves that the local adapter and the remote one (through a real server on loopback) agree.
 */
public enum Adapter {

    /** The use cases run in this process on the database (Hibernate, JDBC). */
    LOCAL {
        @Override
        BackOfficeConnector connect(TestDatabase db, Clock clock) {
            return new LocalConnector(LocalServices.open(db.database(), clock), () -> { });
        }
    };

    /** A connector to {@code db} through this adapter; closing it stops whatever it started (not the database). */
    abstract BackOfficeConnector connect(TestDatabase db, Clock clock);
}
