package org.smartstart.backoffice.remote;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.usecase.LocalServices;
import org.smartstart.backoffice.remote.NotesApi.NewNote;
import org.smartstart.backoffice.remote.NotesApi.Note;
import org.smartstart.backoffice.remote.NotesApi.NoteFilter;
import org.smartstart.backoffice.remote.NotesApi.Shape;
import org.smartstart.backoffice.remote.api.Json;
import org.smartstart.backoffice.remote.client.RemoteConnector;
import org.smartstart.backoffice.remote.client.RemoteOptions;
import org.smartstart.backoffice.remote.server.ApiServer;
import org.smartstart.backoffice.remote.server.ApiServerOptions;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API's own behaviour, on a small port of its own ({@link NotesApi}) served by the same generic
 * server: bad input is a 4xx problem naming the field and writes nothing, commands are idempotent, sign-in
 * and tokens, exact JSON round trips through the client.
 */
class ApiServerTest {

    private static final MediaType JSON = MediaType.get("application/json");

    static BackOfficeFixture fixture;
    static LocalServices services;
    static ApiServer server;
    static OkHttpClient http;
    static UUID user;
    static Session session;

    @BeforeAll
    static void start() throws Exception {
        fixture = BackOfficeFixture.create();
        TestAccounts.exec(fixture.db(), NotesApi.TABLE);
        services = LocalServices.open(fixture.db().database(), fixture.clock());
        server = ApiServer.start(services, ApiServerOptions.http("127.0.0.1", 0), NotesApi.class, NotesApi.Local::new);
        http = new OkHttpClient();
        user = TestAccounts.user(fixture.db(), "Api Tester", "api." + UUID.randomUUID() + "@api.test", "secret-pw");
        session = fixture.sessionFor(user);
    }

