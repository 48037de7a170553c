package org.smartstart.backoffice.persistence;

import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.persistence.audit.AuditChainHeadEntity;
import org.smartstart.backoffice.persistence.audit.AuditLogEntity;
import org.smartstart.backoffice.persistence.audit.AuditLogRepository;
import org.smartstart.backoffice.persistence.captable.EquityLedgerEntity;
import org.smartstart.backoffice.persistence.captable.EquityLedgerRepository;
import org.smartstart.backoffice.persistence.identity.KycStatus;
import org.smartstart.backoffice.persistence.identity.UserEntity;
import org.smartstart.backoffice.persistence.identity.UserRepository;
import org.smartstart.backoffice.persistence.kyc.DocStatus;
import org.smartstart.backoffice.persistence.kyc.KycDocType;
import org.smartstart.backoffice.persistence.kyc.KycDocumentEntity;
import org.smartstart.backoffice.persistence.kyc.KycDocumentRepository;
import org.smartstart.backoffice.persistence.legalholds.HoldScope;
import org.smartstart.backoffice.persistence.legalholds.LegalHoldEntity;
import org.smartstart.backoffice.persistence.legalholds.LegalHoldRepository;
import org.smartstart.backoffice.persistence.ventures.VentureEntity;
import org.smartstart.backoffice.persistence.ventures.VentureRepository;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.smartstart.backoffice.persistence.PersistenceFixtures.auditEntry;
import static org.smartstart.backoffice.persistence.PersistenceFixtures.equity;
import static org.smartstart.backoffice.persistence.PersistenceFixtures.user;
import static org.smartstart.backoffice.persistence.PersistenceFixtures.venture;

/** Each test writes its rows in one transaction, queries them, and rolls back. */
class RepositoriesTest {

    private static TestDatabase db;
    private static HibernateSessions sessions;
    private static UUID staff;

