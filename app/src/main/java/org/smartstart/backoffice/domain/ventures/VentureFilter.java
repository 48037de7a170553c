package org.smartstart.backoffice.domain.ventures;

import org.smartstart.backoffice.domain.usecase.FieldProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * What the ventures administration searches for; every part is optional (null or blank: any).
 *
 * @param name   part of the venture's name, ignoring case
 * @param status draft, active, suspended or archived
 * @param region ca, us, eu, asia or other
 * @param owner  part of the owner's display name or e-mail, ignoring case
 */
public record VentureFilter(String name, String status, String region, String owner) {

    public static final List<String> STATUSES = List.of("draft", "active", "suspended", "archived");
    public static final List<String> REGIONS = List.of("ca", "us", "eu", "asia", "other");
    /** How long a search text may be. */
    public static final int MAX_TEXT = 200;

    public static VentureFilter all() {
        return new VentureFilter(null, null, null, null);
    }

    /** What is wrong with the filter, per field; empty when it can be used. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(status) != null && !STATUSES.contains(status.strip())) {
            problems.add(new FieldProblem("status", "\"" + status + "\" is not a venture status (draft, active, suspended, archived)"));
        }
        if (blank(region) != null && !REGIONS.contains(region.strip())) {
            problems.add(new FieldProblem("region", "\"" + region + "\" is not a region (ca, us, eu, asia, other)"));
        }
        if (name != null && name.length() > MAX_TEXT) {
            problems.add(new FieldProblem("name", "is " + name.length() + " characters long; at most " + MAX_TEXT));
        }
        if (owner != null && owner.length() > MAX_TEXT) {
            problems.add(new FieldProblem("owner", "is " + owner.length() + " characters long; at most " + MAX_TEXT));
        }
        return problems;
    }

    /** The text stripped, or null when there is none. */
    public static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
