package org.smartstart.backoffice.domain.ventures;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A venture an administrator creates, as a draft.
 *
 * @param region         ca, us, eu, asia or other
 * @param ownerUserId    a KYC-verified person (KY-5: owning a venture is holding its owner role)
 * @param aliceEquityCap the most the platform (alice) may hold, 0..20.000 percent (EQ-3); null: 20.000
 */
public record NewVenture(String name, String region, UUID ownerUserId, BigDecimal aliceEquityCap) {
}
