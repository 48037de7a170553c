package org.smartstart.backoffice.persistence;

import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.smartstart.backoffice.persistence.audit.AuditChainHeadEntity;
import org.smartstart.backoffice.persistence.audit.AuditLogEntity;
import org.smartstart.backoffice.persistence.audit.AuditOutboxEntity;
import org.smartstart.backoffice.persistence.captable.EquityConversionEntity;
import org.smartstart.backoffice.persistence.captable.EquityLedgerEntity;
import org.smartstart.backoffice.persistence.captable.VestingPolicyEntity;
import org.smartstart.backoffice.persistence.disputes.DisputeEntity;
import org.smartstart.backoffice.persistence.disputes.DisputeEvidenceEntity;
import org.smartstart.backoffice.persistence.identity.RoleAssignmentEntity;
import org.smartstart.backoffice.persistence.identity.UserCredentialsEntity;
import org.smartstart.backoffice.persistence.identity.UserEntity;
import org.smartstart.backoffice.persistence.identity.UserSessionEntity;
import org.smartstart.backoffice.persistence.kyc.DocumentBlobEntity;
import org.smartstart.backoffice.persistence.kyc.KybDocumentEntity;
import org.smartstart.backoffice.persistence.kyc.KycDocumentEntity;
import org.smartstart.backoffice.persistence.legalholds.LegalHoldEntity;
import org.smartstart.backoffice.persistence.tokens.BuzIssuanceRuleEntity;
import org.smartstart.backoffice.persistence.tokens.BuzTransactionEntity;
import org.smartstart.backoffice.persistence.tokens.UserWalletEntity;
import org.smartstart.backoffice.persistence.ventures.BillingAccountEntity;
import org.smartstart.backoffice.persistence.ventures.InvoiceEntity;
import org.smartstart.backoffice.persistence.ventures.SecurityPolicyEntity;
import org.smartstart.backoffice.persistence.ventures.VentureEntity;
import org.smartstart.backoffice.persistence.ventures.VentureItPackEntity;
import org.smartstart.backoffice.persistence.work.BadgeEntity;
import org.smartstart.backoffice.persistence.work.ContractEntity;
import org.smartstart.backoffice.persistence.work.ContributionEventEntity;
import org.smartstart.backoffice.persistence.work.DevicePostureReportEntity;
import org.smartstart.backoffice.persistence.work.ReviewEntity;
import org.smartstart.backoffice.persistence.work.SkillEntity;
import org.smartstart.backoffice.persistence.work.TaskEntity;
import org.smartstart.backoffice.persistence.work.UserSkillEntity;

import javax.sql.DataSource;
import java.util.List;
import java.util.Objects;

/**
 * The Hibernate session factory of the process, on the one shared connection pool. Flyway owns the
 * schema: Hibernate never creates or alters it ({@code hbm2ddl.auto = none}); {@link #validateSchema()}
 * checks that the mapping still matches what the migrations built.
 */
public final class HibernateSessions implements AutoCloseable {

    /** Every mapped table, one entity each (listed explicitly: no classpath scanning at start-up). */
    public static final List<Class<?>> ENTITIES = List.of(
            // identity
            UserEntity.class, UserCredentialsEntity.class, UserSessionEntity.class, RoleAssignmentEntity.class,
            // ventures
            VentureEntity.class, VentureItPackEntity.class, BillingAccountEntity.class, InvoiceEntity.class,
            SecurityPolicyEntity.class,
            // cap table
            VestingPolicyEntity.class, EquityLedgerEntity.class, EquityConversionEntity.class,
            // BUZ tokens
            UserWalletEntity.class, BuzIssuanceRuleEntity.class, BuzTransactionEntity.class,
            // contributions, contracts, gamification, devices
            TaskEntity.class, ReviewEntity.class, ContributionEventEntity.class, ContractEntity.class,
            SkillEntity.class, UserSkillEntity.class, BadgeEntity.class, DevicePostureReportEntity.class,
            // KYC / KYB
            KycDocumentEntity.class, KybDocumentEntity.class, DocumentBlobEntity.class,
            // legal holds, disputes
            LegalHoldEntity.class, DisputeEntity.class, DisputeEvidenceEntity.class,
            // audit
            AuditLogEntity.class, AuditOutboxEntity.class, AuditChainHeadEntity.class);

    private final SessionFactory sessionFactory;

    private HibernateSessions(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /**
     * Builds the session factory over {@code dataSource} (the pool of
     * {@link org.smartstart.backoffice.persistence.db.BackOfficeDatabase#dataSource()}). The pool already
     * knows the user and password, so none are given to Hibernate.
     */
    public static HibernateSessions open(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                // timestamptz columns are read and written as instants; never the JVM's zone
                .applySetting(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                // inserts keep the order of persist(): many references are plain uuid columns Hibernate
                // cannot see, and foreign keys are checked per statement
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                // versioned rows are updated one statement each, so a lost race names its row and id
                .applySetting(AvailableSettings.BATCH_VERSIONED_DATA, false)
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            ENTITIES.forEach(sources::addAnnotatedClass);
            return new HibernateSessions(sources.buildMetadata().buildSessionFactory());
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /** A unit of work per user action on these sessions. */
    public UnitOfWork unitOfWork() {
        return new UnitOfWork(sessionFactory);
    }

    /**
     * Checks every mapped table and column against the database (types included) and throws
     * {@link org.hibernate.tool.schema.spi.SchemaManagementException} naming the first mismatch.
     */
    public void validateSchema() {
        sessionFactory.getSchemaManager().validateMappedObjects();
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
