package org.smartstart.backoffice.domain.identity;

/** Where a sign-in comes from, for the audit trail (ID-4): host or IP, and the client program. */
public record ClientInfo(String host, String userAgent) {
    public ClientInfo {
        host = host == null || host.isBlank() ? "unknown" : host;
        userAgent = userAgent == null || userAgent.isBlank() ? "unknown" : userAgent;
    }
}
