package org.smartstart.backoffice.domain.usecase;

import java.util.Objects;

/** What is wrong with one field of a request: field "percent", message "must be between 0.001 and 100". */
public record FieldProblem(String field, String message) {
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
