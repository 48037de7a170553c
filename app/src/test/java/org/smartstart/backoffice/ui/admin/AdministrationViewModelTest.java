package org.smartstart.backoffice.ui.admin;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.identity.KycState;
import org.smartstart.backoffice.domain.identity.PersonSummary;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.identity.RoleAssignment;
import org.smartstart.backoffice.domain.tokens.BuzTxType;
import org.smartstart.backoffice.domain.tokens.WalletTransaction;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
import org.smartstart.backoffice.ui.tasks.CurrentThreadTaskExecutor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The administration view model on a real database through the local adapter. */
class AdministrationViewModelTest {

    private static BackOfficeFixture fixture;
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private AdminScenario scenario;
    private AdministrationViewModel viewModel;

    @BeforeAll
    static void database() {
        fixture = BackOfficeFixture.create();
    }

    @AfterAll
    static void dropDatabase() {
        fixture.close();
    }

    @BeforeEach
    void signInAsAdministrator() throws SQLException {
        scenario = AdminScenario.create(fixture.db());
        viewModel = viewModelFor(scenario.admin());
        viewModel.load();
    }

    private AdministrationViewModel viewModelFor(UUID user) {
        BackOffice backOffice = fixture.as(Adapter.LOCAL, user);
        return new AdministrationViewModel(backOffice.people(), backOffice.ventures(),
                new BuzWalletViewModel(backOffice.wallets(), executor), executor, fixture.clock(), ZoneOffset.UTC);
    }

    private VentureOverview venture() {
        return viewModel.ventures().stream().filter(v -> v.id().equals(scenario.venture())).findFirst().orElseThrow();
    }

    @Test
    void searches_by_name_or_email_role_and_kyc_status() {
        viewModel.searchTextProperty().set("pia." + scenario.tag());
        viewModel.search();
        assertThat(viewModel.found()).extracting(PersonSummary::displayName).containsExactly("Pia Pending " + scenario.tag());
        assertThat(viewModel.searchSummaryProperty().get()).isEqualTo("1 person match");

        viewModel.searchTextProperty().set(scenario.tag());
        viewModel.kycFilterProperty().set(KycState.PENDING);
        viewModel.search();
        assertThat(viewModel.found()).extracting(PersonSummary::displayName)
                .containsExactlyInAnyOrder("Pia Pending " + scenario.tag(), "Lars Locked " + scenario.tag());

        viewModel.kycFilterProperty().set(null);
        viewModel.roleFilterProperty().set(Role.ADMIN);
        viewModel.search();
        assertThat(viewModel.found()).extracting(PersonSummary::id).containsExactly(scenario.admin());
        assertThat(executor.executedTitles()).contains("Loading ventures…", "Searching people…");
        assertThat(executor.unhandledFailures()).isEmpty();
    }

    @Test
    void granting_a_role_to_a_person_without_verified_kyc_is_refused_with_KY_5_and_keeps_the_input() throws SQLException {
        viewModel.open(scenario.pending());
        assertThat(viewModel.personProperty().get().displayName()).isEqualTo("Pia Pending " + scenario.tag());
        viewModel.grantRoleProperty().set(Role.CONTRIBUTOR);
        assertThat(viewModel.canGrantProperty().get()).as("a venture role needs its venture").isFalse();
        viewModel.grantVentureProperty().set(venture());
        viewModel.grantReasonProperty().set("Joins the hardware team");
        assertThat(viewModel.canGrantProperty().get()).isTrue();

        viewModel.grant();

        AdminFeedback feedback = viewModel.feedbackProperty().get();
        assertThat(feedback.refused()).isTrue();
        assertThat(feedback.ruleIds()).isEqualTo("KY-5");
        assertThat(feedback.sentence()).startsWith("The Contributor role on " + scenario.ventureName() + " was not granted to Pia Pending")
                .contains("is not KYC-verified (status pending)");
        assertThat(viewModel.grantReasonProperty().get()).isEqualTo("Joins the hardware team");
        assertThat(viewModel.grantVentureProperty().get().id()).isEqualTo(scenario.venture());
        assertThat(number("SELECT count(*) FROM role_assignments WHERE user_id = '" + scenario.pending() + "'")).isZero();
    }

