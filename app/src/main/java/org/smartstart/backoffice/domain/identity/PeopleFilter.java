package org.smartstart.backoffice.domain.identity;

import org.smartstart.backoffice.domain.usecase.FieldProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * Which people to list. Every criterion is optional (null: any).
 *
 * @param text      part of the display name or e-mail address, ignoring case
 * @param role      people holding this role actively, globally or on any venture
 * @param kycStatus people with this KYC status
 * @param limit     at most this many people (1 to {@value #MAX_LIMIT}); null: {@value #DEFAULT_LIMIT}
 */
public record PeopleFilter(String text, Role role, KycState kycStatus, Integer limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1_000;

    /** Everyone, one default page. */
    public static PeopleFilter all() {
        return new PeopleFilter(null, null, null, null);
    }

    public int pageSize() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    /** The search text without surrounding blanks, or null when there is none. */
    public String searchText() {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            problems.add(new FieldProblem("limit", "A list holds 1 to " + MAX_LIMIT + " people; " + limit + " was asked for."));
        }
        if (text != null && text.length() > 255) {
            problems.add(new FieldProblem("text", "The search text is " + text.length() + " characters long; at most 255."));
        }
        return problems;
    }
}
