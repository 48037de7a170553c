package org.smartstart.backoffice.ui.outcomes;

import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;

import java.util.stream.Collectors;

/**
 * An outcome other than Done as the sentence a screen shows: rejections each with their rule id in front
 * (the rule's sentences mostly name it already; then it is not repeated), everything else as
 * {@link Outcome#describe()}.
 */
public final class OutcomeSentences {

    private OutcomeSentences() {
    }

    public static String of(Outcome<?> outcome) {
        if (outcome instanceof Outcome.Rejected<?> rejected) {
            return rejected.rejections().stream().map(OutcomeSentences::of).collect(Collectors.joining(" "));
        }
        return outcome.describe();
    }

    public static String of(Rejection r) {
        return r.message().startsWith(r.ruleId()) ? r.message() : r.ruleId() + ": " + r.message();
    }

    /** "Releasing the hold was refused. LH-1: …" */
    public static String refused(String what, Outcome<?> outcome) {
        return what + (outcome instanceof Outcome.Rejected<?> ? " was refused. " : " did not happen. ") + of(outcome);
    }
}