    @AfterAll
    static void stop() {
        server.close();
        services.close();
        fixture.close();
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void bad_input_is_a_4xx_problem_naming_the_field_and_writes_nothing() throws Exception {
        long before = notes();
        String big = "{\"text\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}";
        Object[][] cases = {
                // method, path, body, token?, idempotency key?, status, field (or null)
                {"POST", "/notes", "{\"text\": \"a\",", true, true, 400, "body"},
                {"POST", "/notes", "[1,2]", true, true, 400, "body"},
                {"POST", "/notes", "", true, true, 400, "body"},
                {"POST", "/notes", "{\"text\":\"a\",\"amount\":\"lots\"}", true, true, 400, "amount"},
                {"POST", "/notes", "{\"text\":\"a\",\"on\":17}", true, true, 400, "on"},
                {"POST", "/notes", "{\"text\":\"a\",\"on\":\"2026-02-30\"}", true, true, 400, "on"},
                {"POST", "/notes", "{\"amount\":\"1.5\"}", true, true, 400, "text"},
                {"POST", "/notes", "{\"text\":\"a\",\"colour\":\"red\"}", true, true, 400, "colour"},
                {"POST", "/notes", "{\"text\":\"   \"}", true, true, 400, "text"},
                {"POST", "/notes", "{\"text\":\"a\"}", true, false, 400, "Idempotency-Key"},
                {"POST", "/notes", big, true, true, 413, null},
                {"POST", "/notes/" + UUID.randomUUID() + "/reword", "{\"text\":\"b\",\"version\":\"one\"}", true, true, 400, "version"},
                {"POST", "/notes/" + UUID.randomUUID() + "/reword", "{\"text\":\"b\"}", true, true, 400, "version"},
                {"POST", "/notes/not-a-uuid/reword", "{\"text\":\"b\",\"version\":1}", true, true, 400, "noteId"},
                {"POST", "/shapes/bigger", "{\"kind\":\"Triangle\",\"side\":\"1\"}", true, true, 400, null},
                {"POST", "/shapes/bigger", "{\"side\":\"1\"}", true, true, 400, null},
                {"GET", "/notes/not-a-uuid", null, true, false, 400, "noteId"},
                {"GET", "/notes/" + UUID.randomUUID(), null, true, false, 404, null},
                {"GET", "/notes?limit=ten", null, true, false, 400, "limit"},
                {"GET", "/notes?contains=a", null, true, false, 400, "limit"},
                {"GET", "/notes?limit=5&sort=up", null, true, false, 400, "sort"},
                {"GET", "/notes?limit=5&onOrAfter=yesterday", null, true, false, 400, "onOrAfter"},
                {"GET", "/shapes/echo?sides=3&sides=x&round=true", null, true, false, 400, "sides"},
                {"GET", "/shapes/echo?sides=3&round=maybe", null, true, false, 400, "round"},
                {"GET", "/no/such/route", null, true, false, 404, null},
                {"DELETE", "/notes", null, true, false, 404, null},
                {"GET", "/notes?limit=5", null, false, false, 401, null},
        };
        for (Object[] c : cases) {
            try (Response r = send((String) c[0], "/api/v1" + c[1], (String) c[2], (Boolean) c[3] ? session.token() : null,
                    (Boolean) c[4] ? UUID.randomUUID().toString() : null)) {
                String what = c[0] + " " + c[1] + " " + (c[2] == null ? "" : ((String) c[2]).substring(0, Math.min(60, ((String) c[2]).length())));
                assertThat(r.code()).as(what).isEqualTo(c[5]);
                assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
                JsonNode problem = Json.mapper().readTree(r.body().bytes());
                assertThat(problem.path("status").asInt()).as(what).isEqualTo(c[5]);
                assertThat(problem.path("type").asText()).as(what).startsWith("urn:smartstart:backoffice:problem:");
                assertThat(problem.path("detail").asText()).as(what).isNotBlank();
                assertThat(problem.toString()).as(what).doesNotContain("Exception", "at org.");
                if (c[6] != null) {
                    assertThat(problem.path("errors").findValuesAsText("field")).as(what + " → " + problem).contains((String) c[6]);
                }
            }
        }
        assertThat(notes()).isEqualTo(before);
    }

    @Test
    void a_bug_is_a_500_problem_without_a_stack_trace_and_the_client_says_so() throws Exception {
        try (Response r = send("GET", "/api/v1/notes/boom", null, session.token(), null)) {
            assertThat(r.code()).isEqualTo(500);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            String body = r.body().string();
            assertThat(body).contains("internal-error").doesNotContain("IllegalStateException", "a bug in a use case", "at org.");
        }
        Outcome<Note> outcome = client().root(NotesApi.class, session).notes().boom();
        assertThat(outcome).isInstanceOf(Outcome.Unavailable.class);
        assertThat(outcome.describe()).contains("failed (HTTP 500)");
    }

    @Test
    void missing_garbage_and_expired_tokens_are_401() throws Exception {
        Session expired = fixture.sessionFor(user, fixture.clock().instant().minus(Duration.ofMinutes(1)));
        for (String token : new String[] {null, "garbage", "x".repeat(5000), expired.token()}) {
            try (Response r = send("GET", "/api/v1/notes?limit=1", null, token, null)) {
                assertThat(r.code()).as(String.valueOf(token).substring(0, Math.min(10, String.valueOf(token).length()))).isEqualTo(401);
                assertThat(Json.mapper().readTree(r.body().bytes()).path("outcome").asText()).isEqualTo("Unauthenticated");
            }
        }
        try (Response r = http.newCall(new Request.Builder().url(server.uri() + "/api/v1/notes?limit=1")
                .header("Authorization", "Basic abc").build()).execute()) {
            assertThat(r.code()).isEqualTo(401);
        }
    }

    @Test
    void outcomes_keep_their_kind_rule_ids_and_messages_through_the_client() throws Exception {
        NotesApi remote = client().root(NotesApi.class, session);
        Outcome<Note> rejected = remote.notes().add(new NewNote("RULE please", null, null));
        assertThat(rejected).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected<Note>) rejected).first().ruleId()).isEqualTo("EQ-1");
        assertThat(rejected.describe()).isEqualTo("On 2026-03-01 the cap table of Acme would total 97.500%, not 100% (EQ-1).");

        Outcome<Note> invalid = remote.notes().add(new NewNote(" ", null, null));
        assertThat(invalid).isEqualTo(new Outcome.Invalid<>(List.of(new org.smartstart.backoffice.domain.usecase.FieldProblem("text", "must not be blank"))));

        UUID missing = UUID.randomUUID();
        assertThat(remote.notes().get(missing)).isEqualTo(Outcome.notFound("note", missing));

        Note note = remote.notes().add(new NewNote("Conflicted", null, null)).orElseThrow();
        assertThat(remote.notes().reword(note.id(), "First", 1).orElseThrow().version()).isEqualTo(2);
        assertThat(remote.notes().reword(note.id(), "Second", 1)).isInstanceOf(Outcome.Conflict.class);

        Session other = fixture.sessionFor(user);
        fixture.connector(org.smartstart.backoffice.testing.contract.Adapter.LOCAL).signOut(other, new ClientInfo("t", "t"));
        assertThat(client().root(NotesApi.class, other).notes().get(note.id())).isInstanceOf(Outcome.Unauthenticated.class);
    }

    @Test
    void values_round_trip_exactly() {
        NotesApi remote = client().root(NotesApi.class, session);
        String tag = "exact-" + UUID.randomUUID();
        BigDecimal amount = new BigDecimal("123456789012345678.000000000000000001");
        Note added = remote.notes().add(new NewNote(tag + " é ü €", amount, LocalDate.of(2026, 2, 28))).orElseThrow();
        assertThat(added.amount()).isEqualTo(amount); // equals: same digits and scale
        assertThat(added.text()).isEqualTo(tag + " é ü €");
        Note read = remote.notes().get(added.id()).orElseThrow();
        assertThat(read).isEqualTo(added);
        assertThat(remote.notes().find(new NoteFilter(tag, Optional.of(LocalDate.of(2026, 2, 1)), 5)).orElseThrow()).containsExactly(added);
        assertThat(remote.notes().find(new NoteFilter(tag, Optional.of(LocalDate.of(2026, 3, 1)), 5)).orElseThrow()).isEmpty();

        assertThat(remote.notes().echo(List.of(3, 4), true).orElseThrow()).containsExactly(
                new Shape.Square(new BigDecimal("3.000"), List.of("s3")), new Shape.Square(new BigDecimal("4.000"), List.of("s4")),
                new Shape.Circle(new BigDecimal("1.000")));
        assertThat(remote.notes().bigger(new Shape.Circle(new BigDecimal("0.125"))).orElseThrow())
                .isEqualTo(new Shape.Circle(new BigDecimal("1.250")));
        assertThat(remote.notes().bigger(new Shape.Square(new BigDecimal("2"), List.of("a"))).orElseThrow())
                .isEqualTo(new Shape.Square(new BigDecimal("20"), List.of("a")));
    }

    // ------------------------------------------------------------------ idempotency

    @Test
    void a_retried_command_is_applied_once_and_replayed() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"text\":\"once " + key + "\"}";
        String first;
        try (Response r = send("POST", "/api/v1/notes", body, session.token(), key)) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Idempotent-Replayed")).isNull();
            first = r.body().string();
        }
        try (Response r = send("POST", "/api/v1/notes", body, session.token(), key)) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(Json.mapper().readTree(r.body().string())).isEqualTo(Json.mapper().readTree(first));
        }
        assertThat(notesWithText("once " + key)).isEqualTo(1);
        assertThat(auditEntries(Json.mapper().readTree(first).path("id").asText())).isEqualTo(1);

        try (Response r = send("POST", "/api/v1/notes", "{\"text\":\"something else\"}", session.token(), key)) {
            assertThat(r.code()).isEqualTo(422);
            assertThat(Json.mapper().readTree(r.body().bytes()).path("type").asText()).endsWith("idempotency-key-reused");
        }
        assertThat(notesWithText("something else")).isZero();

        // Keys are per user: another user's same key is a new request.
        UUID other = TestAccounts.user(fixture.db(), "Other Tester", "other." + UUID.randomUUID() + "@api.test", "pw");
        try (Response r = send("POST", "/api/v1/notes", body, fixture.sessionFor(other).token(), key)) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Idempotent-Replayed")).isNull();
        }
        assertThat(notesWithText("once " + key)).isEqualTo(2);
    }

    @Test
    void answers_older_than_the_retention_are_purged_and_a_retry_then_runs_again() throws Exception {
        String oldKey = UUID.randomUUID().toString();
        String freshKey = UUID.randomUUID().toString();
        String oldBody = "{\"text\":\"purged " + oldKey + "\"}";
        for (String[] call : new String[][] {{oldKey, oldBody}, {freshKey, "{\"text\":\"kept " + freshKey + "\"}"}}) {
            try (Response r = send("POST", "/api/v1/notes", call[1], session.token(), call[0])) {
                assertThat(r.code()).isEqualTo(200);
            }
        }
        TestAccounts.exec(fixture.db(), "UPDATE api_idempotency SET created_at = now() - interval '25 hours' WHERE idempotency_key = '"
                + oldKey + "'");

        assertThat(server.purgeExpiredIdempotencyKeys()).isGreaterThanOrEqualTo(1);

        assertThat(storedKeys(oldKey)).isZero();
        assertThat(storedKeys(freshKey)).isEqualTo(1);
        try (Response r = send("POST", "/api/v1/notes", oldBody, session.token(), oldKey)) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Idempotent-Replayed")).isNull();
        }
        assertThat(notesWithText("purged " + oldKey)).isEqualTo(2);
    }

    private static long storedKeys(String key) throws Exception {
        try (java.sql.Connection c = fixture.db().ownerConnection();
             java.sql.PreparedStatement p = c.prepareStatement("SELECT count(*) FROM api_idempotency WHERE idempotency_key = ?")) {
            p.setString(1, key);
            try (java.sql.ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void a_refused_command_is_not_stored_so_a_retry_runs_again() throws Exception {
        String key = UUID.randomUUID().toString();
        try (Response r = send("POST", "/api/v1/notes", "{\"text\":\"RULE x\"}", session.token(), key)) {
            assertThat(r.code()).isEqualTo(422);
            JsonNode p = Json.mapper().readTree(r.body().bytes());
            assertThat(p.path("rule").asText()).isEqualTo("EQ-1");
            assertThat(p.path("rejections").get(0).path("ruleId").asText()).isEqualTo("EQ-1");
        }
        try (Response r = send("POST", "/api/v1/notes", "{\"text\":\"RULE x\"}", session.token(), key)) {
            assertThat(r.code()).isEqualTo(422);
            assertThat(r.header("Idempotent-Replayed")).isNull();
        }
    }

    @Test
    void concurrent_duplicates_apply_once_and_all_get_the_same_answer() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"text\":\"race " + key + "\"}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> {
                    try (Response r = send("POST", "/api/v1/notes", body, session.token(), key)) {
                        return r.code() + " " + Json.mapper().readTree(r.body().bytes());
                    }
                });
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            assertThat(answers).allSatisfy(a -> assertThat(a).startsWith("200 ")).hasSize(8);
            assertThat(answers.stream().distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(notesWithText("race " + key)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ sign-in

    @Test
    void sign_in_gives_a_token_that_works_and_sign_out_ends_it() throws Exception {
        String email = "signin." + UUID.randomUUID() + "@api.test";
        TestAccounts.user(fixture.db(), "Sig Nin", email, "right-password");
        RemoteConnector client = client();
        try (Response r = http.newCall(new Request.Builder().url(server.uri() + "/api/v1/sessions")
                .header("User-Agent", "curl/8").header("X-Forwarded-For", "203.0.113.7, 10.0.0.1")
                .post(RequestBody.create("{\"email\":\"" + email + "\",\"password\":\"wrong\"}", JSON)).build()).execute()) {
            assertThat(r.code()).isEqualTo(401);
            JsonNode p = Json.mapper().readTree(r.body().bytes());
            assertThat(p.path("signInResult").path("kind").asText()).isEqualTo("WrongCredentials");
            assertThat(p.path("signInResult").path("attemptsLeft").asInt()).isEqualTo(4);
        }
        try (Connection c = fixture.db().ownerConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT data->>'client_host', data->>'user_agent' FROM audit_outbox WHERE action = 'LOGIN_FAILED'"
                     + " UNION ALL SELECT data->>'client_host', data->>'user_agent' FROM audit_log WHERE action = 'LOGIN_FAILED'")) {
            List<String> clients = new ArrayList<>();
            while (r.next()) {
                clients.add(r.getString(1) + " " + r.getString(2));
            }
            assertThat(clients).contains("203.0.113.7 curl/8");
        }
        SignInResult result = client.signIn(email, "right-password".toCharArray(), new ClientInfo("desk", "SmartStart Desktop"));
        assertThat(result).isInstanceOf(SignInResult.SignedIn.class);
        Session signedIn = ((SignInResult.SignedIn) result).session();
        assertThat(client.root(NotesApi.class, signedIn).notes().find(new NoteFilter("", Optional.empty(), 1)).isDone()).isTrue();
        client.signOut(signedIn, new ClientInfo("desk", "SmartStart Desktop"));
        assertThat(client.root(NotesApi.class, signedIn).notes().find(new NoteFilter("", Optional.empty(), 1)))
                .isInstanceOf(Outcome.Unauthenticated.class);
        try (Response r = http.newCall(new Request.Builder().url(server.uri() + "/api/v1/sessions")
                .post(RequestBody.create("{\"email\":\"x@y\"}", JSON)).build()).execute()) {
            assertThat(r.code()).isEqualTo(400);
            assertThat(Json.mapper().readTree(r.body().bytes()).path("errors").findValuesAsText("field")).contains("password");
        }
    }

    @Test
    void an_unreachable_server_is_unavailable_not_an_exception() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RemoteConnector nowhere = new RemoteConnector(URI.create("http://127.0.0.1:" + port),
                RemoteOptions.defaults().withAttempts(1));
        Outcome<Note> outcome = nowhere.root(NotesApi.class, session).notes().get(UUID.randomUUID());
        assertThat(outcome).isInstanceOf(Outcome.Unavailable.class);
        assertThat(outcome.describe()).startsWith("The back office server at http://127.0.0.1:" + port + " cannot be reached");
        assertThat(nowhere.signIn("a@b", "pw".toCharArray(), new ClientInfo("h", "u"))).isInstanceOf(SignInResult.Unavailable.class);
        nowhere.close();
    }

    // ------------------------------------------------------------------ helpers

    static RemoteConnector client() {
        return new RemoteConnector(server.uri(), RemoteOptions.defaults().withAttempts(1));
    }

    static Response send(String method, String path, String body, String token, String key) throws IOException {
        Request.Builder b = new Request.Builder().url(server.uri() + path);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        b.method(method, body == null ? (method.equals("POST") ? RequestBody.create(new byte[0]) : null) : RequestBody.create(body, JSON));
        return http.newCall(b.build()).execute();
    }

    static long notes() throws SQLException {
        return count("SELECT count(*) FROM test_notes");
    }

    static long notesWithText(String text) throws SQLException {
        return count("SELECT count(*) FROM test_notes WHERE text = '" + text.replace("'", "''") + "'");
    }

    static long auditEntries(String objectId) throws SQLException {
        return count("SELECT (SELECT count(*) FROM audit_outbox WHERE object_id = '" + objectId + "')"
                + " + (SELECT count(*) FROM audit_log WHERE object_id = '" + objectId + "')");
    }

    static long count(String sql) throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static List<String> list(String... s) {
        return Arrays.asList(s);
    }
}
