package org.smartstart.backoffice.domain.identity;

/** Slow, salted password hashing (ID-4). Implementations never keep the clear text. */
public interface PasswordHasher {

    String hash(char[] password);

    boolean matches(char[] password, String storedHash);
}
