package org.smartstart.backoffice.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.KycState;
import org.smartstart.backoffice.domain.identity.KycUpload;
import org.smartstart.backoffice.domain.identity.NewPerson;
import org.smartstart.backoffice.domain.identity.PasswordChange;
import org.smartstart.backoffice.domain.identity.PasswordRule;
import org.smartstart.backoffice.domain.identity.People;
import org.smartstart.backoffice.domain.identity.PeopleFilter;
import org.smartstart.backoffice.domain.identity.Person;
import org.smartstart.backoffice.domain.identity.PersonDetails;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening an account with a temporary password (ID-3 "manage users", ID-1) and the first sign-in that must
 * replace it (ID-4), the same through every adapter: the temporary session is refused everything but the
 * password change, and the password is never stored or audited in clear.
 */
@ParameterizedClass
@EnumSource(Adapter.class)
class AccountsContractTest {

    private static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "accounts contract test");

    @Parameter
    Adapter adapter;

    static BackOfficeFixture fixture;

    @BeforeAll
    static void setUp() {
        fixture = BackOfficeFixture.create();
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static UUID staff(String role) throws SQLException {
        String t = tag();
        return TestAccounts.user(fixture.db(), "Staff " + role + " " + t, role + "." + t + "@accounts.test", "Staff-Password-99", role);
    }

    People as(UUID user) {
        return fixture.as(adapter, user).people();
    }

    static String text(String sql) throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    static List<String> fields(Outcome<?> outcome) {
        assertThat(outcome).as(outcome.describe()).isInstanceOf(Outcome.Invalid.class);
        return ((Outcome.Invalid<?>) outcome).problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void an_admin_opens_an_account_with_a_temporary_password_that_is_stored_only_as_an_argon2id_hash() throws SQLException {
        UUID admin = staff("admin");
        String email = "nina." + tag() + "@accounts.test";
        String temporary = PasswordRule.temporaryPassword();

        Person created = as(admin).createPerson(new NewPerson("  Nina Newcomer ", email, "de", temporary)).orElseThrow();

        assertThat(created.displayName()).isEqualTo("Nina Newcomer");
        assertThat(created.email()).isEqualTo(email);
        assertThat(created.countryCode()).isEqualTo("DE");
        assertThat(created.kycStatus()).isEqualTo(KycState.PENDING);
        assertThat(created.hasPassword()).isTrue();
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(created.activeRoles()).isEmpty();
        String hash = text("SELECT password_hash FROM user_credentials WHERE user_id = '" + created.id() + "'");
        assertThat(hash).startsWith("$argon2id$").doesNotContain(temporary);
        String audit = text("SELECT string_agg(data::text, ' ') FROM (SELECT action, object_id, data FROM audit_outbox "
                + "UNION ALL SELECT action, object_id, data FROM audit_log) a WHERE a.action = 'USER_CREATED' AND a.object_id = '" + created.id() + "'");
        assertThat(audit).isNotNull().contains("email_token", "must_change_password").doesNotContain(temporary, email);
        assertThat(text("SELECT count(*) FROM (SELECT action, object_id FROM audit_outbox UNION ALL SELECT action, object_id FROM audit_log) a "
                + "WHERE a.action = 'USER_CREATED' AND a.object_id = '" + created.id() + "'")).isEqualTo("1");
    }

    @Test
    void only_global_admins_open_accounts_and_bad_input_names_the_field() throws SQLException {
        String email = "omar." + tag() + "@accounts.test";
        for (String role : List.of("compliance", "support")) {
            Outcome<Person> refused = as(staff(role)).createPerson(new NewPerson("Omar", email, "CA", PasswordRule.temporaryPassword()));
            assertThat(refused).as(refused.describe()).isInstanceOf(Outcome.Denied.class);
        }
        People admin = as(staff("admin"));
        assertThat(fields(admin.createPerson(new NewPerson(" ", "not-an-address", "XX", "short"))))
                .containsExactly("displayName", "email", "countryCode", "temporaryPassword");
        assertThat(fields(admin.createPerson(new NewPerson("A".repeat(81), email, null, PasswordRule.temporaryPassword()))))
                .containsExactly("displayName");
        Outcome<Person> weak = admin.createPerson(new NewPerson("Omar", email, null, "alllowercaseletters"));
        assertThat(fields(weak)).containsExactly("temporaryPassword");
        assertThat(weak.describe()).contains("three of: lower case, upper case, digits");
        admin.createPerson(new NewPerson("Omar", email, null, PasswordRule.temporaryPassword())).orElseThrow();
        Outcome<Person> twice = admin.createPerson(new NewPerson("Omar Again", email.toUpperCase(), null, PasswordRule.temporaryPassword()));
        assertThat(fields(twice)).containsExactly("email");
        assertThat(twice.describe()).contains("already used by Omar", "ID-1");
        assertThat(text("SELECT count(*) FROM users WHERE lower(email) = lower('" + email + "')")).isEqualTo("1");
    }

    @Test
    void the_first_sign_in_with_a_temporary_password_may_only_change_it_then_everything_works() throws SQLException {
        UUID admin = staff("admin");
        String email = "tara." + tag() + "@accounts.test";
        String temporary = PasswordRule.temporaryPassword();
        Person created = as(admin).createPerson(new NewPerson("Tara Temp", email, null, temporary)).orElseThrow();
        // Tara is made support so that, once her password is her own, she can look people up.
        TestAccounts.exec(fixture.db(), "UPDATE users SET kyc_status = 'verified' WHERE id = '" + created.id() + "'");
        TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES ('" + created.id()
                + "', 'support', 'global', 'test')");

        SignInResult first = fixture.connector(adapter).signIn(email, temporary.toCharArray(), CLIENT);
        assertThat(first).isInstanceOf(SignInResult.PasswordChangeRequired.class);
        SignInResult.PasswordChangeRequired required = (SignInResult.PasswordChangeRequired) first;
        assertThat(required.user().id()).isEqualTo(created.id());
        BackOffice restricted = fixture.connector(adapter).open(required.session());

        Outcome<?> me = restricted.people().me();
        assertThat(me).as(me.describe()).isInstanceOf(Outcome.Denied.class);
        assertThat(me.describe()).contains("temporary password", "ID-4");
        assertThat(restricted.people().people(PeopleFilter.all())).isInstanceOf(Outcome.Denied.class);

        assertThat(fields(restricted.people().changePassword(new PasswordChange("wrong", "Harbour-Lights-42")))).containsExactly("currentPassword");
        assertThat(fields(restricted.people().changePassword(new PasswordChange(temporary, "tooShort1")))).containsExactly("newPassword");
        assertThat(fields(restricted.people().changePassword(new PasswordChange(temporary, temporary)))).containsExactly("newPassword");
        assertThat(fields(restricted.people().changePassword(new PasswordChange(temporary, "Tara-Is-Here-2026")))).containsExactly("newPassword");
        assertThat(text("SELECT must_change_password::text FROM user_credentials WHERE user_id = '" + created.id() + "'")).isEqualTo("true");

        restricted.people().changePassword(new PasswordChange(temporary, "Harbour-Lights-42")).orElseThrow();

        assertThat(restricted.people().me().orElseThrow().userId()).isEqualTo(created.id());
        assertThat(restricted.people().people(PeopleFilter.all()).isDone()).isTrue();
        assertThat(text("SELECT must_change_password::text FROM user_credentials WHERE user_id = '" + created.id() + "'")).isEqualTo("false");
        assertThat(text("SELECT count(*) FROM (SELECT action, object_id FROM audit_outbox UNION ALL SELECT action, object_id FROM audit_log) a "
                + "WHERE a.action = 'PASSWORD_CHANGED' AND a.object_id = '" + created.id() + "'")).isEqualTo("1");
        assertThat(fixture.connector(adapter).signIn(email, temporary.toCharArray(), CLIENT)).isInstanceOf(SignInResult.WrongCredentials.class);
        assertThat(fixture.connector(adapter).signIn(email, "Harbour-Lights-42".toCharArray(), CLIENT)).isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void a_persons_details_show_kyc_decisions_devices_skills_earned_badges_and_sign_ins_newest_first() throws SQLException {
        UUID admin = staff("admin");
        String t = tag();
        String email = "dora." + t + "@accounts.test";
        UUID dora = TestAccounts.user(fixture.db(), "Dora Details " + t, email, "Dora-Password-77");
        TestAccounts.exec(fixture.db(), "INSERT INTO kyc_documents (user_id, doc_type, status, original_filename, media_type, evidence_sha256, "
                + "submitted_at, reason_code, applicant_comment, rejection_final, decided_at, verifier) VALUES ('" + dora + "', 'passport', 'rejected', "
                + "'passport.pdf', 'application/pdf', '" + "a".repeat(64) + "', now() - interval '2 days', 'blurry', 'Please upload a sharper scan', "
                + "false, now() - interval '1 day', 'Rita Reviewer'), ('" + dora + "', 'proof_of_address', 'pending', 'bill.png', 'image/png', '"
                + "b".repeat(64) + "', now(), NULL, NULL, NULL, NULL, NULL)");
        TestAccounts.exec(fixture.db(), "INSERT INTO device_posture_reports (user_id, device_id, os, encrypted_disk, av_status) VALUES ('"
                + dora + "', 'laptop-" + t + "', 'Ubuntu 24.04', true, 'healthy'), ('" + dora + "', 'phone-" + t + "', 'Android 15', false, 'healthy')");
        TestAccounts.exec(fixture.db(), "INSERT INTO skills (id, slug, name, category) VALUES ('" + dora + "', 'java-" + t + "', 'Java " + t
                + "', 'engineering')");
        TestAccounts.exec(fixture.db(), "INSERT INTO user_skills (user_id, skill_id, level, verified) VALUES ('" + dora + "', '" + dora + "', 'expert', false)");
        TestAccounts.exec(fixture.db(), "INSERT INTO badges (slug, name, criteria) VALUES "
                + "('pending-" + t + "', 'Patient " + t + "', '{\"kyc_status\": \"pending\"}'), "
                + "('worker-" + t + "', 'Worker " + t + "', '{\"approved_tasks\": {\"min\": 1}}'), "
                + "('mystery-" + t + "', 'Mystery " + t + "', '{\"moon_phase\": \"full\"}')");
        assertThat(fixture.connector(adapter).signIn(email, "wrong".toCharArray(), CLIENT)).isInstanceOf(SignInResult.WrongCredentials.class);
        fixture.clock().advance(java.time.Duration.ofSeconds(1));
        assertThat(fixture.connector(adapter).signIn(email, "Dora-Password-77".toCharArray(), CLIENT)).isInstanceOf(SignInResult.SignedIn.class);

        PersonDetails details = as(admin).personDetails(dora).orElseThrow();

        assertThat(details.kycDocuments()).extracting(PersonDetails.KycDocument::docType).containsExactly("proof_of_address", "passport");
        PersonDetails.KycDocument passport = details.kycDocuments().get(1);
        assertThat(passport.status()).isEqualTo("rejected");
        assertThat(passport.reasonCode()).isEqualTo("blurry");
        assertThat(passport.applicantComment()).isEqualTo("Please upload a sharper scan");
        assertThat(passport.rejectionFinal()).isFalse();
        assertThat(passport.reviewerName()).isEqualTo("Rita Reviewer");
        assertThat(passport.sha256()).isEqualTo("a".repeat(64));
        assertThat(details.devices()).extracting(PersonDetails.Device::deviceId, PersonDetails.Device::compliant)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("laptop-" + t, true), org.assertj.core.groups.Tuple.tuple("phone-" + t, false));
        assertThat(details.skills()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Java " + t);
            assertThat(s.level()).isEqualTo("expert");
        });
        assertThat(details.badges()).extracting(PersonDetails.Badge::name).contains("Patient " + t)
                .doesNotContain("Worker " + t, "Mystery " + t);
        assertThat(details.logins()).extracting(PersonDetails.LoginEvent::action).containsExactly("LOGIN_SUCCEEDED", "LOGIN_FAILED");
        assertThat(details.logins().get(1).detail()).isEqualTo("wrong_password");
        assertThat(details.logins().get(0).userAgent()).isNotBlank();

        assertThat(as(staff("support")).personDetails(dora).isDone()).isTrue();
        assertThat(as(dora).personDetails(dora)).isInstanceOf(Outcome.Denied.class);
        assertThat(as(admin).personDetails(UUID.randomUUID())).isInstanceOf(Outcome.NotFound.class);
    }

    @Test
    void an_admin_uploads_a_kyc_document_on_a_persons_behalf_stored_with_its_sha256_into_the_review_queue() throws SQLException {
        UUID admin = staff("admin");
        String t = tag();
        UUID eva = TestAccounts.user(fixture.db(), "Eva Upload " + t, "eva." + t + "@accounts.test", "Eva-Password-77");
        byte[] pdf = ("%PDF-1.7\n% scan of Eva's passport " + t + "\n%%EOF").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String base64 = java.util.Base64.getEncoder().encodeToString(pdf);

        PersonDetails.KycDocument uploaded = as(admin).uploadKycDocument(eva, new KycUpload("passport", "eva-passport.pdf", base64)).orElseThrow();

        String sha = org.smartstart.backoffice.domain.identity.DocumentFile.sha256(pdf);
        assertThat(uploaded.status()).isEqualTo("pending");
        assertThat(uploaded.sha256()).isEqualTo(sha);
        assertThat(uploaded.mediaType()).isEqualTo("application/pdf");
        assertThat(uploaded.originalFilename()).isEqualTo("eva-passport.pdf");
        assertThat(text("SELECT encode(sha256(bytes), 'hex') FROM document_blobs WHERE sha256 = '" + sha + "'")).isEqualTo(sha);
        assertThat(text("SELECT count(*) FROM (SELECT action, object_id FROM audit_outbox UNION ALL SELECT action, object_id FROM audit_log) a "
                + "WHERE a.action = 'KYC_DOCUMENT_SUBMITTED' AND a.object_id = '" + uploaded.id() + "'")).isEqualTo("1");
        // it waits in the compliance officers' queue
        UUID officer = staff("compliance");
        assertThat(fixture.as(adapter, officer).kycReview().document(uploaded.id()).isDone()).isTrue();

        Outcome<PersonDetails.KycDocument> notADocument = as(admin).uploadKycDocument(eva, new KycUpload("passport", "notes.txt",
                java.util.Base64.getEncoder().encodeToString("just text".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        assertThat(fields(notADocument)).containsExactly("file");
        assertThat(notADocument.describe()).contains("neither a PDF nor a PNG or JPEG");
        byte[] huge = new byte[KycUpload.MAX_BYTES + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        // 5 MB, as for dispute evidence: one byte more is refused naming the limit (through the API too: 8 MiB bodies)
        assertThat(KycUpload.MAX_BYTES).isEqualTo(5 * 1024 * 1024);
        Outcome<PersonDetails.KycDocument> tooBig = as(admin).uploadKycDocument(eva, new KycUpload("passport", "big.jpg",
                java.util.Base64.getEncoder().encodeToString(huge)));
        assertThat(fields(tooBig)).containsExactly("file");
        assertThat(tooBig.describe()).contains("at most 5 MB");
        assertThat(fields(as(admin).uploadKycDocument(eva, new KycUpload("selfie", " ", base64)))).containsExactly("docType", "originalFilename");
        assertThat(as(staff("support")).uploadKycDocument(eva, new KycUpload("passport", "eva.pdf", base64))).isInstanceOf(Outcome.Denied.class);
        assertThat(text("SELECT count(*) FROM kyc_documents WHERE user_id = '" + eva + "'")).isEqualTo("1");
    }
}
