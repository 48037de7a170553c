package org.smartstart.backoffice.ui.admin;

import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the administration screen says after an action: a confirmation, or a refusal with the rules that
 * refused it (e.g. "KY-5") so the administrator sees which rule of the platform stood in the way.
 *
 * @param refused  true when the action did not happen
 * @param ruleIds  the refusing rules, e.g. "KY-5" or "BZ-3 · BZ-6"; empty when no rule of DOMAIN.md refused it
 * @param sentence what happened, in words, with the figures the use case gave
 */
public record AdminFeedback(boolean refused, String ruleIds, String sentence) {

    public static final AdminFeedback NONE = new AdminFeedback(false, "", "");

    public static AdminFeedback done(String sentence) {
        return new AdminFeedback(false, "", sentence);
    }

    /** The words for an outcome that is not {@link Outcome.Done}, after "what" was tried ("The role was not granted"). */
    public static AdminFeedback refusal(String what, Outcome<?> outcome) {
        if (outcome instanceof Outcome.Rejected<?> rejected) {
            String rules = rejected.rejections().stream().map(Rejection::ruleId).distinct().collect(Collectors.joining(" · "));
            String sentences = rejected.rejections().stream().map(Rejection::message).collect(Collectors.joining(" "));
            return new AdminFeedback(true, rules, what + ": " + sentences);
        }
        if (outcome instanceof Outcome.Invalid<?> invalid) {
            return new AdminFeedback(true, "", what + ": " + fields(invalid.problems()));
        }
        if (outcome instanceof Outcome.Conflict<?>) {
            return new AdminFeedback(true, "", what + ": " + outcome.describe());
        }
        return new AdminFeedback(true, "", what + ": " + outcome.describe());
    }

    public static AdminFeedback failure(String what, Throwable failure) {
        return new AdminFeedback(true, "", what + ": " + (failure.getMessage() == null ? failure.toString() : failure.getMessage()));
    }

    private static String fields(List<FieldProblem> problems) {
        return problems.stream().map(p -> AdminLabels.field(p.field()) + " " + p.message()).collect(Collectors.joining("; ")) + ".";
    }
}
