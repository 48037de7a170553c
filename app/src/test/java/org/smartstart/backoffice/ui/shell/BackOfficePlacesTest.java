package org.smartstart.backoffice.ui.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.identity.SignedInUser;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.BackOfficeConnector;
import org.smartstart.backoffice.ui.signin.Location;
import org.smartstart.backoffice.ui.signin.SignInChoice;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the desktop finds the back office: what is opened when, what is remembered, what is closed. */
class BackOfficePlacesTest {

    private static final ClientInfo CLIENT = new ClientInfo("test-host", "test");

    @TempDir
    Path dir;

    private final AtomicInteger localOpens = new AtomicInteger();
    private final List<FakeConnector> servers = new ArrayList<>();
    private final FakeConnector local = new FakeConnector("this computer's database (test)");

    private BackOfficePlaces places(boolean fixed, UiPreferences preferences) {
        return new BackOfficePlaces(() -> {
            localOpens.incrementAndGet();
            return new DesktopServices(local, CLIENT);
        }, "embedded PostgreSQL in /tmp/test", fixed, url -> {
            FakeConnector server = new FakeConnector("server " + url);
            servers.add(server);
            return server;
        }, CLIENT, preferences);
    }

    @Test
    void the_choice_is_remembered_in_the_settings_file_next_to_the_theme() {
        Path file = dir.resolve("settings.properties");
        UiPreferences.load(file).saveTheme(Theme.DARK);
        assertThat(places(false, UiPreferences.load(file)).initialChoice()).isEqualTo(SignInChoice.thisComputer());

        places(false, UiPreferences.load(file)).remember(new SignInChoice(Location.SERVER, "https://backoffice.example.org"));

        UiPreferences again = UiPreferences.load(file);
        assertThat(again.theme()).isEqualTo(Theme.DARK);
        assertThat(places(false, again).initialChoice()).isEqualTo(new SignInChoice(Location.SERVER, "https://backoffice.example.org"));
    }

    @Test
    void a_database_from_the_command_line_fixes_the_choice_and_is_not_remembered() {
        Path file = dir.resolve("settings.properties");
        UiPreferences.load(file).saveSignInChoice(new SignInChoice(Location.SERVER, "https://backoffice.example.org"));
        BackOfficePlaces fixed = places(true, UiPreferences.load(file));

        assertThat(fixed.choiceFixed()).isTrue();
        assertThat(fixed.initialChoice()).isEqualTo(SignInChoice.thisComputer());
        fixed.remember(SignInChoice.thisComputer());
        assertThat(UiPreferences.load(file).signInChoice().location()).isEqualTo(Location.SERVER);
    }

    @Test
    void this_computers_database_is_opened_once_and_only_when_used() throws Exception {
        BackOfficePlaces places = places(false, UiPreferences.load(dir.resolve("settings.properties")));
        assertThat(localOpens).hasValue(0);

        places.startThisComputer();
        places.startThisComputer();
        SignInResult result = places.signIn(SignInChoice.thisComputer(), "ana@smartstart.test", "pw".toCharArray());

        assertThat(localOpens).hasValue(1);
        assertThat(result).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(places.signedInThrough()).isSameAs(local);
        places.close();
        assertThat(local.closed).isTrue();
    }

    @Test
    void a_server_is_connected_per_address_and_the_replaced_one_is_closed() throws Exception {
        BackOfficePlaces places = places(false, UiPreferences.load(dir.resolve("settings.properties")));
        SignInChoice first = new SignInChoice(Location.SERVER, "https://one.example.org");

        places.signIn(first, "ana@smartstart.test", "pw".toCharArray());
        places.signIn(first, "ana@smartstart.test", "pw".toCharArray());
        assertThat(servers).hasSize(1);
        assertThat(servers.get(0).description()).isEqualTo("server https://one.example.org");
        assertThat(places.signedInThrough()).isSameAs(servers.get(0));

        places.signIn(new SignInChoice(Location.SERVER, "http://two.example.org:8080"), "ana@smartstart.test", "pw".toCharArray());
        assertThat(servers).hasSize(2);
        assertThat(servers.get(0).closed).isTrue();
        assertThat(localOpens).as("a server needs no database here").hasValue(0);

        places.close();
        assertThat(servers.get(1).closed).isTrue();
    }

    private static final class FakeConnector implements BackOfficeConnector {
        private final String description;
        boolean closed;

        FakeConnector(String description) {
            this.description = description;
        }

        @Override
        public SignInResult signIn(String email, char[] password, ClientInfo client) {
            SignedInUser user = new SignedInUser(UUID.randomUUID(), "Ana", email, Set.of());
            return new SignInResult.SignedIn(new Session(UUID.randomUUID(), user.id(), "t", Instant.parse("2026-03-02T17:00:00Z")), user);
        }

        @Override
        public BackOffice open(Session session) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void signOut(Session session, ClientInfo client) {
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
