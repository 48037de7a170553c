package org.smartstart.backoffice.domain.identity;

/** Why an administrator archives a person (kept in the audit entry). */
public record PersonArchive(String reason) {
}
