package org.smartstart.backoffice.domain.identity;

/** A signed-in person replacing their own password (after a temporary one, or any time). */
public record PasswordChange(String currentPassword, String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[…]";
    }
}