    @BeforeAll
    static void openDatabase() throws Exception {
        db = TestPostgres.newDatabase();
        staff = StaffFixtures.globalStaff(db);
        sessions = HibernateSessions.open(db.database().dataSource());
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

    private static void inRolledBackTransaction(Consumer<Session> work) {
        PersistenceFixtures.inRolledBackTransaction(sessions, staff, work);
    }

    @Test
    void auditLogPagesFollowTheChainBySeq() {
        inRolledBackTransaction(session -> {
            AuditChainHeadEntity head = session.find(AuditChainHeadEntity.class, true);
            String previous = head.getTxHash();
            for (long seq = head.getSeq() + 1; seq <= head.getSeq() + 5; seq++) {
                AuditLogEntity entry = auditEntry(seq, previous, null);
                session.persist(entry);
                previous = entry.getTxHash();
            }
            session.flush();
            session.clear();
            AuditLogRepository log = new AuditLogRepository(session);

            assertThat(log.pageAfter(0, 2)).extracting(AuditLogEntity::getSeq).containsExactly(1L, 2L);
            assertThat(log.pageAfter(2, 2)).extracting(AuditLogEntity::getSeq).containsExactly(3L, 4L);
            assertThat(log.pageAfter(4, 2)).extracting(AuditLogEntity::getSeq).containsExactly(5L);
            assertThat(log.pageAfter(5, 2)).isEmpty();
            List<AuditLogEntity> all = log.pageAfter(0, 10);
            assertThat(all.get(1).getPrevTxHash()).as("entries come back chained").isEqualTo(all.get(0).getTxHash());
        });
    }

    @Test
    void theCapTableOnADateHasTheRowsEffectiveThatDay() {
        inRolledBackTransaction(session -> {
            UserEntity owner = user("Ada Owner", KycStatus.verified);
            UserEntity investor = user("Ivo Investor", KycStatus.verified);
            session.persist(owner);
            session.persist(investor);
            VentureEntity venture = venture("Ledger Co", owner);
            session.persist(venture);
            // Q1 the owner holds everything; from April the investor holds 30% (each date totals 100%, EQ-1)
            EquityLedgerEntity alone = equity(venture, owner, "100.000", LocalDate.of(2026, 1, 1));
            alone.setEffectiveTo(LocalDate.of(2026, 3, 31));
            session.persist(alone);
            session.persist(equity(venture, owner, "70.000", LocalDate.of(2026, 4, 1)));
            session.persist(equity(venture, investor, "30.000", LocalDate.of(2026, 4, 1)));
            session.flush();
            session.clear();
            EquityLedgerRepository ledger = new EquityLedgerRepository(session);

            assertThat(ledger.effectiveOn(venture.getId(), LocalDate.of(2025, 12, 31))).isEmpty();
            assertThat(ledger.effectiveOn(venture.getId(), LocalDate.of(2026, 3, 31)))
                    .extracting(e -> e.getHolder().getDisplayName(), e -> e.getPercent().toPlainString())
                    .containsExactly(tuple("Ada Owner", "100.000"));
            assertThat(ledger.effectiveOn(venture.getId(), LocalDate.of(2026, 4, 1)))
                    .extracting(e -> e.getHolder().getDisplayName(), e -> e.getPercent().toPlainString())
                    .containsExactly(tuple("Ada Owner", "70.000"), tuple("Ivo Investor", "30.000"));
            assertThat(ledger.history(venture.getId()))
                    .extracting(EquityLedgerEntity::getEffectiveFrom)
                    .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1));
        });
    }

    @Test
    void usersAreFoundByEmailIgnoringCaseAndByALiteralPrefix() {
        inRolledBackTransaction(session -> {
            UserEntity ann = user("Ann_Lee", KycStatus.pending);
            ann.setEmail("Ann.Lee@Example.TEST");
            UserEntity annie = user("Annie Lo", KycStatus.pending);
            session.persist(ann);
            session.persist(annie);
            session.flush();
            UserRepository users = new UserRepository(session);

            assertThat(users.findByEmail("ann.lee@example.test")).map(UserEntity::getId).contains(ann.getId());
            assertThat(users.search("ANN", 10)).extracting(UserEntity::getDisplayName).containsExactly("Ann_Lee", "Annie Lo");
            assertThat(users.search("ann_", 10)).as("_ is not a wildcard").extracting(UserEntity::getDisplayName)
                    .containsExactly("Ann_Lee");
        });
    }

    @Test
    void venturesOverviewLeavesOutArchivedOnesAndLoadsOwners() {
        inRolledBackTransaction(session -> {
            UserEntity owner = user("Vera Owner", KycStatus.verified);
            session.persist(owner);
            VentureEntity live = venture("Overview Live", owner);
            VentureEntity archived = venture("Overview Archived", owner);
            archived.setArchivedAt(Instant.now());
            session.persist(live);
            session.persist(archived);
            session.flush();
            session.clear();
            VentureRepository ventures = new VentureRepository(session);

            List<VentureEntity> overview = ventures.allActiveWithOwner();
            assertThat(overview).extracting(VentureEntity::getId).contains(live.getId()).doesNotContain(archived.getId());
            assertThat(overview).allSatisfy(v -> assertThat(Hibernate.isInitialized(v.getOwner())).isTrue());
            assertThat(ventures.findByName(archived.getName())).isPresent();
        });
    }

    @Test
    void onlyUnreleasedHoldsAreActive() {
        inRolledBackTransaction(session -> {
            UserEntity owner = user("Hal Owner", KycStatus.verified);
            session.persist(owner);
            VentureEntity venture = venture("Hold Co", owner);
            session.persist(venture);
            LegalHoldEntity released = hold(venture, "settled dispute");
            released.setReleasedAt(Instant.now());
            released.setReleasedByUserId(staff);
            released.setReleaseReason("settled");
            LegalHoldEntity active = hold(venture, "regulator inquiry");
            session.persist(released);
            session.persist(active);
            session.flush();

            assertThat(new LegalHoldRepository(session).activeHolds(venture.getId()))
                    .extracting(LegalHoldEntity::getId).containsExactly(active.getId());
        });
    }

    @Test
    void theKycQueueIsPendingDocumentsOldestFirstPageByPage() {
        inRolledBackTransaction(session -> {
            UserEntity applicant = user("Quinn Queue", KycStatus.pending);
            session.persist(applicant);
            Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
            KycDocumentEntity newer = kyc(applicant, KycDocType.proof_of_address, t0.plusSeconds(60));
            KycDocumentEntity older = kyc(applicant, KycDocType.passport, t0);
            KycDocumentEntity decided = kyc(applicant, KycDocType.id_card, t0.minusSeconds(60));
            decided.setStatus(DocStatus.rejected);
            decided.setReviewedBy(staff);
            decided.setRejectionFinal(false);
            session.persist(newer);
            session.persist(older);
            session.persist(decided);
            session.flush();
            KycDocumentRepository queue = new KycDocumentRepository(session);

            List<KycDocumentEntity> first = queue.pendingQueue(1);
            assertThat(first).extracting(KycDocumentEntity::getId).containsExactly(older.getId());
            assertThat(queue.pendingQueueAfter(first.get(0).getSubmittedAt(), first.get(0).getId(), 10))
                    .extracting(KycDocumentEntity::getId).containsExactly(newer.getId());
        });
    }

    private LegalHoldEntity hold(VentureEntity venture, String reason) {
        LegalHoldEntity h = new LegalHoldEntity();
        h.setVenture(venture);
        h.setReason(reason);
        h.setAppliesTo(HoldScope.equity);
        h.setImposedByUserId(staff);
        return h;
    }

    private static KycDocumentEntity kyc(UserEntity applicant, KycDocType type, Instant submittedAt) {
        KycDocumentEntity d = new KycDocumentEntity();
        d.setUser(applicant);
        d.setDocType(type);
        d.setSubmittedAt(submittedAt);
        return d;
    }
}
