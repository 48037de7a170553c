package org.smartstart.backoffice.domain.identity;

/**
 * A person an administrator opens an account for (ID-1, ID-3 "manage users").
 *
 * @param countryCode       ISO 3166-1 alpha-2 (CA, DE); null when not known yet
 * @param temporaryPassword the first password, which the person must replace at their first sign-in (ID-4).
 *                          The administrator's desktop generates it ({@link PasswordRule#temporaryPassword()})
 *                          and shows it once: the server only hashes it and never answers with it, so no
 *                          stored API answer (idempotency) and no log line ever holds it in clear.
 */
public record NewPerson(String displayName, String email, String countryCode, String temporaryPassword) {

    @Override
    public String toString() {
        return "NewPerson[displayName=" + displayName + ", countryCode=" + countryCode + "]";
    }
}
