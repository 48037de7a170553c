package org.smartstart.backoffice.ui.signin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Checks a typed server address before anything is sent to it: http or https, and a host. */
public final class ServerAddress {

    static final String EXAMPLE = "https://backoffice.example.org";

    private ServerAddress() {
    }

    /** What is wrong with the address, in one sentence; empty when it can be used. */
    public static Optional<String> problem(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return Optional.of("Enter the server's address, for example " + EXAMPLE + ".");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.of("The server address must start with https:// (or http://), for example " + EXAMPLE + ".");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("\"" + text + "\" is not a web address: " + e.getReason() + ". For example " + EXAMPLE + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("The server address must start with https:// (or http://), for example " + EXAMPLE + ".");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("The server address names no host: put the server's name after " + scheme + "://, for example " + EXAMPLE + ".");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            return Optional.of("The server address takes no ?query or #fragment; give just the server, for example " + EXAMPLE + ".");
        }
        return Optional.empty();
    }

    /** The address as a URI; call only when {@link #problem} is empty. */
    public static URI parse(String typed) {
        Optional<String> problem = problem(typed);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return URI.create(typed.strip());
    }
}
