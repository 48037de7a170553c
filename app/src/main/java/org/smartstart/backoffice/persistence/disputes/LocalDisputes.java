package org.smartstart.backoffice.persistence.disputes;

import org.smartstart.backoffice.domain.disputes.Decision;
import org.smartstart.backoffice.domain.disputes.Dispute;
import org.smartstart.backoffice.domain.disputes.DisputeContext;
import org.smartstart.backoffice.domain.disputes.DisputeEvent;
import org.smartstart.backoffice.domain.disputes.DisputeEvidence;
import org.smartstart.backoffice.domain.disputes.EvidenceContent;
import org.smartstart.backoffice.domain.disputes.EvidenceFile;
import org.smartstart.backoffice.domain.disputes.DisputeFilter;
import org.smartstart.backoffice.domain.disputes.DisputeUseCases;
import org.smartstart.backoffice.domain.disputes.Disputes;
import org.smartstart.backoffice.domain.disputes.NewDispute;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.disputes.Remedy;
import org.smartstart.backoffice.domain.disputes.RemedyPreview;
import org.smartstart.backoffice.persistence.captable.JdbcCapTableStore;
import org.smartstart.backoffice.persistence.tokens.JdbcWalletStore;
import org.smartstart.backoffice.persistence.usecase.LocalUseCases;

import java.util.List;
import java.util.UUID;

/**
 * The disputes port on the database: each call is one transaction of {@link LocalUseCases} running the
 * domain's {@link DisputeUseCases} on a JDBC store. The database checks DS-1..DS-3 again (V3, V13).
 */
public final class LocalDisputes implements Disputes {

    private final LocalUseCases useCases;
    private final Session session;

    public LocalDisputes(LocalUseCases useCases, Session session) {
        this.useCases = useCases;
        this.session = session;
    }

    private static DisputeUseCases on(org.smartstart.backoffice.persistence.usecase.LocalTx tx) {
        return new DisputeUseCases(new JdbcDisputeStore(tx.connection()), new JdbcWalletStore(tx.connection()),
                new JdbcCapTableStore(tx.connection()));
    }

    @Override
    public Outcome<List<Dispute>> disputes(DisputeFilter filter) {
        return useCases.query(session, (actor, tx) -> on(tx).disputes(actor, filter, tx.now()));
    }

    @Override
    public Outcome<Dispute> dispute(UUID disputeId) {
        return useCases.query(session, (actor, tx) -> on(tx).dispute(actor, disputeId, tx.now()));
    }

    @Override
    public Outcome<Dispute> raise(NewDispute dispute) {
        return useCases.command(session, (actor, tx, audit) -> on(tx).raise(actor, dispute, tx.now(), audit));
    }

    @Override
    public Outcome<Dispute> assign(UUID disputeId, UUID assigneeUserId) {
        return useCases.command(session, (actor, tx, audit) -> on(tx).assign(actor, disputeId, assigneeUserId, tx.now(), audit));
    }

    @Override
    public Outcome<Dispute> startReview(UUID disputeId) {
        return useCases.command(session, (actor, tx, audit) -> on(tx).startReview(actor, disputeId, tx.now(), audit));
    }

    @Override
    public Outcome<Dispute> decide(UUID disputeId, Decision decision) {
        return useCases.command(session, (actor, tx, audit) -> on(tx).decide(actor, disputeId, decision, tx.now(), audit));
    }

    @Override
    public Outcome<RemedyPreview> previewBuzRemedy(UUID disputeId, UUID userId, long amount) {
        return useCases.query(session, (actor, tx) -> on(tx).previewRemedy(actor, disputeId,
                new Remedy.BuzCompensation(userId, amount, null), tx.now()));
    }

    @Override
    public Outcome<DisputeContext> context(UUID disputeId) {
        return useCases.query(session, (actor, tx) -> on(tx).context(actor, disputeId));
    }

    @Override
    public Outcome<List<DisputeEvent>> timeline(UUID disputeId) {
        return useCases.query(session, (actor, tx) -> on(tx).timeline(actor, disputeId));
    }

    @Override
    public Outcome<List<DisputeEvidence>> evidence(UUID disputeId) {
        return useCases.query(session, (actor, tx) -> on(tx).evidence(actor, disputeId));
    }

    @Override
    public Outcome<DisputeEvidence> attachEvidence(UUID disputeId, EvidenceFile file) {
        return useCases.command(session, (actor, tx, audit) -> on(tx).attachEvidence(actor, disputeId, file, tx.now(), audit));
    }

    @Override
    public Outcome<EvidenceContent> evidenceFile(UUID disputeId, UUID evidenceId) {
        return useCases.query(session, (actor, tx) -> on(tx).evidenceFile(actor, disputeId, evidenceId));
    }

    @Override
    public Outcome<Dispute> appeal(UUID disputeId, String reason) {
        return useCases.command(session, (actor, tx, audit) -> on(tx).appeal(actor, disputeId, reason, tx.now(), audit));
    }
}
