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
            case "ownerUserId" -> "Owner:";
            case "aliceEquityCap" -> "Platform cap:";
            case "status" -> "Status:";
            default -> name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) + ":";
        };
    }

    /** "passport" → "Passport", "proof_of_address" → "Proof of address". */
    public static String docType(String code) {
        return switch (code) {
            case "id_card" -> "ID card";
            case "drivers_license" -> "Driver's license";
            default -> sentence(code);
        };
    }

    public static String docStatus(String code) {
        return code == null ? "" : sentence(code);
    }

    public static String loginAction(String action) {
        return switch (action) {
            case "LOGIN_SUCCEEDED" -> "Signed in";
            case "LOGIN_FAILED" -> "Sign-in refused";
            case "ACCOUNT_LOCKED" -> "Locked after failures";
            case "LOGGED_OUT" -> "Signed out";
            default -> action;
        };
    }

    private static String sentence(String code) {
        String words = code.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
