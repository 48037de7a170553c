package org.smartstart.backoffice.domain.audit;

/**
 * Replaces a piece of personal data (an e-mail, a name) by a stable token before it goes into the
 * audit trail (AU-1): the same value always gives the same token, so entries stay searchable, while
 * the clear text can be erased later without touching the sealed chain.
 */
@FunctionalInterface
public interface PersonalDataTokenizer {

    String token(String value);
}