    @Test
    void grants_a_venture_role_refuses_the_duplicate_with_ID_2_and_revokes_it_into_the_history() throws SQLException {
        viewModel.open(scenario.verified());
        viewModel.grantRoleProperty().set(Role.CONTRIBUTOR);
        viewModel.grantVentureProperty().set(venture());
        viewModel.grantReasonProperty().set("Joins the hardware team");
        viewModel.grant();

        assertThat(viewModel.feedbackProperty().get().refused()).as(viewModel.feedbackProperty().get().sentence()).isFalse();
        assertThat(viewModel.feedbackProperty().get().sentence())
                .isEqualTo("Vera Verified " + scenario.tag() + " now holds the Contributor role on " + scenario.ventureName() + ".");
        assertThat(viewModel.grantReasonProperty().get()).isEmpty();
        assertThat(viewModel.assignments()).singleElement().satisfies(a -> {
            assertThat(a.role()).isEqualTo(Role.CONTRIBUTOR);
            assertThat(a.ventureName()).isEqualTo(scenario.ventureName());
            assertThat(a.grantedByName()).isEqualTo("Ann Admin " + scenario.tag());
            assertThat(a.reason()).isEqualTo("Joins the hardware team");
        });

        viewModel.grantReasonProperty().set("Once more");
        viewModel.grant();
        assertThat(viewModel.feedbackProperty().get().ruleIds()).isEqualTo("ID-2");
        assertThat(viewModel.feedbackProperty().get().sentence()).contains("already holds the Contributor role on " + scenario.ventureName());

        viewModel.selectedAssignmentProperty().set(viewModel.assignments().get(0));
        assertThat(viewModel.canRevokeProperty().get()).isTrue();
        viewModel.revoke();
        assertThat(viewModel.feedbackProperty().get().refused()).isTrue();
        assertThat(viewModel.feedbackProperty().get().sentence()).contains("Reason: is missing");

        viewModel.revokeReasonProperty().set("Left the team");
        viewModel.revoke();
        assertThat(viewModel.feedbackProperty().get().sentence())
                .isEqualTo("The Contributor role on " + scenario.ventureName() + " of Vera Verified " + scenario.tag()
                        + " is revoked; it stays in the history below.");
        assertThat(viewModel.assignments()).singleElement().satisfies(a -> {
            assertThat(a.active()).isFalse();
            assertThat(a.revokeReason()).isEqualTo("Left the team");
            assertThat(a.revokedByName()).isEqualTo("Ann Admin " + scenario.tag());
        });
        assertThat(viewModel.personProperty().get().revokedRoles()).hasSize(1);
    }

