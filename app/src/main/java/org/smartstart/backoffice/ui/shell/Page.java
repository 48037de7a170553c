package org.smartstart.backoffice.ui.shell;

/** The entries of the left navigation, in order; Ctrl+1.. selects them. */
public enum Page {
    VENTURES("Ventures", null),
    CAP_TABLES("Cap tables", null),
    KYC_REVIEW("KYC review", null),
    DISPUTES("Disputes", null),
    LEGAL_HOLDS("Legal holds", null),
    AUDIT("Audit", null),
    ADMINISTRATION("Administration", null);

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
