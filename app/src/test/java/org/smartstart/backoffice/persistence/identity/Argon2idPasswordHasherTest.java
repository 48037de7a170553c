package org.smartstart.backoffice.persistence.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Argon2idPasswordHasherTest {

    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher();

    @Test
    void a_hash_is_salted_argon2id_and_only_the_right_password_matches() {
        String first = hasher.hash("correct horse".toCharArray());
        String second = hasher.hash("correct horse".toCharArray());

        assertThat(first).startsWith("$argon2id$").isNotEqualTo(second);
        assertThat(hasher.matches("correct horse".toCharArray(), first)).isTrue();
        assertThat(hasher.matches("correct horse".toCharArray(), second)).isTrue();
        assertThat(hasher.matches("Correct horse".toCharArray(), first)).isFalse();
        assertThat(hasher.matches("correct horse".toCharArray(), "plain-text")).isFalse();
    }
}
