package org.smartstart.backoffice.domain.audit;

import java.util.List;

/**
 * One page of audit entries, in the filter's direction.
 *
 * @param nextAfterSeq  oldest first: pass as {@code afterSeq} for the next page; null when this page is the last
 * @param nextBeforeSeq newest first: pass as {@code beforeSeq} for the next page; null when this page is the last
 */
public record AuditPage(List<AuditLogEntry> entries, Long nextAfterSeq, Long nextBeforeSeq) {
    public AuditPage {
        entries = List.copyOf(entries);
    }

    public boolean hasMore() {
        return nextAfterSeq != null || nextBeforeSeq != null;
    }
}
