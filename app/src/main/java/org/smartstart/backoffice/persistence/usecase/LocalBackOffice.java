package org.smartstart.backoffice.persistence.usecase;

import org.smartstart.backoffice.domain.audit.AuditTrail;
import org.smartstart.backoffice.domain.captable.CapTables;
import org.smartstart.backoffice.domain.captable.ocf.CapTableInterchange;
import org.smartstart.backoffice.domain.disputes.Disputes;
import org.smartstart.backoffice.domain.identity.People;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.kyc.KycReview;
import org.smartstart.backoffice.domain.legalholds.LegalHolds;
import org.smartstart.backoffice.domain.tokens.Wallets;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.ventures.Ventures;
import org.smartstart.backoffice.persistence.audit.LocalAuditTrail;
import org.smartstart.backoffice.persistence.captable.LocalCapTableInterchange;
import org.smartstart.backoffice.persistence.captable.LocalCapTables;
import org.smartstart.backoffice.persistence.disputes.LocalDisputes;
import org.smartstart.backoffice.persistence.legalholds.LocalLegalHolds;
import org.smartstart.backoffice.persistence.identity.LocalPeople;
import org.smartstart.backoffice.persistence.kyc.LocalKycReview;
import org.smartstart.backoffice.persistence.tokens.LocalWallets;
import org.smartstart.backoffice.persistence.ventures.LocalVentures;

import java.util.Objects;

/** Every use case of one session, run on the database (the local adapter). */
public final class LocalBackOffice implements BackOffice {

    private final Session session;
    private final People people;
    private final Ventures ventures;
    private final CapTables capTables;
    private final CapTableInterchange capTableInterchange;
    private final Wallets wallets;
    private final KycReview kycReview;
    private final LegalHolds legalHolds;
    private final Disputes disputes;
    private final AuditTrail auditTrail;

    public LocalBackOffice(LocalServices services, Session session) {
        Objects.requireNonNull(services, "services");
        this.session = Objects.requireNonNull(session, "session");
        LocalUseCases useCases = services.useCases();
        this.people = new LocalPeople(useCases, session, services.passwords(), services.tokens()::email);
        this.ventures = new LocalVentures(useCases, session);
        this.capTables = new LocalCapTables(useCases, session);
        this.capTableInterchange = new LocalCapTableInterchange(useCases, session);
        this.wallets = new LocalWallets(useCases, session);
        this.kycReview = new LocalKycReview(useCases, session);
        this.legalHolds = new LocalLegalHolds(useCases, session);
        this.disputes = new LocalDisputes(useCases, session);
        this.auditTrail = new LocalAuditTrail(useCases, session, services.database().dataSource());
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public People people() {
        return people;
    }

    @Override
    public Ventures ventures() {
        return ventures;
    }

    @Override
    public CapTables capTables() {
        return capTables;
    }

    @Override
    public CapTableInterchange capTableInterchange() {
        return capTableInterchange;
    }

    @Override
    public Wallets wallets() {
        return wallets;
    }

    @Override
    public KycReview kycReview() {
        return kycReview;
    }

    @Override
    public LegalHolds legalHolds() {
        return legalHolds;
    }

    @Override
    public Disputes disputes() {
        return disputes;
    }

    @Override
    public AuditTrail auditTrail() {
        return auditTrail;
    }
}
