package org.smartstart.backoffice.remote;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.HibernateSessions;
import org.smartstart.backoffice.persistence.audit.PersonalDataTokens;
import org.smartstart.backoffice.persistence.db.Transactions;
import org.smartstart.backoffice.persistence.identity.Argon2idPasswordHasher;
import org.smartstart.backoffice.persistence.usecase.LocalServices;
import org.smartstart.backoffice.persistence.usecase.LocalUseCases;
import org.smartstart.backoffice.remote.api.Json;
import org.smartstart.backoffice.remote.client.RemoteConnector;
import org.smartstart.backoffice.remote.client.RemoteOptions;
import org.smartstart.backoffice.remote.server.ApiServer;
import org.smartstart.backoffice.remote.server.ApiServerOptions;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTPS from a PKCS12 keystore, and a database outage answered with 503 and Retry-After. */
class ApiServerTlsAndOutageTest {

    static BackOfficeFixture fixture;
    static UUID user;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = BackOfficeFixture.create();
        user = TestAccounts.user(fixture.db(), "Tess Tls", "tls." + UUID.randomUUID() + "@api.test", "pw", "support");
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    @Test
    void serves_https_from_a_pkcs12_keystore(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Path certificate = dir.resolve("server.cer");
        Path truststore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        keytool("-exportcert", "-alias", "server", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(),
                "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", "trustme");

        try (LocalServices services = LocalServices.open(fixture.db().database(), fixture.clock());
             ApiServer server = ApiServer.start(services, ApiServerOptions.http("127.0.0.1", 0)
                     .withTls(keystore, "changeit".toCharArray()))) {
            assertThat(server.uri().getScheme()).isEqualTo("https");
            Session session = fixture.sessionFor(user);

            RemoteConnector trusting = new RemoteConnector(server.uri(),
                    RemoteOptions.defaults().withAttempts(1).trusting(truststore, "trustme".toCharArray()));
            assertThat(trusting.open(session).people().me().orElseThrow().userId()).isEqualTo(user);
            trusting.close();

            RemoteConnector stranger = new RemoteConnector(server.uri(), RemoteOptions.defaults().withAttempts(1));
            Outcome<?> refused = stranger.open(session).people().me();
            assertThat(refused).isInstanceOf(Outcome.Unavailable.class);
            assertThat(refused.describe()).contains("cannot be reached");
            stranger.close();

            // Plain HTTP to the TLS port is not served.
            OkHttpClient plain = new OkHttpClient();
            try (Response r = plain.newCall(new Request.Builder().url("http://127.0.0.1:" + server.port() + "/api/v1/openapi.json").build()).execute()) {
                assertThat(r.code()).isNotEqualTo(200);
            } catch (java.io.IOException expected) {
                // the TLS connector closes the connection
            }
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
    }

    @Test
    void a_database_outage_is_a_503_with_retry_after_and_the_client_says_unavailable() throws Exception {
        Switchable pool = new Switchable(fixture.db().database().dataSource());
        Transactions transactions = new Transactions(pool);
        HibernateSessions hibernate = HibernateSessions.open(pool);
        LocalServices services = new LocalServices(fixture.db().database(), hibernate,
                new LocalUseCases(pool, fixture.clock()), transactions,
                PersonalDataTokens.load(transactions), new Argon2idPasswordHasher(), fixture.clock());
        Session session = fixture.sessionFor(user);
        try (services; ApiServer server = ApiServer.start(services, ApiServerOptions.http("127.0.0.1", 0))) {
            RemoteConnector client = new RemoteConnector(server.uri(), RemoteOptions.defaults().withAttempts(1));
            BackOffice office = client.open(session);
            assertThat(office.ventures().overview().isDone()).isTrue();

            pool.down = true;
            OkHttpClient http = new OkHttpClient();
            for (String path : new String[] {"/api/v1/ventures", "/api/v1/me"}) {
                try (Response r = http.newCall(new Request.Builder().url(server.uri() + path)
                        .header("Authorization", "Bearer " + session.token()).build()).execute()) {
                    assertThat(r.code()).isEqualTo(503);
                    assertThat(r.header("Retry-After")).isNotBlank();
                    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                    JsonNode problem = Json.mapper().readTree(r.body().bytes());
                    assertThat(problem.path("outcome").asText()).isEqualTo("Unavailable");
                    assertThat(problem.toString()).doesNotContain("Exception");
                }
            }
            Outcome<?> outcome = office.ventures().overview();
            assertThat(outcome).isInstanceOf(Outcome.Unavailable.class);
            assertThat(((Outcome.Unavailable<?>) outcome).retryAfter()).isPositive();
            assertThat(client.signIn("nobody@x.test", "pw".toCharArray(),
                    new org.smartstart.backoffice.domain.identity.ClientInfo("h", "u")))
                    .isInstanceOf(org.smartstart.backoffice.domain.identity.SignInResult.Unavailable.class);

            pool.down = false;
            assertThat(office.ventures().overview().isDone()).isTrue();
            client.close();
        }
    }

    @Test
    void the_client_retries_a_503_and_the_retry_succeeds() throws Exception {
        Switchable pool = new Switchable(fixture.db().database().dataSource());
        Transactions transactions = new Transactions(pool);
        HibernateSessions hibernate = HibernateSessions.open(pool);
        LocalServices services = new LocalServices(fixture.db().database(), hibernate,
                new LocalUseCases(pool, fixture.clock()), transactions,
                PersonalDataTokens.load(transactions), new Argon2idPasswordHasher(), fixture.clock());
        Session session = fixture.sessionFor(user);
        try (services; ApiServer server = ApiServer.start(services, ApiServerOptions.http("127.0.0.1", 0))) {
            RemoteOptions quick = new RemoteOptions(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5), 3,
                    java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(20), java.util.Optional.empty(), null);
            RemoteConnector client = new RemoteConnector(server.uri(), quick);
            pool.failNext.set(2);
            assertThat(client.open(session).people().me().orElseThrow().userId()).isEqualTo(user);
            assertThat(pool.failNext.get()).isZero();

            pool.failNext.set(5);
            Outcome<?> gaveUp = client.open(session).people().me();
            assertThat(gaveUp).isInstanceOf(Outcome.Unavailable.class);
            pool.failNext.set(0);
            client.close();
        }
    }

    /** A pool that can be made to fail like an unreachable database. */
    static final class Switchable implements DataSource {
        private final DataSource delegate;
        volatile boolean down;
        final java.util.concurrent.atomic.AtomicInteger failNext = new java.util.concurrent.atomic.AtomicInteger();

        Switchable(DataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new SQLTransientConnectionException("Connection refused: the database is down (test)", "08001");
            }
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return delegate.isWrapperFor(iface);
        }
    }
}
