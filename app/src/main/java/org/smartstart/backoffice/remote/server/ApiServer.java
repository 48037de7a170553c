package org.smartstart.backoffice.remote.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.identity.SessionLookup;
import org.smartstart.backoffice.persistence.usecase.LocalBackOffice;
import org.smartstart.backoffice.persistence.usecase.LocalConnector;
import org.smartstart.backoffice.persistence.usecase.LocalServices;
import org.smartstart.backoffice.persistence.usecase.LocalUseCases;
import org.smartstart.backoffice.remote.api.Json;
import org.smartstart.backoffice.remote.api.JsonProblems;
import org.smartstart.backoffice.remote.api.OpenApi;
import org.smartstart.backoffice.remote.api.Problems;
import org.smartstart.backoffice.remote.api.Route;
import org.smartstart.backoffice.remote.api.RouteArguments;
import org.smartstart.backoffice.remote.api.RouteTable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The HTTP API: every use case of the {@link BackOffice} as JSON over HTTP(S), served from the route table
 * ({@link RouteTable}) by reflection, run by the local adapter for the session of the request's bearer token.
 *
 * <ul>
 *   <li>{@code POST /api/v1/sessions} {email, password} signs in (the answer carries the token);
 *       {@code DELETE /api/v1/sessions/current} signs out; every other use case needs
 *       {@code Authorization: Bearer <token>}; {@code GET /api/v1/openapi.json} describes it all.</li>
 *   <li>Outcomes become statuses and RFC 9457 problems ({@link Problems}); bad input is always a 4xx naming
 *       the field, never a 5xx; a database outage is a 503 with Retry-After.</li>
 *   <li>Commands need an {@code Idempotency-Key}: the answer is stored in the command's own transaction and
 *       replayed to a retry ({@link Idempotency}).</li>
 *   <li>Stored answers are kept for {@link #IDEMPOTENCY_RETENTION} (a retry after that runs again, as with
 *       Stripe's keys); the server purges older ones every hour.</li>
 *   <li>Stateless: nothing is kept between requests but the database (and a cache of which session a token
 *       names, which never changes), so several servers can share one.</li>
 * </ul>
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final String BEARER = "Bearer ";

    /** How long the answer of a command is kept for retries with the same Idempotency-Key. */
    public static final Duration IDEMPOTENCY_RETENTION = Duration.ofHours(24);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final Javalin app;
    private final URI uri;
    private final LocalServices services;
    private final ScheduledExecutorService housekeeping;

    private <R> ApiServer(LocalServices services, ApiServerOptions options, Class<R> root,
                          BiFunction<LocalServices, Session, R> open) {
        this.services = services;
        RouteTable table = RouteTable.of(root);
        Handlers<R> handlers = new Handlers<>(services, table, open, options.maxBodyBytes());
        byte[] openApi = OpenApi.bytes(table);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = options.maxBodyBytes();
            config.router.ignoreTrailingSlashes = false;
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            if (options.tls()) {
                config.jetty.addConnector((server, http) -> tlsConnector(server, http, options));
            }
        });
        app.post(RouteTable.BASE + "/sessions", handlers::signIn);
        app.delete(RouteTable.BASE + "/sessions/current", handlers::signOut);
        app.get(RouteTable.BASE + "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        for (Route route : table.routes()) {
            app.addHttpHandler(route.isCommand() ? HandlerType.POST : HandlerType.GET, route.path(), ctx -> handlers.use(ctx, route));
        }
        app.exception(Exception.class, handlers::unexpected);
        app.error(404, ctx -> handlers.fallback(ctx, 404, "not-found", "No such resource",
                "There is no " + ctx.method() + " " + ctx.path() + " in this API; see " + RouteTable.BASE + "/openapi.json."));
        app.error(405, ctx -> handlers.fallback(ctx, 405, "method-not-allowed", "Method not allowed",
                ctx.method() + " is not allowed on " + ctx.path() + "; see " + RouteTable.BASE + "/openapi.json."));
        try {
            if (options.tls()) {
                app.start();
            } else {
                app.start(options.bind(), options.port());
            }
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalStateException("The API server could not listen on " + options.bind() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        this.uri = URI.create((options.tls() ? "https://" : "http://") + host + ":" + app.port());
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "api-idempotency-purge");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(this::purgeQuietly, 1, PURGE_EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /**
     * Deletes the stored answers older than {@link #IDEMPOTENCY_RETENTION} by the database's clock;
     * answers how many. Runs as the schema owner: the application role may never delete them (V8).
     */
    public int purgeExpiredIdempotencyKeys() throws SQLException {
        try (Connection c = services.database().dataSource().getConnection();
             PreparedStatement p = c.prepareStatement("DELETE FROM api_idempotency WHERE created_at < now() - ?::interval")) {
            p.setString(1, IDEMPOTENCY_RETENTION.toSeconds() + " seconds");
            return p.executeUpdate();
        }
    }

    private void purgeQuietly() {
        try {
            int purged = purgeExpiredIdempotencyKeys();
            if (purged > 0) {
                LOG.info("Purged {} idempotency answers older than {}", purged, IDEMPOTENCY_RETENTION);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not purge old idempotency answers; will try again: {}", e.toString());
        }
    }

    /** Serves the back office's use cases on {@code services}' database. */
    public static ApiServer start(LocalServices services, ApiServerOptions options) {
        return new ApiServer(services, options, BackOffice.class, LocalBackOffice::new);
    }

    /** Serves the ports of any root interface (tests use a small one to exercise the machinery). */
    public static <R> ApiServer start(LocalServices services, ApiServerOptions options, Class<R> root,
                                      BiFunction<LocalServices, Session, R> open) {
        return new ApiServer(services, options, root, open);
    }

    /** Where clients reach it, e.g. {@code http://127.0.0.1:8080} (without the /api/v1). */
    public URI uri() {
        return uri;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        app.stop();
    }

    private static ServerConnector tlsConnector(org.eclipse.jetty.server.Server server, HttpConfiguration http,
                                                ApiServerOptions options) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(options.keystore().orElseThrow().toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(new String(options.keystorePassword()));
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // Clients may use the IP address; the certificate's names are checked by the client, not here.
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(options.bind());
        connector.setPort(options.port());
        return connector;
    }

    /** The request handling, per server. */
    private static final class Handlers<R> {

        private final LocalServices services;
        private final LocalConnector connector;
        private final RouteTable table;
        private final BiFunction<LocalServices, Session, R> open;
        private final SessionLookup sessions;
        private final Idempotency idempotency;
        private final long maxBody;

        Handlers(LocalServices services, RouteTable table, BiFunction<LocalServices, Session, R> open, long maxBody) {
            this.services = Objects.requireNonNull(services);
            this.connector = new LocalConnector(services, () -> { });
            this.table = table;
            this.open = open;
            this.sessions = new SessionLookup(services.transactions());
            this.idempotency = new Idempotency(services.transactions());
            this.maxBody = maxBody;
        }

        /** The sign-in request's body. */
        record SignInRequest(String email, String password) {
        }

        void signIn(Context ctx) throws IOException {
            Optional<byte[]> body = body(ctx);
            if (body.isEmpty()) {
                return;
            }
            SignInRequest request;
            try {
                request = Json.mapper().readValue(body.get(), SignInRequest.class);
            } catch (JsonProcessingException e) {
                problem(ctx, Problems.invalid(List.of(JsonProblems.of(e, "")), ctx.path()));
                return;
            }
            if (request == null || request.email() == null || request.password() == null) {
                List<FieldProblem> missing = new java.util.ArrayList<>();
                if (request == null || request.email() == null) missing.add(new FieldProblem("email", "is required"));
                if (request == null || request.password() == null) missing.add(new FieldProblem("password", "is required"));
                problem(ctx, Problems.invalid(missing, ctx.path()));
                return;
            }
            char[] password = request.password().toCharArray();
            SignInResult result;
            try {
                result = connector.signIn(request.email(), password, client(ctx));
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            if (result instanceof SignInResult.SignedIn || result instanceof SignInResult.PasswordChangeRequired) {
                // a temporary password still opens a session: one that may only choose the new password
                json(ctx, 200, Json.mapper().writerFor(SignInResult.class).writeValueAsBytes(result));
                return;
            }
            Problems.Problem p;
            if (result instanceof SignInResult.WrongCredentials) {
                p = Problems.problem(401, "wrong-credentials", "Sign-in failed", "The e-mail or the password is wrong.", ctx.path());
            } else if (result instanceof SignInResult.LockedOut l) {
                p = Problems.problem(423, "locked-out", "Account locked",
                        "Too many failed sign-ins: the account is locked until " + l.until() + " (ID-4).", ctx.path());
            } else if (result instanceof SignInResult.AccountArchived) {
                p = Problems.problem(403, "account-archived", "Account archived", "This account is archived.", ctx.path());
            } else {
                p = Problems.problem(503, "unavailable", "Temporarily unavailable", ((SignInResult.Unavailable) result).message(), ctx.path());
                p.body().put("retryAfterSeconds", RETRY_AFTER.toSeconds());
                ctx.header("Retry-After", String.valueOf(RETRY_AFTER.toSeconds()));
            }
            p.body().set("signInResult", Json.mapper().readTree(Json.mapper().writerFor(SignInResult.class).writeValueAsBytes(result)));
            problem(ctx, p);
        }

        void signOut(Context ctx) throws SQLException {
            Optional<Session> session = authenticate(ctx);
            if (session.isEmpty()) {
                return;
            }
            connector.signOut(session.get(), client(ctx));
            sessions.forget(session.get().token());
            ctx.status(204);
        }

        void use(Context ctx, Route route) throws Exception {
            Optional<Session> found = authenticate(ctx);
            if (found.isEmpty()) {
                return;
            }
            Session session = found.get();
            Optional<byte[]> read = body(ctx);
            if (read.isEmpty()) {
                return;
            }
            byte[] body = read.get();
            RouteArguments.Decoded decoded = RouteArguments.decode(route, ctx.pathParamMap(), ctx.queryParamMap(), body);
            if (!decoded.ok()) {
                problem(ctx, Problems.invalid(decoded.problems(), ctx.path()));
                return;
            }
            if (!route.isCommand()) {
                respond(ctx, route, invoke(services, session, route, decoded.args()));
                return;
            }
            String key = ctx.header(Idempotency.HEADER);
            if (key == null || key.isBlank() || key.length() > 200) {
                problem(ctx, Problems.invalid(List.of(new FieldProblem(Idempotency.HEADER, key == null || key.isBlank()
                        ? "is required on every command: a new UUID per action, the same one when retrying it"
                        : "must be at most 200 characters")), ctx.path()));
                return;
            }
            String methodAndPath = ctx.method() + " " + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            String hash = Idempotency.sha256(methodAndPath, body);
            if (replayed(ctx, route, session, key, hash)) {
                return;
            }
            LocalServices remembering = services.beforeCommit((connection, actor, done) -> Idempotency.store(connection,
                    session.userId(), key, methodAndPath, hash, 200, answer(route, done.value())));
            Outcome<?> outcome;
            try {
                outcome = invoke(remembering, session, route, decoded.args());
            } catch (Idempotency.DuplicateRequest lost) {
                if (!replayed(ctx, route, session, key, hash)) {
                    throw new IllegalStateException("An idempotency key was taken but its answer cannot be read", lost);
                }
                return;
            }
            respond(ctx, route, outcome);
        }

        private boolean replayed(Context ctx, Route route, Session session, String key, String hash) throws SQLException {
            Optional<Idempotency.Answer> stored = idempotency.find(session.userId(), key);
            if (stored.isEmpty()) {
                return false;
            }
            if (!stored.get().requestSha256().equals(hash)) {
                problem(ctx, Problems.problem(422, "idempotency-key-reused", "Idempotency key already used",
                        "The Idempotency-Key " + key + " was already used for a different request (" + stored.get().methodAndPath()
                                + "); use a new key for a new action.", ctx.path()));
                return true;
            }
            ctx.header("Idempotent-Replayed", "true");
            json(ctx, stored.get().status(), replay(route, stored.get().body()));
            return true;
        }

        /** The stored answer as the first response wrote it (jsonb keeps its own key order, so it is written anew). */
        private static byte[] replay(Route route, String stored) {
            if (stored == null) {
                return "null".getBytes(StandardCharsets.UTF_8);
            }
            try {
                Object value = Json.mapper().readerFor(route.resultType()).readValue(stored);
                return Json.mapper().writerFor(route.resultType()).writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                // Written by an older version with another shape: hand it back as it was stored.
                return stored.getBytes(StandardCharsets.UTF_8);
            }
        }

        private String answer(Route route, Object value) {
            try {
                return Json.mapper().writerFor(route.resultType()).writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The answer of " + route.operationId() + " cannot be written as JSON", e);
            }
        }

        private Outcome<?> invoke(LocalServices with, Session session, Route route, Object[] args) throws Exception {
            R root = open.apply(with, session);
            try {
                Object port = route.port().invoke(root);
                return (Outcome<?>) route.method().invoke(port, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                throw (Error) cause;
            }
        }

        private void respond(Context ctx, Route route, Outcome<?> outcome) throws JsonProcessingException {
            if (outcome instanceof Outcome.Done<?> done) {
                json(ctx, 200, Json.mapper().writerFor(route.resultType()).writeValueAsBytes(done.value()));
            } else {
                problem(ctx, Problems.of(outcome, ctx.path()));
            }
        }

        /** The session of the bearer token, or empty after answering 401. */
        private Optional<Session> authenticate(Context ctx) throws SQLException {
            String header = ctx.header("Authorization");
            if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                problem(ctx, Problems.of(new Outcome.Unauthenticated<>("Sign in first: send Authorization: Bearer <token> from POST "
                        + RouteTable.BASE + "/sessions."), ctx.path()));
                return Optional.empty();
            }
            Optional<Session> session = sessions.byToken(header.substring(BEARER.length()).strip());
            if (session.isEmpty()) {
                problem(ctx, Problems.of(new Outcome.Unauthenticated<>("Your session has ended or expired; please sign in again."),
                        ctx.path()));
            }
            return session;
        }

        /** The request body, or empty after answering 413 when it is larger than allowed. */
        private Optional<byte[]> body(Context ctx) throws IOException {
            long declared = ctx.req().getContentLengthLong();
            if (declared > maxBody) {
                tooLarge(ctx);
                return Optional.empty();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = ctx.req().getInputStream()) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    if (out.size() > maxBody) {
                        tooLarge(ctx);
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(out.toByteArray());
        }

        private void tooLarge(Context ctx) {
            problem(ctx, Problems.problem(413, "payload-too-large", "Request too large",
                    "The request body is larger than " + maxBody + " bytes; nothing was done.", ctx.path()));
            ctx.header("Connection", "close");
        }

        private static ClientInfo client(Context ctx) {
            String forwarded = ctx.header("X-Forwarded-For");
            String host = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip() : ctx.ip();
            return new ClientInfo(limit(host, 255), limit(ctx.userAgent(), 500));
        }

        private static String limit(String s, int max) {
            return s == null || s.length() <= max ? s : s.substring(0, max);
        }

        void unexpected(Exception e, Context ctx) {
            if (e instanceof HttpResponseException h) {
                problem(ctx, Problems.problem(h.getStatus(), h.getStatus() == 413 ? "payload-too-large" : "http-" + h.getStatus(),
                        h.getMessage(), h.getMessage(), ctx.path()));
                return;
            }
            if (LocalUseCases.unreachable(e)) {
                LOG.warn("The database cannot be reached: {}", e.toString());
                problem(ctx, Problems.of(new Outcome.Unavailable<>(
                        "The database cannot be reached right now; nothing was saved. Try again in a moment.", RETRY_AFTER), ctx.path()));
                return;
            }
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            problem(ctx, Problems.problem(500, "internal-error", "Internal error",
                    "The server failed on this request; the failure is logged. Nothing is known to have been saved.", ctx.path()));
        }

        void fallback(Context ctx, int status, String type, String title, String detail) {
            if (ctx.attribute("problem") != null) {
                return; // a use case's own NotFound, already answered
            }
            problem(ctx, Problems.problem(status, type, title, detail, ctx.path()));
        }

        private static void problem(Context ctx, Problems.Problem p) {
            ctx.attribute("problem", Boolean.TRUE);
            if (p.status() == 503) {
                ctx.header("Retry-After", String.valueOf(p.body().path("retryAfterSeconds").asLong(RETRY_AFTER.toSeconds())));
            }
            try {
                ctx.status(p.status()).contentType(Problems.MEDIA_TYPE).result(Json.mapper().writeValueAsBytes(p.body()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void json(Context ctx, int status, byte[] body) {
            ctx.status(status).contentType("application/json").result(body);
        }
    }
}
