package org.smartstart.backoffice.remote.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the API server listens.
 *
 * @param bind             the address to listen on, e.g. 127.0.0.1 (only this computer) or 0.0.0.0 (every interface)
 * @param port             the port; 0 picks a free one (tests)
 * @param keystore         a PKCS12 keystore with the server's certificate and key: HTTPS when present, plain HTTP when empty
 * @param keystorePassword its password
 * @param maxBodyBytes     larger request bodies are refused with 413
 */
public record ApiServerOptions(String bind, int port, Optional<Path> keystore, char[] keystorePassword, long maxBodyBytes) {

    /** Room for the largest upload, a 5 MB dispute evidence file sent base64 in JSON (4/3 of its size). */
    public static final long DEFAULT_MAX_BODY = 8 * 1024 * 1024;

    public ApiServerOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(keystore, "keystore");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The port must be between 0 and 65535, not " + port);
        }
        keystorePassword = keystorePassword == null ? new char[0] : keystorePassword.clone();
    }

    /** Plain HTTP on {@code bind}:{@code port}. */
    public static ApiServerOptions http(String bind, int port) {
        return new ApiServerOptions(bind, port, Optional.empty(), null, DEFAULT_MAX_BODY);
    }

    public ApiServerOptions withTls(Path keystore, char[] password) {
        return new ApiServerOptions(bind, port, Optional.of(keystore), password, maxBodyBytes);
    }

    public boolean tls() {
        return keystore.isPresent();
    }
}
