package org.smartstart.backoffice.domain.usecase;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one use case ended. Every expected ending is its own type, so a screen, the CLI and the HTTP API
 * can each say what happened in their own way (a dialog, an exit code, a problem+json status) without
 * parsing exception messages. Only bugs are exceptions.
 *
 * @param <T> what a successful use case hands back
 */
public sealed interface Outcome<T> {

    /** The action happened (or the query answered); {@code value} is what it produced. */
    record Done<T>(T value) implements Outcome<T> {
    }

    /** A rule of DOMAIN.md refused the action; nothing was written. Never empty. */
    record Rejected<T>(List<Rejection> rejections) implements Outcome<T> {
        public Rejected {
            rejections = List.copyOf(rejections);
            if (rejections.isEmpty()) {
                throw new IllegalArgumentException("A rejection names at least one broken rule");
            }
        }

        public Rejection first() {
            return rejections.get(0);
        }
    }

    /** The acting user may not do this (ID-3). {@code permission} is the matrix row, e.g. "edit cap table". */
    record Denied<T>(String permission, String message) implements Outcome<T> {
    }

    /** The object does not exist, or the acting user may not see it (ID-5 gives the same answer for both). */
    record NotFound<T>(String objectType, String id, String message) implements Outcome<T> {
    }

    /** Someone else changed the data since it was read; reload and try again. Nothing was written. */
    record Conflict<T>(String message) implements Outcome<T> {
    }

    /** The request itself is malformed: a field is missing, has the wrong form or is out of range. */
    record Invalid<T>(List<FieldProblem> problems) implements Outcome<T> {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("An invalid request names at least one field");
            }
        }
    }

    /** There is no valid session: never signed in, signed out, or expired. */
    record Unauthenticated<T>(String message) implements Outcome<T> {
    }

    /** The database or the server cannot be reached right now; the same request may be retried later. */
    record Unavailable<T>(String message, Duration retryAfter) implements Outcome<T> {
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> rejected(String ruleId, String message) {
        return new Rejected<>(List.of(new Rejection(ruleId, message)));
    }

    static <T> Outcome<T> rejected(List<Rejection> rejections) {
        return new Rejected<>(rejections);
    }

    static <T> Outcome<T> invalid(String field, String message) {
        return new Invalid<>(List.of(new FieldProblem(field, message)));
    }

    static <T> Outcome<T> notFound(String objectType, Object id) {
        return new NotFound<>(objectType, String.valueOf(id),
                "No " + objectType.replace('_', ' ') + " " + id + " exists, or you may not see it.");
    }

    default boolean isDone() {
        return this instanceof Done<T>;
    }

    /** The value of a {@link Done}; for anything else an {@link IllegalStateException} saying what happened. */
    default T orElseThrow() {
        if (this instanceof Done<T> done) {
            return done.value();
        }
        throw new IllegalStateException(describe());
    }

    default <U> Outcome<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Done<T> done) {
            return new Done<>(f.apply(done.value()));
        }
        return failure();
    }

    default <U> Outcome<U> flatMap(Function<? super T, Outcome<U>> f) {
        if (this instanceof Done<T> done) {
            return Objects.requireNonNull(f.apply(done.value()));
        }
        return failure();
    }

    /** This non-{@link Done} outcome retyped (its value type is irrelevant: it has none). */
    @SuppressWarnings("unchecked")
    default <U> Outcome<U> failure() {
        if (this instanceof Done<T>) {
            throw new IllegalStateException("A successful outcome cannot be passed on as a failure");
        }
        return (Outcome<U>) this;
    }

    /** One plain sentence for logs, status bars and exceptions in tests. */
    default String describe() {
        if (this instanceof Done<T> d) {
            return "Done: " + d.value();
        } else if (this instanceof Rejected<T> r) {
            return String.join(" ", r.rejections().stream().map(Rejection::message).toList());
        } else if (this instanceof Denied<T> d) {
            return d.message();
        } else if (this instanceof NotFound<T> n) {
            return n.message();
        } else if (this instanceof Conflict<T> c) {
            return c.message();
        } else if (this instanceof Invalid<T> i) {
            return String.join(" ", i.problems().stream().map(p -> p.field() + ": " + p.message()).toList());
        } else if (this instanceof Unauthenticated<T> u) {
            return u.message();
        } else {
            return ((Unavailable<T>) this).message();
        }
    }
}
