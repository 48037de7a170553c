package org.smartstart.backoffice.domain.audit;

import org.smartstart.backoffice.domain.usecase.FieldProblem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which sealed audit entries to browse, and one page's worth of them. Every criterion is optional
 * (null: any). Pages are cut by a key (keyset), never by an offset: the log holds millions of entries
 * and an offset would read and throw away all the rows before the page.
 *
 * <p>The entries are listed by seq (the chain's order), or by time ({@code ts}, seq breaking ties) when a
 * period is set or {@code byTime} is asked for. The two orders nearly agree but not exactly: an entry is
 * stamped when its transaction starts and gets its seq when it is sealed, after the commit. Listing a period
 * by time lets every page start at its place in the (ts, seq) index, however deep; listing it by seq would
 * have to find the period's seq range first, which no index gives without reading every entry on one side.
 *
 * <p>To page on, pass the page's {@link AuditPage#nextAfterSeq()} as {@code afterSeq} (oldest first)
 * or its {@link AuditPage#nextBeforeSeq()} as {@code beforeSeq} (newest first), keeping the other
 * criteria. To turn back, ask again in the other direction from the page's first seq. By seq these are
 * bounds on the seq; by time they name the entry the page continues from, which must be a sealed entry
 * the user may see (the page holds the entries listed after, or before, it).
 *
 * @param fromTs      entries at or after this instant
 * @param toTs        entries before this instant
 * @param actorUserId entries by this user
 * @param action      entries of this action, e.g. EQUITY_CHANGE (exact)
 * @param objectType  entries on this kind of object, e.g. equity_ledger (exact)
 * @param objectId    entries on this object
 * @param ventureId   entries of this venture; a venture owner may only ask for their own ventures
 * @param afterSeq    by seq: entries with a seq above this one; by time: entries listed after the entry with this seq
 * @param beforeSeq   by seq: entries with a seq below this one; by time: entries listed before the entry with this seq
 * @param limit       at most this many entries (1 to {@value #MAX_LIMIT}); null: {@value #DEFAULT_LIMIT}
 * @param direction   which end of the log the page starts from; null: newest first
 * @param byTime      true: list by time (ts, then seq) even without a period; null: by time only when a period is set;
 *                    false with a period is refused (a period is always listed by time)
 */
public record AuditFilter(Instant fromTs, Instant toTs, UUID actorUserId, String action, String objectType, UUID objectId,
                          UUID ventureId, Long afterSeq, Long beforeSeq, Integer limit, Direction direction, Boolean byTime) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1_000;

    /** Order of the entries in a page. */
    public enum Direction {
        NEWEST_FIRST, OLDEST_FIRST
    }

    /** Everything, newest first, one default page. */
    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public AuditFilter withVenture(UUID venture) {
        return new AuditFilter(fromTs, toTs, actorUserId, action, objectType, objectId, venture, afterSeq, beforeSeq, limit, direction, byTime);
    }

    public AuditFilter withActor(UUID actor) {
        return new AuditFilter(fromTs, toTs, actor, action, objectType, objectId, ventureId, afterSeq, beforeSeq, limit, direction, byTime);
    }

    public AuditFilter withAction(String newAction) {
        return new AuditFilter(fromTs, toTs, actorUserId, newAction, objectType, objectId, ventureId, afterSeq, beforeSeq, limit, direction, byTime);
    }

    public AuditFilter withObject(String type, UUID id) {
        return new AuditFilter(fromTs, toTs, actorUserId, action, type, id, ventureId, afterSeq, beforeSeq, limit, direction, byTime);
    }

    public AuditFilter between(Instant from, Instant to) {
        return new AuditFilter(from, to, actorUserId, action, objectType, objectId, ventureId, afterSeq, beforeSeq, limit, direction, byTime);
    }

    public AuditFilter after(Long seq) {
        return new AuditFilter(fromTs, toTs, actorUserId, action, objectType, objectId, ventureId, seq, beforeSeq, limit, direction, byTime);
    }

    public AuditFilter before(Long seq) {
        return new AuditFilter(fromTs, toTs, actorUserId, action, objectType, objectId, ventureId, afterSeq, seq, limit, direction, byTime);
    }

    public AuditFilter limitedTo(Integer max) {
        return new AuditFilter(fromTs, toTs, actorUserId, action, objectType, objectId, ventureId, afterSeq, beforeSeq, max, direction, byTime);
    }

    public AuditFilter ordered(Direction order) {
        return new AuditFilter(fromTs, toTs, actorUserId, action, objectType, objectId, ventureId, afterSeq, beforeSeq, limit, order, byTime);
    }

    /** The same filter listed by time (ts, seq breaking ties) rather than by seq. */
    public AuditFilter listedByTime() {
        return new AuditFilter(fromTs, toTs, actorUserId, action, objectType, objectId, ventureId, afterSeq, beforeSeq, limit, direction, true);
    }

    /** Whether the entries are listed by time (ts, then seq): asked for, or a period is set. */
    public boolean byTimeOrder() {
        return Boolean.TRUE.equals(byTime) || (byTime == null && (fromTs != null || toTs != null));
    }

    /** The page size asked for, or the default. */
    public int pageSize() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    public Direction order() {
        return direction == null ? Direction.NEWEST_FIRST : direction;
    }

    /** What is wrong with this filter as input, field by field; empty when it can be run. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            problems.add(new FieldProblem("limit", "A page holds 1 to " + MAX_LIMIT + " entries; " + limit + " was asked for."));
        }
        if (afterSeq != null && afterSeq < 0) {
            problems.add(new FieldProblem("afterSeq", "Seqs start at 1; afterSeq " + afterSeq + " cannot be negative."));
        }
        if (beforeSeq != null && beforeSeq < 1) {
            problems.add(new FieldProblem("beforeSeq", "Seqs start at 1; beforeSeq must be at least 1, not " + beforeSeq + "."));
        }
        if (fromTs != null && toTs != null && !fromTs.isBefore(toTs)) {
            problems.add(new FieldProblem("toTs", "The period ends (" + toTs + ") before or when it starts (" + fromTs + ")."));
        }
        if (Boolean.FALSE.equals(byTime) && (fromTs != null || toTs != null)) {
            problems.add(new FieldProblem("byTime", "A period is always listed by time (ts, then seq); leave byTime out or set it to true."));
        }
        if (action != null && action.isBlank()) {
            problems.add(new FieldProblem("action", "The action is blank; leave it out to see every action."));
        }
        if (objectType != null && objectType.isBlank()) {
            problems.add(new FieldProblem("objectType", "The object type is blank; leave it out to see every kind of object."));
        }
        return problems;
    }
}
