package org.smartstart.backoffice.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.persistence.identity.KycStatus;
import org.smartstart.backoffice.persistence.identity.UserEntity;
import org.smartstart.backoffice.persistence.identity.UserRepository;
import org.smartstart.backoffice.persistence.ventures.VentureEntity;
import org.smartstart.backoffice.persistence.ventures.VentureRegion;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smartstart.backoffice.persistence.PersistenceFixtures.user;
import static org.smartstart.backoffice.persistence.PersistenceFixtures.venture;

class UnitOfWorkTest {

    private static TestDatabase db;
    private static HibernateSessions sessions;
    private static UnitOfWork unitOfWork;
    private static UUID staff;

    @BeforeAll
    static void openDatabase() throws Exception {
        db = TestPostgres.newDatabase();
        staff = StaffFixtures.globalStaff(db);
        sessions = HibernateSessions.open(db.database().dataSource());
        unitOfWork = sessions.unitOfWork();
    }

    @AfterAll
    static void closeDatabase() {
        if (sessions != null) {
            sessions.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void worksAsTheApplicationRoleForTheActingUser() {
        String who = unitOfWork.inTransaction(staff, session -> session
                .createNativeQuery("SELECT current_user || ' ' || current_setting('app.current_user_id')", String.class)
                .getSingleResult());

        assertThat(who).isEqualTo("backoffice_app " + staff);
    }

    @Test
    void commitsWhatTheWorkWrote() {
        UserEntity written = unitOfWork.inTransaction(staff, session -> {
            UserEntity u = user("Cora Committed", KycStatus.pending);
            session.persist(u);
            return u;
        });

        UserEntity read = unitOfWork.inTransaction(staff, session -> new UserRepository(session).findById(written.getId()).orElseThrow());
        assertThat(read.getEmail()).isEqualTo(written.getEmail());
        assertThat(read.getVersion()).isNotNull();
    }

    @Test
    void rollsBackEverythingWhenTheWorkFails() {
        UserEntity doomed = user("Rolf Rolledback", KycStatus.pending);

        assertThatThrownBy(() -> unitOfWork.inTransaction(staff, session -> {
            session.persist(doomed);
            session.flush();
            throw new IllegalStateException("the user cancelled half way");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the user cancelled half way");

        Optional<UserEntity> afterwards = unitOfWork.inTransaction(staff,
                session -> new UserRepository(session).findByEmail(doomed.getEmail()));
        assertThat(afterwards).isEmpty();
    }

    @Test
    void theSecondOfTwoConcurrentEditsIsRefusedAndNamesTheVenture() {
        VentureEntity created = unitOfWork.inTransaction(staff, session -> {
            UserEntity owner = user("Otto Owner", KycStatus.verified);
            session.persist(owner);
            VentureEntity v = venture("Race Co", owner);
            session.persist(v);
            return v;
        });
        UUID id = created.getId();
        String renamed = "Race Co renamed " + UUID.randomUUID();

        // two people open the same venture; the second one saves first
        assertThatThrownBy(() -> unitOfWork.inTransaction(staff, first -> {
            VentureEntity mine = first.find(VentureEntity.class, id);
            unitOfWork.inTransaction(staff, second -> {
                second.find(VentureEntity.class, id).setName(renamed);
                return null;
            });
            mine.setRegion(VentureRegion.us);
            return null;
        }))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageContaining("Venture " + id)
                .hasMessageContaining("changed by someone else")
                .hasMessageContaining("Reload");

        VentureEntity stored = unitOfWork.inTransaction(staff, session -> session.find(VentureEntity.class, id));
        assertThat(stored.getName()).as("the first save stands").isEqualTo(renamed);
        assertThat(stored.getRegion()).as("the refused edit left nothing behind").isEqualTo(VentureRegion.ca);
        assertThat(stored.getVersion()).isEqualTo(created.getVersion() + 1);
    }
}
