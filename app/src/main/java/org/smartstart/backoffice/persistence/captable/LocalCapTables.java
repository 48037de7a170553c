package org.smartstart.backoffice.persistence.captable;

import org.smartstart.backoffice.domain.captable.CapTable;
import org.smartstart.backoffice.domain.captable.CapTableChange;
import org.smartstart.backoffice.domain.captable.CapTableUseCases;
import org.smartstart.backoffice.domain.captable.CapTables;
import org.smartstart.backoffice.domain.captable.Conversion;
import org.smartstart.backoffice.domain.captable.ConversionRequest;
import org.smartstart.backoffice.domain.captable.HolderCandidate;
import org.smartstart.backoffice.domain.captable.LedgerChangeRecord;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.NewVestingPolicy;
import org.smartstart.backoffice.domain.captable.VestingAttachment;
import org.smartstart.backoffice.domain.captable.VestingPolicy;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.usecase.LocalTx;
import org.smartstart.backoffice.persistence.usecase.LocalUseCases;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The cap table port on the database: each call is one transaction of {@link LocalUseCases} running the
 * domain's {@link CapTableUseCases} on a JDBC store. The database's triggers (V2, V3, V10) check the same
 * rules again at the statement and at commit; their refusals come back with the same rule ids.
 */
public final class LocalCapTables implements CapTables {

    private final LocalUseCases useCases;
    private final Session session;

    public LocalCapTables(LocalUseCases useCases, Session session) {
        this.useCases = useCases;
        this.session = session;
    }

    @Override
    public Outcome<CapTable> capTableOn(UUID ventureId, LocalDate asOf) {
        return useCases.query(session, (actor, tx) ->
                new CapTableUseCases(new JdbcCapTableStore(tx.connection())).capTableOn(actor, ventureId, asOf));
    }

    @Override
    public Outcome<List<LedgerRow>> ledger(UUID ventureId) {
        return useCases.query(session, (actor, tx) ->
                new CapTableUseCases(new JdbcCapTableStore(tx.connection())).ledger(actor, ventureId));
    }

    @Override
    public Outcome<CapTable> changeCapTable(UUID ventureId, CapTableChange change) {
        return useCases.command(session, (actor, tx, audit) ->
                new CapTableUseCases(new JdbcCapTableStore(tx.connection())).changeCapTable(actor, ventureId, change, tx.now(), audit));
    }

    @Override
    public Outcome<Conversion> convertBuz(UUID ventureId, ConversionRequest request) {
        return useCases.command(session, (actor, tx, audit) ->
                new CapTableUseCases(new JdbcCapTableStore(tx.connection())).convertBuz(actor, ventureId, request, tx.now(), audit));
    }

    @Override
    public Outcome<List<LedgerChangeRecord>> ledgerHistory(UUID ventureId) {
        return useCases.query(session, (actor, tx) -> uses(tx).ledgerHistory(actor, ventureId));
    }

    @Override
    public Outcome<List<HolderCandidate>> holderCandidates(UUID ventureId, String search) {
        return useCases.query(session, (actor, tx) -> uses(tx).holderCandidates(actor, ventureId, search));
    }

    @Override
    public Outcome<List<VestingPolicy>> vestingPolicies(UUID ventureId) {
        return useCases.query(session, (actor, tx) -> uses(tx).vestingPolicies(actor, ventureId));
    }

    @Override
    public Outcome<VestingPolicy> createVestingPolicy(UUID ventureId, NewVestingPolicy policy) {
        return useCases.command(session, (actor, tx, audit) -> uses(tx).createVestingPolicy(actor, ventureId, policy, tx.now(), audit));
    }

    @Override
    public Outcome<VestingPolicy> renameVestingPolicy(UUID ventureId, UUID policyId, String name) {
        return useCases.command(session, (actor, tx, audit) -> uses(tx).renameVestingPolicy(actor, ventureId, policyId, name, audit));
    }

    @Override
    public Outcome<CapTable> attachVestingPolicy(UUID ventureId, VestingAttachment attachment) {
        return useCases.command(session, (actor, tx, audit) -> uses(tx).attachVestingPolicy(actor, ventureId, attachment, tx.now(), audit));
    }

    private static CapTableUseCases uses(LocalTx tx) {
        return new CapTableUseCases(new JdbcCapTableStore(tx.connection()));
    }
}
