package org.smartstart.backoffice.persistence.identity;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import org.smartstart.backoffice.domain.identity.PasswordHasher;

/**
 * Argon2id (ID-4) with OWASP's minimum parameters: 19 MiB, 2 iterations, 1 lane. The parameters are
 * part of the stored hash, so they can be raised later without breaking existing passwords.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

    @Override
    public String hash(char[] password) {
        return Password.hash(new String(password)).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    @Override
    public boolean matches(char[] password, String storedHash) {
        if (storedHash == null || !storedHash.startsWith("$argon2")) {
            return false;
        }
        return Password.check(new String(password), storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
    }
}
