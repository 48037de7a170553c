package org.smartstart.backoffice.domain.captable;

import java.util.UUID;

/**
 * A holder of a cap table: a user (userId set) or the platform AliceSolutions (userId null). Not
 * checked on construction, because a draft may be wrong and the policy explains what is wrong (EQ-4).
 */
public record Holder(HolderType type, UUID userId) {

    public static Holder user(UUID userId) {
        return new Holder(HolderType.USER, userId);
    }

    public static Holder alice() {
        return new Holder(HolderType.ALICE, null);
    }

    public boolean platform() {
        return type == HolderType.ALICE;
    }
}
