package org.smartstart.backoffice.domain.identity;

import org.smartstart.backoffice.domain.usecase.FieldProblem;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * How strong a password must be (ID-4), checked alike by the sign-in window before sending and by the use
 * case that stores it: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_LENGTH}, with at least
 * three of the four kinds (lower case, upper case, digits, other), and not containing the e-mail's name.
 * Length matters most against guessing; the mix keeps out dictionary words padded with one digit.
 */
public final class PasswordRule {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /** In words, for the hint under the password fields. */
    public static final String DESCRIPTION = "At least " + MIN_LENGTH + " characters, with three of: lower case, upper case, digits, other characters.";

    // Without look-alikes (0/O, 1/l/I), since the administrator reads it out or types it across.
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String OTHER = "-_.!?#";
    private static final int TEMPORARY_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordRule() {
    }

    /** What is wrong with {@code password} as a new password of the account with {@code email}, named as {@code field}. */
    public static Optional<FieldProblem> problem(String field, String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of(new FieldProblem(field, "is missing: " + DESCRIPTION));
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(new FieldProblem(field, "is " + length + " characters long; it needs at least " + MIN_LENGTH + "."));
        }
        if (length > MAX_LENGTH) {
            return Optional.of(new FieldProblem(field, "is " + length + " characters long; at most " + MAX_LENGTH + "."));
        }
        int kinds = kinds(password);
        if (kinds < 3) {
            return Optional.of(new FieldProblem(field, "mixes only " + kinds + " kind" + (kinds == 1 ? "" : "s")
                    + " of characters; use three of: lower case, upper case, digits, other characters."));
        }
        String local = email == null ? "" : email.strip().toLowerCase(Locale.ROOT).replaceFirst("@.*$", "");
        for (String name : local.split("[._+\\-]")) {
            if (name.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(name)) {
                return Optional.of(new FieldProblem(field, "contains \"" + name + "\" from the e-mail address; choose something nobody can guess from it."));
            }
        }
        return Optional.empty();
    }

    /** A new password typed twice: the rule, then whether both are the same. */
    public static Optional<FieldProblem> problem(String password, String repeated, String email, String currentPassword) {
        Optional<FieldProblem> weak = problem("newPassword", password, email);
        if (weak.isPresent()) {
            return weak;
        }
        if (!password.equals(repeated)) {
            return Optional.of(new FieldProblem("repeatedPassword", "differs from the new password; type the same password twice."));
        }
        if (password.equals(currentPassword)) {
            return Optional.of(new FieldProblem("newPassword", "is the password you have now; choose a new one."));
        }
        return Optional.empty();
    }

    /** A random temporary password that meets the rule (about 93 bits). */
    public static String temporaryPassword() {
        String all = LOWER + UPPER + DIGITS + OTHER;
        while (true) {
            StringBuilder b = new StringBuilder(TEMPORARY_LENGTH);
            for (int i = 0; i < TEMPORARY_LENGTH; i++) {
                b.append(all.charAt(RANDOM.nextInt(all.length())));
            }
            String candidate = b.toString();
            if (kinds(candidate) == 4) {
                return candidate;
            }
        }
    }

    private static int kinds(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); ) {
            int cp = password.codePointAt(i);
            if (Character.isLowerCase(cp)) {
                lower = true;
            } else if (Character.isUpperCase(cp)) {
                upper = true;
            } else if (Character.isDigit(cp)) {
                digit = true;
            } else {
                other = true;
            }
            i += Character.charCount(cp);
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
