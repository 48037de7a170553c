package org.smartstart.backoffice.domain.captable.ocf;

import org.smartstart.backoffice.domain.captable.VestingPolicy;

/** OCF vesting terms as a vesting policy of the ledger (id still null: found or created when writing), or why they cannot be one. */
record OcfImportFit(String id, VestingPolicy policy, String whyNot) {
}