    @Test
    void a_global_role_takes_no_venture() {
        viewModel.open(scenario.verified());
        viewModel.grantRoleProperty().set(Role.CONTRIBUTOR);
        viewModel.grantVentureProperty().set(venture());
        viewModel.grantRoleProperty().set(Role.SUPPORT);
        assertThat(viewModel.grantVentureNeededProperty().get()).isFalse();
        assertThat(viewModel.grantVentureProperty().get()).isNull();
        viewModel.grantReasonProperty().set("Answers disputes from January");
        viewModel.grant();
        assertThat(viewModel.assignments()).extracting(RoleAssignment::role, RoleAssignment::ventureId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Role.SUPPORT, null));
        assertThat(AdministrationViewModel.where(viewModel.assignments().get(0))).isEqualTo("Platform (global)");
    }

    @Test
    void unlocks_a_locked_account() throws SQLException {
        viewModel.open(scenario.locked());
        assertThat(viewModel.loginStateProperty().get()).startsWith("Locked until ").endsWith(" after 5 failed sign-ins");
        assertThat(viewModel.canUnlockProperty().get()).isTrue();

        viewModel.unlock();

        assertThat(viewModel.feedbackProperty().get().sentence())
                .isEqualTo("The account of Lars Locked " + scenario.tag() + " is unlocked; the failed sign-ins are forgotten.");
        assertThat(viewModel.loginStateProperty().get()).isEqualTo("Can sign in");
        assertThat(viewModel.canUnlockProperty().get()).isFalse();
        assertThat(number("SELECT failed_attempts FROM user_credentials WHERE user_id = '" + scenario.locked() + "'")).isZero();
    }

    @Test
    void issues_buz_shows_the_chain_and_refuses_above_the_monthly_cap_with_the_figures() throws SQLException {
        viewModel.open(scenario.verified());
        BuzWalletViewModel wallet = viewModel.wallet();
        assertThat(wallet.balanceProperty().get()).isEqualTo("No wallet yet: Vera Verified " + scenario.tag() + " has never held BUZ");
        wallet.issueVentureProperty().set(venture());
        wallet.issueAmountProperty().set("600");
        wallet.issueMemoProperty().set("Sprint 12 delivery");
        wallet.issue();

        assertThat(wallet.feedbackProperty().get().sentence()).as(wallet.feedbackProperty().get().sentence())
                .startsWith("Issued 600 BUZ of " + scenario.ventureName() + " to Vera Verified " + scenario.tag() + ": balance 0 → 600 BUZ, tx_hash ");
        assertThat(wallet.balanceProperty().get()).isEqualTo("600 BUZ spendable · 0 BUZ locked · version 2");
        assertThat(wallet.chainIntactProperty().get()).isTrue();
        assertThat(wallet.chainProperty().get()).startsWith("Chain intact (BZ-5): 1 transaction links from 64 zeros");
        assertThat(wallet.transactions()).singleElement().satisfies(tx -> {
            assertThat(tx.type()).isEqualTo(BuzTxType.EARN);
            assertThat(tx.amount()).isEqualTo(600);
            assertThat(tx.prevTxHash()).isEqualTo("0".repeat(64));
            assertThat(tx.txHash()).hasSize(64);
        });
        assertThat(wallet.ventureName(scenario.venture())).isEqualTo(scenario.ventureName());

        wallet.issueAmountProperty().set("500");
        wallet.issue();

        AdminFeedback refusal = wallet.feedbackProperty().get();
        assertThat(refusal.ruleIds()).isEqualTo("BZ-3");
        assertThat(refusal.sentence()).startsWith("No BUZ were issued to Vera Verified " + scenario.tag() + ": Issuing 500 BUZ would bring")
                .contains("to 1100 BUZ, above its monthly cap of 1000 BUZ (600 BUZ already issued this month)");
        assertThat(wallet.issueAmountProperty().get()).isEqualTo("500");
        assertThat(wallet.transactions()).hasSize(1);

        wallet.issueAmountProperty().set("4OO");
        wallet.issue();
        assertThat(wallet.feedbackProperty().get().sentence()).isEqualTo("No BUZ were issued to Vera Verified " + scenario.tag()
                + ": Amount: must be a whole number of BUZ, not \"4OO\".");
    }

    @Test
    void issuing_to_a_person_without_verified_kyc_is_refused_with_BZ_2() {
        viewModel.open(scenario.pending());
        BuzWalletViewModel wallet = viewModel.wallet();
        wallet.issueVentureProperty().set(venture());
        wallet.issueAmountProperty().set("10");
        wallet.issue();
        assertThat(wallet.feedbackProperty().get().ruleIds()).isEqualTo("BZ-2");
        assertThat(wallet.feedbackProperty().get().sentence()).contains("is not KYC-verified (status pending)");
    }

    @Test
    void a_broken_chain_is_flagged() throws SQLException {
        viewModel.open(scenario.verified());
        BuzWalletViewModel wallet = viewModel.wallet();
        wallet.issueVentureProperty().set(venture());
        wallet.issueAmountProperty().set("10");
        wallet.issue();
        WalletTransaction tx = wallet.transactions().get(0);
        // AU-3 style protection may refuse this update; tampering as the owner with triggers off is what an attacker with the disk could do.
        TestAccounts.exec(fixture.db(), "ALTER TABLE buz_transactions DISABLE TRIGGER USER; "
                + "UPDATE buz_transactions SET memo = 'tampered' WHERE id = '" + tx.id() + "'; "
                + "ALTER TABLE buz_transactions ENABLE TRIGGER USER");
        viewModel.open(scenario.verified());
        assertThat(wallet.chainIntactProperty().get()).isFalse();
        assertThat(wallet.chainProperty().get()).startsWith("Chain BROKEN (BZ-5)");
    }

    @Test
    void someone_who_may_not_look_people_up_is_told_so() throws SQLException {
        AdministrationViewModel outsider = viewModelFor(scenario.pending());
        outsider.load();
        assertThat(outsider.found()).isEmpty();
        assertThat(outsider.feedbackProperty().get().sentence())
                .isEqualTo("People could not be searched: You may not look up people: that takes the global admin, compliance or support role (ID-3).");
    }

    @Test
    void archives_a_person_with_a_reason_and_keeps_them_in_the_list() throws SQLException {
        viewModel.open(scenario.verified());
        assertThat(viewModel.canArchiveProperty().get()).isTrue();
        viewModel.archive();
        assertThat(viewModel.feedbackProperty().get().sentence())
                .isEqualTo("Vera Verified " + scenario.tag() + " was not archived: Reason: is missing: say why the person is archived, it is kept in the audit trail.");

        viewModel.archiveReasonProperty().set("Left the company");
        viewModel.archive();

        assertThat(viewModel.feedbackProperty().get().sentence()).startsWith("Vera Verified " + scenario.tag() + " is archived");
        assertThat(viewModel.personProperty().get().archivedAt()).isNotNull();
        assertThat(viewModel.canArchiveProperty().get()).isFalse();
        viewModel.searchTextProperty().set("vera." + scenario.tag());
        viewModel.search();
        assertThat(viewModel.found()).singleElement().satisfies(p -> assertThat(p.archived()).isTrue());
        assertThat(number("SELECT count(*) FROM users WHERE id = '" + scenario.verified() + "' AND archived_at IS NOT NULL")).isEqualTo(1);
    }

    private static long number(String sql) throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void a_link_to_a_user_opens_that_person_with_their_documents_and_other_places_are_not_shown_here() {
        assertThat(viewModel.show(new org.smartstart.backoffice.ui.navigation.Place.ObjectOf("user", scenario.pending(), null))).isTrue();
        assertThat(viewModel.personProperty().get().id()).isEqualTo(scenario.pending());
        assertThat(viewModel.kycDocuments()).extracting(d -> d.originalFilename()).containsExactly("pia-passport.pdf");
        assertThat(viewModel.badgesProperty().get()).isNotEmpty();
        assertThat(viewModel.show(new org.smartstart.backoffice.ui.navigation.Place.ObjectOf("dispute", UUID.randomUUID(), null))).isFalse();
        assertThat(viewModel.show(new org.smartstart.backoffice.ui.navigation.Place.AuditEntryAt(1))).isFalse();
    }

    @Test
    void creating_a_person_shows_their_temporary_password_once_and_opening_someone_else_forgets_it() {
        viewModel.newNameProperty().set("Quinn New " + scenario.tag());
        viewModel.newEmailProperty().set("quinn." + scenario.tag() + "@admin.test");
        viewModel.newCountryProperty().set("ca");
        assertThat(viewModel.canCreateProperty().get()).isTrue();

        viewModel.createPerson();

        String temporary = viewModel.temporaryPasswordProperty().get();
        assertThat(temporary).hasSize(16);
        assertThat(viewModel.temporaryPasswordForProperty().get()).isEqualTo("Quinn New " + scenario.tag());
        assertThat(viewModel.personProperty().get().displayName()).isEqualTo("Quinn New " + scenario.tag());
        assertThat(viewModel.personProperty().get().countryCode()).isEqualTo("CA");
        assertThat(viewModel.loginStateProperty().get()).startsWith("Temporary password");
        assertThat(viewModel.newNameProperty().get()).isEmpty();

        viewModel.open(scenario.verified());
        assertThat(viewModel.temporaryPasswordProperty().get()).isEmpty();
    }

    @Test
    void uploading_a_scan_stores_it_and_lists_it_pending_and_a_text_file_is_refused_naming_the_file(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        viewModel.open(scenario.verified());
        java.nio.file.Path scan = dir.resolve("vera-bill.png");
        java.nio.file.Files.write(scan, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3});
        viewModel.uploadDocTypeProperty().set("proof_of_address");

        viewModel.uploadKycDocument(scan);

        assertThat(viewModel.feedbackProperty().get().refused()).as(viewModel.feedbackProperty().get().sentence()).isFalse();
        assertThat(viewModel.feedbackProperty().get().sentence()).contains("vera-bill.png", "waits in the KYC review queue");
        assertThat(viewModel.kycDocuments()).extracting(d -> d.originalFilename() + " " + d.status() + " " + d.mediaType())
                .containsExactly("vera-bill.png pending image/png");

        java.nio.file.Path notes = dir.resolve("notes.txt");
        java.nio.file.Files.writeString(notes, "not a scan");
        viewModel.uploadKycDocument(notes);
        assertThat(viewModel.feedbackProperty().get().refused()).isTrue();
        assertThat(viewModel.feedbackProperty().get().sentence()).contains("notes.txt was not uploaded", "File: is neither a PDF nor a PNG or JPEG");
        assertThat(viewModel.kycDocuments()).hasSize(1);
    }
}
