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
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.persistence.usecase.LocalServices;
import org.smartstart.backoffice.remote.api.Json;
import org.smartstart.backoffice.remote.api.Route;
import org.smartstart.backoffice.remote.api.RouteTable;
import org.smartstart.backoffice.remote.server.ApiServer;
import org.smartstart.backoffice.remote.server.ApiServerOptions;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and malformed requests against every route of the real API (issue 8, bad input): broken JSON,
 * wrong types, huge and negative numbers, SQL and script strings in every path segment, query parameter and
 * body field, oversized bodies, missing and forged tokens and idempotency keys. Whatever arrives: never a
 * 5xx, every error is problem+json, and nothing is half written — the audit trail grows by exactly one entry
 * per command the server answered 2xx (AU-1), so a refused request left no trace.
 *
 * <p>{@code -Dfuzz.requests=10000} for the long run (default 1,000 in the normal suite);
 * {@code -Dfuzz.seed=N} replays a run (the seed is printed).
 */
class ApiFuzzTest {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 1_000);
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());

    /** Strings an attacker or a broken client sends; each also lands in path segments and query values. */
    private static final List<String> HOSTILE = List.of(
            "' OR '1'='1", "'; DROP TABLE users; --", "1; SELECT pg_sleep(5)", "<script>alert(1)</script>",
            "../../etc/passwd", "%00", "\u0000", "null", "undefined", "-1", "0", "1e309", "NaN", "Infinity",
            "99999999999999999999999999999999", "-99999999999999999999.999", "2026-02-30", "2026-13-01", "9999-12-31",
            "0000-00-00", "true", "[]", "{}", "😀👩‍💻", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "a".repeat(5_000), " ", "", "not-a-uuid",
            "00000000-0000-0000-0000-000000000000", "EQUITY", "equity", "APPROVE", "-5.000", "100.0001", "0.0000001");

    private static BackOfficeFixture fixture;
    private static LocalServices services;
    private static ApiServer server;
    private static OkHttpClient http;
    private static String adminToken;
    private static String complianceToken;
    private static UUID venture;
    private static UUID admin;

    @BeforeAll
    static void start() throws Exception {
        fixture = BackOfficeFixture.create();
        services = LocalServices.open(fixture.db().database(), fixture.clock());
        server = ApiServer.start(services, ApiServerOptions.http("127.0.0.1", 0));
        http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).retryOnConnectionFailure(false).build();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        admin = person("Ada Admin", "ada." + tag + "@fuzz.test", "admin");
        UUID officer = person("Olu Officer", "olu." + tag + "@fuzz.test", "compliance");
        venture = TestAccounts.venture(fixture.db(), "Fuzz " + tag, "ca", "draft", admin);
        TestAccounts.exec(fixture.db(), "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, effective_from) VALUES ('"
                + venture + "', 'user', '" + admin + "', 100.000, DATE '2026-01-01')");
        adminToken = fixture.sessionFor(admin).token();
        complianceToken = fixture.sessionFor(officer).token();
    }

    private static UUID person(String name, String email, String globalRole) throws SQLException {
        UUID id = UUID.randomUUID();
        TestAccounts.exec(fixture.db(), "INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + id + "', '" + name + "', '"
                + email + "', 'verified')");
        TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES ('" + id + "', '" + globalRole
                + "', 'global', 'fuzz')");
        return id;
    }

    @AfterAll
    static void stop() {
        server.close();
        services.close();
        fixture.close();
    }

    @Test
    void hostile_requests_get_4xx_problems_and_leave_no_trace() throws Exception {
        System.out.println("ApiFuzzTest seed " + SEED + " (replay with -Dfuzz.seed=" + SEED + "), " + REQUESTS + " requests");
        Random random = new Random(SEED);
        List<Route> routes = RouteTable.of(BackOffice.class).routes();
        long auditBefore = auditEntries();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int commandsApplied = 0;
        List<String> serverErrors = new ArrayList<>();

        for (int i = 0; i < REQUESTS; i++) {
            Route route = routes.get(random.nextInt(routes.size()));
            Request request = request(route, random);
            try (Response response = http.newCall(request).execute()) {
                int status = response.code();
                statuses.merge(status, 1, Integer::sum);
                byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
                if (status >= 500) {
                    serverErrors.add(request.method() + " " + request.url() + " → " + status + " " + new String(body, StandardCharsets.UTF_8));
                } else if (status >= 400) {
                    assertThat(response.header("Content-Type")).as("%s %s", request.method(), request.url()).startsWith("application/problem+json");
                    JsonNode problem = Json.mapper().readTree(body);
                    assertThat(problem.path("status").asInt()).isEqualTo(status);
                    assertThat(problem.path("detail").asText()).isNotBlank();
                } else if (route.isCommand() && response.header("Idempotent-Replayed") == null) {
                    commandsApplied++;
                }
            }
        }
        System.out.println("ApiFuzzTest statuses " + statuses + ", commands applied " + commandsApplied);

        assertThat(serverErrors).as("5xx answers (seed %d)", SEED).isEmpty();
        assertThat(statuses.keySet()).as("the fuzzer must reach validation, not only authentication").contains(400);
        // every answer is in, so every command has committed; one statement counts sealed and unsealed entries alike
        assertThat(auditEntries() - auditBefore).as("audit entries written vs commands answered 2xx (AU-1)").isEqualTo(commandsApplied);
    }

    private static Request request(Route route, Random random) {
        String path = route.path();
        for (String name : Route.placeholders(route.path())) {
            path = path.replace("{" + name + "}", encode(pathValue(name, random)));
        }
        StringBuilder query = new StringBuilder();
        Map<String, Object> body = new LinkedHashMap<>();
        for (Route.Param p : route.params()) {
            switch (p.source()) {
                case QUERY -> addQuery(query, p.name(), value(p.rawType(), p.name(), random), random);
                case QUERY_RECORD -> {
                    for (RecordComponent c : p.rawType().getRecordComponents()) {
                        addQuery(query, c.getName(), value(c.getType(), c.getName(), random), random);
                    }
                }
                case BODY -> body.put("", recordValue(p.rawType(), random));
                case BODY_PROPERTY -> body.put(p.name(), random.nextInt(4) == 0 ? HOSTILE.get(random.nextInt(HOSTILE.size()))
                        : valueNode(p.rawType(), p.name(), random));
                default -> { }
            }
        }
        Request.Builder b = new Request.Builder().url(server.uri() + path + (query.length() == 0 ? "" : "?" + query));
        int auth = random.nextInt(20);
        if (auth > 1) {
            b.header("Authorization", "Bearer " + (route.path().contains("/kyc") || route.path().contains("legal-holds") ? complianceToken : adminToken));
        } else if (auth == 1) {
            b.header("Authorization", "Bearer " + HOSTILE.get(random.nextInt(HOSTILE.size())).replaceAll("[^\\x21-\\x7e]", "x"));
        }
        if (route.isCommand()) {
            if (random.nextInt(15) != 0) {
                b.header("Idempotency-Key", random.nextInt(10) == 0 ? "k".repeat(300) : UUID.randomUUID().toString());
            }
            b.post(RequestBody.create(bodyBytes(body, random), JSON));
        } else {
            b.get();
        }
        return b.build();
    }

    private static byte[] bodyBytes(Map<String, Object> body, Random random) {
        int kind = random.nextInt(12);
        String json;
        try {
            Object whole = body.containsKey("") ? body.get("") : body;
            json = Json.mapper().writeValueAsString(whole);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return switch (kind) {
            case 0 -> json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8);          // cut short
            case 1 -> "{\"a\":".repeat(2_000).getBytes(StandardCharsets.UTF_8);                      // deep and broken
            case 2 -> ("[" + json + "]").getBytes(StandardCharsets.UTF_8);                            // wrong shape
            case 3 -> new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2};                                   // not UTF-8
            case 4 -> random.nextInt(4) == 0 ? new byte[2 * 1024 * 1024] : "null".getBytes(StandardCharsets.UTF_8);
            case 5 -> json.replace("\"", "'").getBytes(StandardCharsets.UTF_8);                        // not JSON quotes
            case 6 -> (json.isEmpty() || json.equals("{}") ? "{\"unexpected\":1}" : json.substring(0, json.length() - 1)
                    + ",\"unexpected\":1}").getBytes(StandardCharsets.UTF_8);
            default -> json.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String pathValue(String name, Random random) {
        int pick = random.nextInt(6);
        if (pick == 0) {
            return HOSTILE.get(random.nextInt(HOSTILE.size()));
        }
        if (pick == 1) {
            return UUID.randomUUID().toString();
        }
        if (name.equals("ventureId")) {
            return venture.toString();
        }
        if (name.equals("userId")) {
            return admin.toString();
        }
        if (name.equals("seq")) {
            return String.valueOf(random.nextInt(50) - 5);
        }
        return UUID.randomUUID().toString();
    }

    private static void addQuery(StringBuilder query, String name, Object value, Random random) {
        if (value == null || random.nextInt(3) == 0) {
            return;
        }
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(encode(name)).append('=').append(encode(String.valueOf(value)));
    }

    private static Object recordValue(Class<?> type, Random random) {
        if (type.isRecord()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent c : type.getRecordComponents()) {
                if (random.nextInt(6) != 0) {
                    fields.put(c.getName(), random.nextInt(5) == 0 ? HOSTILE.get(random.nextInt(HOSTILE.size()))
                            : valueNode(c.getType(), c.getName(), random));
                }
            }
            return fields;
        }
        return valueNode(type, "value", random);
    }

    /** A value for a field of this type: usually plausible, often hostile, sometimes of another type. */
    private static Object valueNode(Class<?> type, String name, Random random) {
        if (random.nextInt(5) == 0) {
            return switch (random.nextInt(5)) {
                case 0 -> List.of(1, "two", Map.of());
                case 1 -> Map.of("nested", HOSTILE.get(random.nextInt(HOSTILE.size())));
                case 2 -> random.nextBoolean();
                case 3 -> new java.math.BigInteger("9".repeat(60));
                default -> null;
            };
        }
        return value(type, name, random);
    }

    private static Object value(Class<?> type, String name, Random random) {
        if (type == UUID.class) {
            return random.nextBoolean() ? (name.toLowerCase().contains("venture") ? venture : admin) : UUID.randomUUID();
        }
        if (type == String.class) {
            return HOSTILE.get(random.nextInt(HOSTILE.size()));
        }
        if (type == java.math.BigDecimal.class) {
            return List.of("-5.000", "0", "100.001", "1e400", "12.5", "0.0001", "99999999999999999999").get(random.nextInt(7));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return List.of(-1, 0, 1, 1_000_000_000, Long.MAX_VALUE, Integer.MIN_VALUE).get(random.nextInt(6));
        }
        if (type == boolean.class || type == Boolean.class) {
            return random.nextBoolean();
        }
        if (type == java.time.LocalDate.class) {
            return List.of("2026-06-01", "2026-02-30", "1900-01-01", "9999-12-31", "yesterday").get(random.nextInt(5));
        }
        if (type == java.time.Instant.class) {
            return List.of("2026-06-01T00:00:00Z", "2026-06-01", "-1000000000-01-01T00:00:00Z", "now").get(random.nextInt(4));
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return random.nextInt(4) == 0 ? "NOT_A_" + name.toUpperCase() : ((Enum<?>) constants[random.nextInt(constants.length)]).name();
        }
        if (type.isRecord()) {
            return recordValue(type, random);
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return List.of(HOSTILE.get(random.nextInt(HOSTILE.size())));
        }
        return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static long auditEntries() throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM audit_outbox)")) {
            r.next();
            return r.getLong(1);
        }
    }
}
