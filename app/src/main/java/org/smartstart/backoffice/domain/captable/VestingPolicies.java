package org.smartstart.backoffice.domain.captable;

import org.smartstart.backoffice.domain.usecase.Command;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Param;
import org.smartstart.backoffice.domain.usecase.Query;

import java.util.List;
import java.util.UUID;

/**
 * A venture's vesting policies (EQ-6): the platform templates and the venture's own, defining new ones and
 * putting a holding under one. Reading takes "read cap table", writing "edit cap table" on that venture
 * (ID-3: its owner or a global admin). Part of {@link CapTables}, so it is served and has a client as every
 * cap table action has.
 */
public interface VestingPolicies {

    /** The platform templates and the venture's own policies, templates first, each by name. */
    @Query("/ventures/{ventureId}/vesting-policies")
    Outcome<List<VestingPolicy>> vestingPolicies(@Param("ventureId") UUID ventureId);

    /**
     * Defines a policy of the venture: name (1..80 characters, unique in the venture ignoring case), cliff
     * 0..120 months, duration 1..120 months, cliff ≤ duration, monthly or quarterly. Audit: VESTING_POLICY_CREATED.
     */
    @Command("/ventures/{ventureId}/vesting-policies")
    Outcome<VestingPolicy> createVestingPolicy(@Param("ventureId") UUID ventureId, @Param("policy") NewVestingPolicy policy);

    /**
     * Renames one of the venture's own policies (a platform template is not the venture's to rename): the new
     * name follows the same rules as a new policy's (1..80 characters, unique in the venture ignoring case).
     * Only the label changes; its terms are fixed (EQ-6). Answers the renamed policy. Audit: VESTING_POLICY_RENAMED.
     */
    @Command("/ventures/{ventureId}/vesting-policies/{policyId}/name")
    Outcome<VestingPolicy> renameVestingPolicy(@Param("ventureId") UUID ventureId, @Param("policyId") UUID policyId,
                                               @Param("name") String name);

    /**
     * Puts an open holding under a policy from a date (see {@link VestingAttachment}), if the cap table keeps
     * EQ-1..EQ-7 and was not changed since {@code basedOnRevision}. Answers the cap table on that date.
     * Audit: VESTING_ATTACHED.
     */
    @Command("/ventures/{ventureId}/vesting-policies/attachments")
    Outcome<CapTable> attachVestingPolicy(@Param("ventureId") UUID ventureId, @Param("attachment") VestingAttachment attachment);
}
