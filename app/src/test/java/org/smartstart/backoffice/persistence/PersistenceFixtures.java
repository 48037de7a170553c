package org.smartstart.backoffice.persistence;

import org.hibernate.Session;
import org.hibernate.Transaction;
import org.smartstart.backoffice.persistence.audit.AuditLogEntity;
import org.smartstart.backoffice.persistence.captable.EquityLedgerEntity;
import org.smartstart.backoffice.persistence.captable.HolderType;
import org.smartstart.backoffice.persistence.db.Transactions;
import org.smartstart.backoffice.persistence.identity.KycStatus;
import org.smartstart.backoffice.persistence.identity.UserEntity;
import org.smartstart.backoffice.persistence.ventures.VentureEntity;
import org.smartstart.backoffice.persistence.ventures.VentureRegion;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Consumer;

/** Minimal valid rows for persistence tests (they respect DOMAIN.md's rules, see each caller). */
final class PersistenceFixtures {

    private PersistenceFixtures() {
    }

    /** One transaction as the application role for {@code actingUser}, flushed and always rolled back. */
    static void inRolledBackTransaction(HibernateSessions sessions, UUID actingUser, Consumer<Session> work) {
        try (Session session = sessions.sessionFactory().openSession()) {
            Transaction tx = session.beginTransaction();
            try {
                session.doWork(c -> Transactions.actAs(c, actingUser));
                work.accept(session);
                session.flush();
            } finally {
                tx.rollback();
            }
        }
    }

    static UserEntity user(String name, KycStatus kyc) {
        UserEntity u = new UserEntity();
        u.setDisplayName(name);
        u.setEmail(name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID() + "@smartstart.test");
        u.setKycStatus(kyc);
        u.setCountryCode("CA");
        return u;
    }

    static VentureEntity venture(String name, UserEntity owner) {
        VentureEntity v = new VentureEntity();
        v.setName(name + " " + UUID.randomUUID());
        v.setRegion(VentureRegion.ca);
        v.setOwner(owner);
        return v;
    }

    static EquityLedgerEntity equity(VentureEntity venture, UserEntity holder, String percent, LocalDate from) {
        EquityLedgerEntity e = new EquityLedgerEntity();
        e.setVenture(venture);
        e.setHolderType(holder == null ? HolderType.alice : HolderType.user);
        e.setHolder(holder);
        e.setPercent(new BigDecimal(percent));
        e.setEffectiveFrom(from);
        return e;
    }

    static AuditLogEntity auditEntry(long seq, String previousHash, UUID ventureId) {
        AuditLogEntity a = new AuditLogEntity();
        a.setSeq(seq);
        a.setTs(Instant.now());
        a.setAction("EQUITY_CHANGE");
        a.setObjectType("venture");
        a.setObjectId(ventureId);
        a.setVentureId(ventureId);
        a.setData("{\"n\": " + seq + "}");
        a.setPrevTxHash(previousHash);
        a.setTxHash(sha256(previousHash + seq));
        return a;
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
