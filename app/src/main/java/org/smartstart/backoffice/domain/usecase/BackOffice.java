package org.smartstart.backoffice.domain.usecase;

import org.smartstart.backoffice.domain.audit.AuditTrail;
import org.smartstart.backoffice.domain.captable.CapTables;
import org.smartstart.backoffice.domain.captable.ocf.CapTableInterchange;
import org.smartstart.backoffice.domain.disputes.Disputes;
import org.smartstart.backoffice.domain.identity.People;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.kyc.KycReview;
import org.smartstart.backoffice.domain.legalholds.LegalHolds;
import org.smartstart.backoffice.domain.tokens.Wallets;
import org.smartstart.backoffice.domain.ventures.Ventures;

/**
 * Every use case, for one signed-in session. The local adapter runs them on the database; the remote
 * adapter sends them to the HTTP API with the session's token. Screens, the CLI and the API server see
 * only this.
 */
public interface BackOffice {

    Session session();

    People people();

    Ventures ventures();

    CapTables capTables();

    /** Import and export of cap tables in the Open Cap Format. */
    CapTableInterchange capTableInterchange();

    Wallets wallets();

    KycReview kycReview();

    LegalHolds legalHolds();

    Disputes disputes();

    AuditTrail auditTrail();
}
