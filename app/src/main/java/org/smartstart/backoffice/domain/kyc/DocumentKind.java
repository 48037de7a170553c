package org.smartstart.backoffice.domain.kyc;

/** Whose document: a person's identity (KYC) or a venture's company papers (KYB). */
public enum DocumentKind {
    KYC, KYB
}
