package org.smartstart.backoffice.domain.ventures;

/** Why an administrator archives a venture (kept in the audit entry). */
public record VentureArchive(String reason) {
}
