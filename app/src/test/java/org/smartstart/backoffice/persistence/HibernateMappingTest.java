package org.smartstart.backoffice.persistence;

import org.hibernate.Session;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.persistence.audit.AuditChainHeadEntity;
import org.smartstart.backoffice.persistence.audit.AuditLogEntity;
import org.smartstart.backoffice.persistence.audit.AuditOutboxEntity;
import org.smartstart.backoffice.persistence.captable.EquityConversionEntity;
import org.smartstart.backoffice.persistence.captable.EquityLedgerEntity;
import org.smartstart.backoffice.persistence.captable.VestingFrequency;
import org.smartstart.backoffice.persistence.captable.VestingPolicyEntity;
import org.smartstart.backoffice.persistence.disputes.DisputeEntity;
import org.smartstart.backoffice.persistence.disputes.DisputeEvidenceEntity;
import org.smartstart.backoffice.persistence.disputes.DisputeObjectType;
import org.smartstart.backoffice.persistence.disputes.DisputeStatus;
import org.smartstart.backoffice.persistence.identity.KycStatus;
import org.smartstart.backoffice.persistence.identity.RoleAssignmentEntity;
import org.smartstart.backoffice.persistence.identity.RoleName;
import org.smartstart.backoffice.persistence.identity.RoleScope;
import org.smartstart.backoffice.persistence.identity.UserCredentialsEntity;
import org.smartstart.backoffice.persistence.identity.UserEntity;
import org.smartstart.backoffice.persistence.identity.UserSessionEntity;
import org.smartstart.backoffice.persistence.kyc.DocStatus;
import org.smartstart.backoffice.persistence.kyc.DocumentBlobEntity;
import org.smartstart.backoffice.persistence.kyc.KybDocType;
import org.smartstart.backoffice.persistence.kyc.KybDocumentEntity;
import org.smartstart.backoffice.persistence.kyc.KycDocType;
import org.smartstart.backoffice.persistence.kyc.KycDocumentEntity;
import org.smartstart.backoffice.persistence.legalholds.HoldScope;
import org.smartstart.backoffice.persistence.legalholds.LegalHoldEntity;
import org.smartstart.backoffice.persistence.tokens.BuzIssuanceRuleEntity;
import org.smartstart.backoffice.persistence.tokens.BuzTransactionEntity;
import org.smartstart.backoffice.persistence.tokens.BuzTxType;
import org.smartstart.backoffice.persistence.tokens.UserWalletEntity;
import org.smartstart.backoffice.persistence.ventures.BillingAccountEntity;
import org.smartstart.backoffice.persistence.ventures.InvoiceEntity;
import org.smartstart.backoffice.persistence.ventures.InvoiceStatus;
import org.smartstart.backoffice.persistence.ventures.PaymentMethod;
import org.smartstart.backoffice.persistence.ventures.PricingTier;
import org.smartstart.backoffice.persistence.ventures.SecurityPolicyEntity;
import org.smartstart.backoffice.persistence.ventures.VentureEntity;
import org.smartstart.backoffice.persistence.ventures.VentureItPackEntity;
import org.smartstart.backoffice.persistence.ventures.VentureStatus;
import org.smartstart.backoffice.persistence.work.AvStatus;
import org.smartstart.backoffice.persistence.work.BadgeEntity;
import org.smartstart.backoffice.persistence.work.ContractEntity;
import org.smartstart.backoffice.persistence.work.ContractType;
import org.smartstart.backoffice.persistence.work.ContributionEventEntity;
import org.smartstart.backoffice.persistence.work.DevicePostureReportEntity;
import org.smartstart.backoffice.persistence.work.ReviewDecision;
import org.smartstart.backoffice.persistence.work.ReviewEntity;
import org.smartstart.backoffice.persistence.work.SkillCategory;
import org.smartstart.backoffice.persistence.work.SkillEntity;
import org.smartstart.backoffice.persistence.work.SkillLevel;
import org.smartstart.backoffice.persistence.work.TaskEntity;
import org.smartstart.backoffice.persistence.work.TaskStatus;
import org.smartstart.backoffice.persistence.work.TaskType;
import org.smartstart.backoffice.persistence.work.UserSkillEntity;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartstart.backoffice.persistence.PersistenceFixtures.auditEntry;
import static org.smartstart.backoffice.persistence.PersistenceFixtures.equity;
import static org.smartstart.backoffice.persistence.PersistenceFixtures.sha256;
import static org.smartstart.backoffice.persistence.PersistenceFixtures.user;
import static org.smartstart.backoffice.persistence.PersistenceFixtures.venture;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HibernateMappingTest {

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

    @Test
    void mappingMatchesTheMigratedSchema() {
        sessions.validateSchema();
    }

    @Test
    void validationNamesWhatIsMissingFromASchemaWithoutMigrations() {
        try (TestDatabase empty = TestPostgres.newEmptyDatabase();
             HibernateSessions onEmpty = HibernateSessions.open(empty.database().dataSource())) {
            assertThatThrownBy(onEmpty::validateSchema)
                    .isInstanceOf(SchemaManagementException.class)
                    .hasMessageContaining("missing table");
        }
    }

    @Test
    void everyEntityIsWrittenAndReadBack() {
        Map<Class<?>, Object> written = new LinkedHashMap<>();
        inRolledBackTransaction(session -> {
            LocalDate start = LocalDate.of(2026, 1, 1);
            // people: a KYC-verified owner (KY-5 lets them hold roles, BZ-2 lets them hold BUZ) and an applicant
            UserEntity owner = user("Olivia Owner", KycStatus.verified);
            UserEntity applicant = user("Arun Applicant", KycStatus.pending);
            session.persist(owner);
            session.persist(applicant);
            written.put(UserEntity.class, owner.getId());

            UserCredentialsEntity credentials = new UserCredentialsEntity();
            credentials.setUserId(owner.getId());
            credentials.setPasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
            // a password an administrator sets for someone else is temporary (ID-4, V22)
            credentials.setMustChangePassword(true);
            session.persist(credentials);
            written.put(UserCredentialsEntity.class, owner.getId());

            UserSessionEntity login = new UserSessionEntity();
            login.setUser(owner);
            login.setTokenSha256(sha256("token " + owner.getId()));
            login.setExpiresAt(Instant.now().plus(8, ChronoUnit.HOURS));
            login.setClientHost("desk-7");
            session.persist(login);
            written.put(UserSessionEntity.class, login.getId());

            // a draft venture (KY-6: active would need verified KYB documents)
            VentureEntity venture = venture("Mapping Acme", owner);
            VentureEntity heldVenture = venture("Mapping Held Co", owner);
            session.persist(venture);
            session.persist(heldVenture);
            written.put(VentureEntity.class, venture.getId());

            RoleAssignmentEntity ownerRole = new RoleAssignmentEntity();
            ownerRole.setUser(owner);
            ownerRole.setVenture(venture);
            ownerRole.setRole(RoleName.owner);
            ownerRole.setGrantedBy(staff);
            ownerRole.setReason("founded the venture");
            session.persist(ownerRole);
            written.put(RoleAssignmentEntity.class, ownerRole.getId());

            VentureItPackEntity itPack = new VentureItPackEntity();
            itPack.setVentureId(venture.getId());
            itPack.setGithubOrg("mapping-acme");
            session.persist(itPack);
            written.put(VentureItPackEntity.class, venture.getId());

            BillingAccountEntity billing = new BillingAccountEntity();
            billing.setVenture(venture);
            billing.setPricingTier(PricingTier.t129);
            billing.setPaymentMethod(PaymentMethod.interac);
            billing.setNextInvoiceAt(Instant.parse("2026-02-01T00:00:00Z"));
            session.persist(billing);
            written.put(BillingAccountEntity.class, billing.getId());

            InvoiceEntity invoice = new InvoiceEntity();
            invoice.setBillingAccount(billing);
            invoice.setPeriodStart(start);
            invoice.setPeriodEnd(LocalDate.of(2026, 1, 31));
            invoice.setAmountDue(new BigDecimal("129.00"));
            invoice.setStatus(InvoiceStatus.VOID);
            invoice.setDueAt(Instant.parse("2026-02-15T00:00:00Z"));
            session.persist(invoice);
            written.put(InvoiceEntity.class, invoice.getId());

            SecurityPolicyEntity policy = new SecurityPolicyEntity();
            policy.setVenture(venture);
            policy.setPolicyName("mfa");
            policy.setSettings("{\"required\": true}");
            session.persist(policy);
            written.put(SecurityPolicyEntity.class, policy.getId());

            // cap table: owner 80% vesting + platform 20% = 100% (EQ-1), owner >= 35% (EQ-2), alice <= cap (EQ-3)
            VestingPolicyEntity vesting = new VestingPolicyEntity();
            vesting.setName("4y/1y quarterly");
            vesting.setFrequency(VestingFrequency.quarterly);
            session.persist(vesting);
            written.put(VestingPolicyEntity.class, vesting.getId());
            EquityLedgerEntity ownerShare = equity(venture, owner, "80.000", start);
            ownerShare.setVestingPolicy(vesting);
            session.persist(ownerShare);
            session.persist(equity(venture, null, "20.000", start));
            written.put(EquityLedgerEntity.class, ownerShare.getId());

            // BUZ: a board-approved rule (BZ-3, BZ-4), an earn and a conversion debit chained by hash (BZ-5)
            BuzIssuanceRuleEntity rule = new BuzIssuanceRuleEntity();
            rule.setVenture(venture);
            rule.setMonthlyIssueCap(10_000L);
            rule.setConversionBandMin(new BigDecimal("0.000050"));
            rule.setConversionBandMax(new BigDecimal("0.000200"));
            rule.setBoardApproved(true);
            session.persist(rule);
            written.put(BuzIssuanceRuleEntity.class, rule.getId());

            UserWalletEntity wallet = new UserWalletEntity();
            wallet.setUser(owner);
            session.persist(wallet);
            written.put(UserWalletEntity.class, wallet.getId());
            session.flush();
            BuzTransactionEntity earn = buz(wallet, venture, BuzTxType.earn, 100);
            earn.setMemo("First sprint");
            BuzTransactionEntity convert = buz(wallet, venture, BuzTxType.convert, -40);
            session.persist(earn);
            session.flush();
            session.persist(convert);
            session.flush();
            // BZ-5: the database chained both rows and Hibernate read the hashes back
            assertThat(earn.getPrevTxHash()).isEqualTo("0".repeat(64));
            assertThat(earn.getTxHash()).matches("[0-9a-f]{64}");
            assertThat(convert.getPrevTxHash()).isEqualTo(earn.getTxHash());
            wallet.setBuzBalance(60L); // BZ-1: the balance is the sum of the wallet's transactions
            written.put(BuzTransactionEntity.class, earn.getId());

            EquityConversionEntity conversion = new EquityConversionEntity();
            conversion.setVenture(venture);
            conversion.setUser(owner);
            conversion.setBuzSpent(40L);
            conversion.setEquityPercentGranted(new BigDecimal("0.004000")); // 0.0001 per BUZ: inside the band
            conversion.setEffectiveDate(start);
            conversion.setPolicySnapshot("{\"ruleId\": \"" + rule.getId() + "\", \"bandMin\": \"0.000050\", \"bandMax\": \"0.000200\"}");
            session.persist(conversion);
            written.put(EquityConversionEntity.class, conversion.getId());

            // contributions: an open task (LG-1 only guards approval), a review, a scored contribution
            TaskEntity task = new TaskEntity();
            task.setVenture(venture);
            task.setTitle("Map every table");
            task.setType(TaskType.code);
            task.setCreatedByUserId(owner.getId());
            task.setAssigneeUserId(applicant.getId());
            session.persist(task);
            written.put(TaskEntity.class, task.getId());

            ReviewEntity review = new ReviewEntity();
            review.setTask(task);
            review.setReviewerUserId(owner.getId());
            review.setQualityScore(80);
            review.setDecision(ReviewDecision.changes_requested);
            session.persist(review);
            written.put(ReviewEntity.class, review.getId());

            ContributionEventEntity contribution = new ContributionEventEntity();
            contribution.setTask(task);
            contribution.setUser(owner);
            contribution.setImpact(new BigDecimal("1.250"));
            contribution.setTimeliness(new BigDecimal("1.000"));
            contribution.setQuality(new BigDecimal("0.800"));
            contribution.setReviewerCred(new BigDecimal("1.000"));
            contribution.setCsDelta(new BigDecimal("0.0125"));
            contribution.setBuzAwarded(0L);
            session.persist(contribution);
            written.put(ContributionEventEntity.class, contribution.getId());

            ContractEntity contract = new ContractEntity();
            contract.setVenture(venture);
            contract.setType(ContractType.contributor);
            contract.setSigningHash(sha256("contract " + venture.getId()));
            contract.setSigners("[{\"user_id\": \"" + owner.getId() + "\", \"name\": \"Olivia Owner\"}]");
            session.persist(contract);
            written.put(ContractEntity.class, contract.getId());

            SkillEntity skill = new SkillEntity();
            skill.setSlug("postgres-" + UUID.randomUUID());
            skill.setName("PostgreSQL");
            skill.setCategory(SkillCategory.engineering);
            session.persist(skill);
            written.put(SkillEntity.class, skill.getId());
            UserSkillEntity.Key skillKey = new UserSkillEntity.Key(owner.getId(), skill.getId());
            session.persist(new UserSkillEntity(skillKey, SkillLevel.expert));
            written.put(UserSkillEntity.class, skillKey);

            BadgeEntity badge = new BadgeEntity();
            badge.setSlug("first-merge-" + UUID.randomUUID());
            badge.setName("First merge");
            badge.setCriteria("{\"approvedTasks\": 1}");
            session.persist(badge);
            written.put(BadgeEntity.class, badge.getId());

            DevicePostureReportEntity device = new DevicePostureReportEntity();
            device.setUser(owner);
            device.setDeviceId("laptop-1");
            device.setEncryptedDisk(true);
            device.setAvStatus(AvStatus.healthy);
            session.persist(device);
            written.put(DevicePostureReportEntity.class, device.getId());

            // KYC/KYB: pending documents with their evidence bytes (KY-7)
            byte[] scan = "%PDF-1.7 passport scan".getBytes(StandardCharsets.UTF_8);
            DocumentBlobEntity blob = new DocumentBlobEntity();
            blob.setSha256(sha256(scan));
            blob.setMediaType("application/pdf");
            blob.setBytes(scan);
            session.persist(blob);
            written.put(DocumentBlobEntity.class, blob.getSha256());

            KycDocumentEntity kyc = new KycDocumentEntity();
            kyc.setUser(applicant);
            kyc.setDocType(KycDocType.passport);
            kyc.setEvidenceSha256(blob.getSha256());
            kyc.setOriginalFilename("passport.pdf");
            kyc.setMediaType("application/pdf");
            kyc.setRiskScore(72);
            session.persist(kyc);
            written.put(KycDocumentEntity.class, kyc.getId());

            KybDocumentEntity kyb = new KybDocumentEntity();
            kyb.setVenture(venture);
            kyb.setDocType(KybDocType.articles_of_inc);
            kyb.setEvidenceSha256(blob.getSha256());
            session.persist(kyb);
            written.put(KybDocumentEntity.class, kyb.getId());

            // a hold on the other venture, so the cap table above is not frozen (EQ-7, BZ-6); compliance imposes (LH-1)
            LegalHoldEntity hold = new LegalHoldEntity();
            hold.setVenture(heldVenture);
            hold.setReason("litigation notice 2026-01");
            hold.setAppliesTo(HoldScope.all);
            hold.setImposedByUserId(staff);
            session.persist(hold);
            written.put(LegalHoldEntity.class, hold.getId());

            // a dispute over the existing task (DS-2), raised by the assignee, with evidence
            DisputeEntity dispute = new DisputeEntity();
            dispute.setVenture(venture);
            dispute.setRaisedByUserId(applicant.getId());
            dispute.setObjectType(DisputeObjectType.task);
            dispute.setObjectId(task.getId());
            dispute.setAssignedTo(staff);
            session.persist(dispute);
            written.put(DisputeEntity.class, dispute.getId());

            DisputeEvidenceEntity evidence = new DisputeEvidenceEntity();
            evidence.setDispute(dispute);
            evidence.setFileName("passport.pdf");
            evidence.setMediaType("application/pdf");
            evidence.setSha256(blob.getSha256());
            evidence.setAddedBy(staff);
            session.persist(evidence);
            written.put(DisputeEvidenceEntity.class, evidence.getId());

            // audit: an unsealed entry, and a sealed one continuing the chain from its head (AU-2)
            AuditOutboxEntity unsealed = new AuditOutboxEntity();
            unsealed.setActorUserId(staff);
            unsealed.setAction("HOLD_IMPOSED");
            unsealed.setObjectType("legal_hold");
            unsealed.setObjectId(hold.getId());
            unsealed.setVentureId(heldVenture.getId());
            unsealed.setData("{\"appliesTo\": \"all\"}");
            session.persist(unsealed);

            AuditChainHeadEntity head = session.find(AuditChainHeadEntity.class, true);
            assertThat(head.getSeq()).isZero();
            assertThat(head.getTxHash()).isEqualTo("0".repeat(64));
            written.put(AuditChainHeadEntity.class, true);
            AuditLogEntity sealed = auditEntry(head.getSeq() + 1, head.getTxHash(), venture.getId());
            session.persist(sealed);
            written.put(AuditLogEntity.class, sealed.getId());

            session.flush();
            written.put(AuditOutboxEntity.class, unsealed.getEntryNo());
            session.clear();

            // every entity class is covered, and each row comes back from the database
            assertThat(written.keySet()).containsExactlyInAnyOrderElementsOf(HibernateSessions.ENTITIES);
            written.forEach((type, id) -> assertThat(session.find(type, id)).as(type.getSimpleName()).isNotNull());

            UserEntity readOwner = session.find(UserEntity.class, owner.getId());
            assertThat(readOwner.getKycStatus()).isEqualTo(KycStatus.verified);
            assertThat(readOwner.getTrustScore()).isEqualByComparingTo("50.00");
            assertThat(readOwner.getCreatedAt()).isNotNull();
            assertThat(readOwner.getVersion()).isNotNull();
            assertThat(session.find(VentureEntity.class, venture.getId()).getStatus()).isEqualTo(VentureStatus.draft);
            assertThat(session.find(InvoiceEntity.class, invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.VOID);
            assertThat(session.find(EquityLedgerEntity.class, ownerShare.getId()).getPercent()).isEqualByComparingTo("80.000");
            assertThat(session.find(EquityConversionEntity.class, conversion.getId()).getEquityPercentGranted())
                    .isEqualTo(new BigDecimal("0.004000"));
            assertThat(session.find(DevicePostureReportEntity.class, device.getId()).getCompliant())
                    .as("computed by the database").isTrue();
            assertThat(session.find(ContractEntity.class, contract.getId()).getSigners()).contains("Olivia Owner");
            assertThat(session.find(DocumentBlobEntity.class, blob.getSha256()).getBytes()).isEqualTo(scan);
            assertThat(session.find(DisputeEntity.class, dispute.getId()))
                    .satisfies(d -> assertThat(d.getStatus()).isEqualTo(DisputeStatus.open))
                    .satisfies(d -> assertThat(d.getResolutionDueAt()).isAfter(d.getFirstResponseDueAt()));
            assertThat(session.find(KycDocumentEntity.class, kyc.getId()).getStatus()).isEqualTo(DocStatus.pending);
            assertThat(session.find(UserSkillEntity.class, skillKey).getLevel()).isEqualTo(SkillLevel.expert);
            assertThat(session.find(AuditOutboxEntity.class, unsealed.getEntryNo()).getId()).isNotNull();
            assertThat(session.find(RoleAssignmentEntity.class, ownerRole.getId()).getScope()).isEqualTo(RoleScope.venture);
            assertThat(session.find(UserWalletEntity.class, wallet.getId()).getBuzBalance()).isEqualTo(60L);
        });
    }

    private void inRolledBackTransaction(Consumer<Session> work) {
        PersistenceFixtures.inRolledBackTransaction(sessions, staff, work);
    }




    private static BuzTransactionEntity buz(UserWalletEntity wallet, VentureEntity venture, BuzTxType type, long amount) {
        BuzTransactionEntity t = new BuzTransactionEntity();
        t.setWallet(wallet);
        t.setVenture(venture);
        t.setType(type);
        t.setAmount(amount);
        return t;
    }
}
