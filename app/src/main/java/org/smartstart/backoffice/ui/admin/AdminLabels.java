package org.smartstart.backoffice.ui.admin;

import org.smartstart.backoffice.domain.identity.KycState;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.tokens.BuzTxType;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** The domain's codes in the words the administration screen uses. */
public final class AdminLabels {

    private AdminLabels() {
    }

    public static String kyc(KycState state) {
        if (state == null) return "";
        return switch (state) {
            case PENDING -> "KYC pending";
            case VERIFIED -> "KYC verified";
            case REJECTED -> "KYC rejected";
        };
    }

    public static String roles(Collection<Role> roles) {
        if (roles.isEmpty()) return "no role";
        return roles.stream().map(Role::label).distinct().collect(Collectors.joining(" · "));
    }

    public static String txType(BuzTxType type) {
        return switch (type) {
            case EARN -> "Earned";
            case CONVERT -> "Converted";
            case REDEEM -> "Redeemed";
            case LOCK -> "Locked";
            case UNLOCK -> "Unlocked";
        };
    }

    /** The first characters of a SHA-256 in hex, enough to follow the chain from row to row by eye. */
    public static String shortHash(String hex) {
        if (hex == null) return "";
        if (hex.length() <= 8) return hex;
        return hex.substring(0, 8) + "…";
    }

    /** A use case's field name as the form labels it. */
    public static String field(String name) {
        return switch (name) {
            case "reason" -> "Reason:";
            case "role" -> "Role:";
            case "ventureId" -> "Venture:";
            case "amount" -> "Amount:";
            case "memo" -> "Memo:";
            case "userId" -> "Person:";
            case "text" -> "Search:";
            case "displayName" -> "Name:";
            case "email" -> "E-mail:";
            case "countryCode" -> "Country:";
            case "temporaryPassword" -> "Temporary password:";
            default -> name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) + ":";
        };
    }
}
