package org.smartstart.backoffice.ui.shell;

import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.ui.navigation.Place;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceRoutingTest {

    private static final UUID ID = UUID.randomUUID();

    @Test
    void each_place_opens_the_screen_that_owns_it() {
        assertThat(DesktopShell.pageFor(new Place.AuditTrailOf("dispute", ID))).isEqualTo(Page.AUDIT);
        assertThat(DesktopShell.pageFor(new Place.AuditEntryAt(7))).isEqualTo(Page.AUDIT);
        assertThat(DesktopShell.pageFor(new Place.ObjectOf("dispute", ID, null))).isEqualTo(Page.DISPUTES);
        assertThat(DesktopShell.pageFor(new Place.ObjectOf("kyc_document", ID, null))).isEqualTo(Page.KYC_REVIEW);
        assertThat(DesktopShell.pageFor(new Place.ObjectOf("kyb_document", ID, null))).isEqualTo(Page.KYC_REVIEW);
        assertThat(DesktopShell.pageFor(new Place.ObjectOf("venture", ID, ID))).isEqualTo(Page.CAP_TABLES);
        assertThat(DesktopShell.pageFor(new Place.ObjectOf("legal_hold", ID, ID))).isEqualTo(Page.LEGAL_HOLDS);
        assertThat(DesktopShell.pageFor(new Place.ObjectOf("user", ID, null))).isEqualTo(Page.ADMINISTRATION);
    }

    @Test
    void an_object_no_screen_shows_leads_nowhere() {
        assertThat(DesktopShell.pageFor(new Place.ObjectOf("session", ID, null))).isNull();
    }
}
