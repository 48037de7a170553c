package org.smartstart.backoffice.domain.kyc;

import java.util.List;

/** One page of the review queue; {@code more} says whether the filter matches more than {@code limit} documents. */
public record QueuePage(List<QueueItem> items, int limit, boolean more) {
    public QueuePage {
        items = List.copyOf(items);
    }
}
