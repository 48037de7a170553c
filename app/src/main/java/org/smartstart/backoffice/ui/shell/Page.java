package org.smartstart.backoffice.ui.shell;

/** The entries of the left navigation, in order; Ctrl+1.. selects them. */
public enum Page {
    VENTURES("Ventures", null),
    CAP_TABLES("Cap tables", "Cap tables arrive in a later version."),
    KYC_REVIEW("KYC review", null),
    DISPUTES("Disputes", "Disputes arrive in a later version."),
    LEGAL_HOLDS("Legal holds", "Legal holds arrive in a later version."),
    AUDIT("Audit", "The audit browser arrives in a later version."),
    ADMINISTRATION("Administration", "Administration arrives in a later version.");

    private final String title;
    private final String notYet;

    Page(String title, String notYet) {
        this.title = title;
        this.notYet = notYet;
    }

    public String title() {
        return title;
    }

    /** For pages not built yet: the honest sentence they show instead. */
    public String notYetAvailable() {
        return notYet;
    }

    public boolean available() {
        return notYet == null;
    }
}
