package org.smartstart.backoffice.remote.client;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.BackOfficeConnector;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.remote.api.Json;
import org.smartstart.backoffice.remote.api.Problems;
import org.smartstart.backoffice.remote.api.Route;
import org.smartstart.backoffice.remote.api.RouteArguments;
import org.smartstart.backoffice.remote.api.RouteTable;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The remote adapter: the back office through its HTTP API. Every port is a {@link Proxy} built from the
 * route table, so each new use case works without code here. Queries, and commands with their
 * Idempotency-Key (one per call, the same on every retry), are retried on a network failure or a 503 with
 * a bounded backoff. An unreachable server is an {@link Outcome.Unavailable} (or
 * {@link SignInResult.Unavailable}) saying so — never an exception to the screen.
 */
public final class RemoteConnector implements BackOfficeConnector {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteConnector.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final URI server;
    private final HttpUrl base;
    private final RemoteOptions options;
    private final OkHttpClient http;
    private final RouteTable table;

    public RemoteConnector(URI serverBaseUrl) {
        this(serverBaseUrl, RemoteOptions.defaults());
    }

    public RemoteConnector(URI serverBaseUrl, RemoteOptions options) {
        this.server = Objects.requireNonNull(serverBaseUrl, "serverBaseUrl");
        this.options = Objects.requireNonNull(options, "options");
        HttpUrl parsed = HttpUrl.get(serverBaseUrl.toString());
        this.base = parsed;
        this.table = RouteTable.of(BackOffice.class);
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.readTimeout())
                .followRedirects(false)
                // Our own loop retries, and only what is safe to retry.
                .retryOnConnectionFailure(false);
        if (options.trustStore().isPresent()) {
            X509TrustManager trust = trustManager(options);
            try {
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(new KeyManager[0], new javax.net.ssl.TrustManager[] {trust}, null);
                builder.sslSocketFactory(tls.getSocketFactory(), trust);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("TLS cannot be set up: " + e.getMessage(), e);
            }
        }
        this.http = builder.build();
    }

    private static X509TrustManager trustManager(RemoteOptions options) {
        try (InputStream in = Files.newInputStream(options.trustStore().orElseThrow())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, options.trustStorePassword());
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(store);
            for (javax.net.ssl.TrustManager t : f.getTrustManagers()) {
                if (t instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalArgumentException("No X.509 trust manager for " + options.trustStore().get());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("The trust store " + options.trustStore().get() + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public SignInResult signIn(String email, char[] password, ClientInfo client) {
        Map<String, String> credentials = Map.of("email", email == null ? "" : email, "password", new String(password));
        Request request;
        try {
            request = new Request.Builder().url(url(RouteTable.BASE + "/sessions"))
                    .header("User-Agent", client.userAgent())
                    .post(RequestBody.create(Json.mapper().writeValueAsBytes(credentials), JSON)).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // Not retried: a lost answer to a wrong password still counted as a failure (ID-4).
        try (Response response = http.newCall(request).execute()) {
            JsonNode body = readTree(response.body());
            if (response.code() == 200) {
                return Json.mapper().treeToValue(body, SignInResult.class);
            }
            if (body != null && body.hasNonNull("signInResult")) {
                return Json.mapper().treeToValue(body.get("signInResult"), SignInResult.class);
            }
            return new SignInResult.Unavailable(Problems.toOutcome(response.code(), body, response.header("Retry-After"),
                    server.toString()).describe());
        } catch (IOException e) {
            return new SignInResult.Unavailable(unreachable(e, false));
        }
    }

    @Override
    public BackOffice open(Session session) {
        return root(BackOffice.class, session);
    }

    /** The use cases of any root interface served by the server (tests use their own). */
    public <R> R root(Class<R> rootType, Session session) {
        RouteTable routes = RouteTable.of(rootType);
        Map<Method, Object> ports = new ConcurrentHashMap<>();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args, "remote " + rootType.getSimpleName() + " for " + session);
            }
            if (method.getName().equals("session") && method.getParameterCount() == 0 && method.getReturnType() == Session.class) {
                return session;
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return ports.computeIfAbsent(method, m -> port(m.getReturnType(), routes, session));
        };
        return rootType.cast(Proxy.newProxyInstance(rootType.getClassLoader(), new Class<?>[] {rootType}, handler));
    }

    private Object port(Class<?> portType, RouteTable routes, Session session) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args, "remote " + portType.getSimpleName());
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            Route route = routes.route(method).orElseThrow(() -> new IllegalStateException(
                    method + " has no route; the route table and the port disagree"));
            return call(route, args, session);
        };
        return Proxy.newProxyInstance(portType.getClassLoader(), new Class<?>[] {portType}, handler);
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, String description) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return description;
        }
    }

    /** One use case over HTTP: the outcome the server's use case gave, or Unavailable when it cannot be reached. */
    Outcome<?> call(Route route, Object[] args, Session session) {
        RouteArguments.Encoded encoded = RouteArguments.encode(route, args);
        Request.Builder request = new Request.Builder()
                .url(url(encoded.pathAndQuery()))
                .header("Authorization", "Bearer " + session.token())
                .header("Accept", "application/json, " + Problems.MEDIA_TYPE);
        if (route.isCommand()) {
            // One key per logical call, reused by every retry of it: the server applies it once.
            request.header("Idempotency-Key", UUID.randomUUID().toString())
                    .post(RequestBody.create(encoded.body(), JSON));
        } else {
            request.get();
        }
        Request built = request.build();
        Duration wait = options.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= options.maxAttempts();
            try (Response response = http.newCall(built).execute()) {
                if (response.code() == 200) {
                    ResponseBody body = response.body();
                    return Outcome.done(Json.mapper().readerFor(route.resultType()).readValue(body == null ? new byte[0] : body.bytes()));
                }
                JsonNode problem = readTree(response.body());
                Outcome<?> outcome = Problems.toOutcome(response.code(), problem, response.header("Retry-After"), server.toString());
                if (response.code() == 503 && !last) {
                    Duration retryAfter = ((Outcome.Unavailable<?>) outcome).retryAfter();
                    sleep(min(retryAfter.compareTo(wait) > 0 ? retryAfter : wait, options.maxBackoff()));
                    wait = min(wait.multipliedBy(2), options.maxBackoff());
                    continue;
                }
                if (response.code() >= 500 && response.code() != 503) {
                    LOG.warn("{} {} answered HTTP {}: {}", built.method(), built.url().encodedPath(), response.code(), outcome.describe());
                }
                return outcome;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("The server's answer to " + route.operationId() + " cannot be read: "
                        + e.getOriginalMessage(), e);
            } catch (IOException e) {
                if (last) {
                    return new Outcome.Unavailable<>(unreachable(e, !"GET".equals(built.method()) && mayHaveArrived(e)), Duration.ofSeconds(5));
                }
                LOG.debug("{} {} failed ({}); trying again", built.method(), built.url().encodedPath(), e.toString());
                sleep(wait);
                wait = min(wait.multipliedBy(2), options.maxBackoff());
            }
        }
    }

    /**
     * @param maybeApplied the command may have reached the server before the connection broke, so "nothing was changed"
     *                     cannot be known (found by the issue 8 crash test: a server killed during an import's commit
     *                     had the client told that nothing was changed, whichever way the commit went)
     */
    private String unreachable(IOException e, boolean maybeApplied) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (maybeApplied) {
            return "The connection to the back office server at " + server + " broke before it answered (" + why + "): the change "
                    + "may or may not have been made. Look at the data before trying again.";
        }
        return "The back office server at " + server + " cannot be reached (" + why + "); nothing was changed. Check the address and the network, "
                + "then try again.";
    }

    /** Whether the request may have reached the server: not when no connection or no TLS session was ever made. */
    private static boolean mayHaveArrived(IOException e) {
        return !(e instanceof java.net.ConnectException || e instanceof java.net.UnknownHostException
                || e instanceof java.net.NoRouteToHostException || e instanceof javax.net.ssl.SSLException);
    }

    private static JsonNode readTree(ResponseBody body) throws IOException {
        if (body == null) {
            return null;
        }
        byte[] bytes = body.bytes();
        if (bytes.length == 0) {
            return null;
        }
        try {
            return Json.mapper().readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null; // not JSON (a proxy's error page): mapped by status
        }
    }

    private HttpUrl url(String pathAndQuery) {
        String prefix = base.encodedPath().endsWith("/") ? base.encodedPath().substring(0, base.encodedPath().length() - 1)
                : base.encodedPath();
        return HttpUrl.get(base.scheme() + "://" + base.host() + ":" + base.port() + prefix + pathAndQuery);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration d) {
        try {
            TimeUnit.MILLISECONDS.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void signOut(Session session, ClientInfo client) {
        Request request = new Request.Builder().url(url(RouteTable.BASE + "/sessions/current"))
                .header("Authorization", "Bearer " + session.token())
                .header("User-Agent", client.userAgent())
                .delete().build();
        Call call = http.newCall(request);
        try (Response response = call.execute()) {
            if (response.code() != 204 && response.code() != 401) {
                LOG.warn("Signing out at {} answered HTTP {}", server, response.code());
            }
        } catch (IOException e) {
            LOG.warn("Signing out could not reach {}: {}", server, e.toString());
        }
    }

    @Override
    public String description() {
        return "server " + server;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
