package org.smartstart.backoffice.remote.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the remote adapter talks to the server.
 *
 * @param connectTimeout  how long to wait for a connection
 * @param readTimeout     how long to wait for an answer
 * @param maxAttempts     tries of an idempotent call (queries, and commands with their Idempotency-Key) on a
 *                        network failure or a 503; 1 = no retries
 * @param firstBackoff    the wait before the second try; it doubles each time, capped by {@code maxBackoff}
 *                        (a server's Retry-After is honoured up to that cap)
 * @param maxBackoff      the longest wait between tries
 * @param trustStore      a PKCS12 file with the certificate(s) to trust for HTTPS (a self-signed server); empty =
 *                        the system's trusted authorities
 * @param trustStorePassword its password
 */
public record RemoteOptions(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration firstBackoff,
                            Duration maxBackoff, Optional<Path> trustStore, char[] trustStorePassword) {

    public RemoteOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(trustStore, "trustStore");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        trustStorePassword = trustStorePassword == null ? new char[0] : trustStorePassword.clone();
    }

    /** 5 s to connect, 30 s to answer, 3 tries with 200 ms, 400 ms waits (at most 2 s each). */
    public static RemoteOptions defaults() {
        return new RemoteOptions(Duration.ofSeconds(5), Duration.ofSeconds(30), 3, Duration.ofMillis(200),
                Duration.ofSeconds(2), Optional.empty(), null);
    }

    public RemoteOptions withAttempts(int attempts) {
        return new RemoteOptions(connectTimeout, readTimeout, attempts, firstBackoff, maxBackoff, trustStore, trustStorePassword);
    }

    public RemoteOptions withTimeouts(Duration connect, Duration read) {
        return new RemoteOptions(connect, read, maxAttempts, firstBackoff, maxBackoff, trustStore, trustStorePassword);
    }

    public RemoteOptions trusting(Path pkcs12, char[] password) {
        return new RemoteOptions(connectTimeout, readTimeout, maxAttempts, firstBackoff, maxBackoff, Optional.of(pkcs12), password);
    }
}
