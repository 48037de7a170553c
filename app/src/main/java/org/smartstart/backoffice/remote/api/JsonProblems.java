package org.smartstart.backoffice.remote.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.smartstart.backoffice.domain.usecase.FieldProblem;

/**
 * Turns what Jackson refused into one {@link FieldProblem} naming the field by its JSON path
 * ({@code "body.shares"}, {@code "holders[2].percent"}), in words for a person, without Java class names.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static FieldProblem of(JsonProcessingException e, String root) {
        if (!(e instanceof JsonMappingException mapping)) {
            return new FieldProblem(root.isEmpty() ? "body" : root, "is not well-formed JSON: " + firstLine(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        String field = path(mapping, root);
        if (mapping instanceof UnrecognizedPropertyException u) {
            return new FieldProblem(field, "is not a known field here" + (u.getKnownPropertyIds() == null ? ""
                    : "; known fields are " + u.getKnownPropertyIds()));
        }
        if (mapping instanceof InvalidNullException) {
            return new FieldProblem(field, "is required");
        }
        if (mapping instanceof InvalidFormatException f && f.getOriginalMessage() != null && f.getOriginalMessage().startsWith("must be ")) {
            // our own range checks (Json: plausible dates, text without NUL) say what is wrong in words already
            return new FieldProblem(field, f.getOriginalMessage());
        }
        if (mapping instanceof InvalidFormatException f) {
            return new FieldProblem(field, "cannot be read as " + typeWords(f.getTargetType()) + ": \"" + f.getValue() + "\"");
        }
        if (mapping instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause() == null ? v : v.getCause();
            if (cause instanceof NullPointerException && cause.getMessage() != null && cause.getMessage().matches("[A-Za-z0-9_]+")) {
                // Objects.requireNonNull(x, "name") in a record's constructor: that component is required.
                return new FieldProblem(mapping.getPath().isEmpty() ? join(root, cause.getMessage())
                        : field + "." + cause.getMessage(), "is required");
            }
            return new FieldProblem(field, cause.getMessage() == null ? "is not acceptable" : firstLine(cause.getMessage()));
        }
        if (mapping instanceof MismatchedInputException m) {
            String message = firstLine(m.getOriginalMessage());
            if (message.startsWith("Cannot map `null`")) {
                return new FieldProblem(field, "is required");
            }
            return new FieldProblem(field, m.getTargetType() == null ? "has the wrong type"
                    : "must be " + typeWords(m.getTargetType()));
        }
        return new FieldProblem(field, firstLine(mapping.getOriginalMessage()));
    }

    private static String join(String root, String name) {
        return root.isEmpty() ? name : root + "." + name;
    }

    static String path(JsonMappingException e, String root) {
        StringBuilder b = new StringBuilder(root);
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "body" : b.toString();
    }

    /** "a UUID", "a whole number", "one of [A, B]" … for a Java type. */
    public static String typeWords(Class<?> t) {
        if (t == null) {
            return "the right type";
        }
        if (t == java.util.UUID.class) return "a UUID like 3f2b6c1e-8d4a-4f7e-9c2a-1b2c3d4e5f60";
        if (t == java.time.LocalDate.class) return "a date like 2026-03-01";
        if (t == java.time.Instant.class) return "an instant like 2026-03-01T09:30:00Z";
        if (t == java.math.BigDecimal.class) return "a decimal number like \"12.500\"";
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class || t == short.class || t == Short.class) return "a whole number";
        if (t == boolean.class || t == Boolean.class) return "true or false";
        if (t == String.class) return "a string";
        if (t.isEnum()) {
            StringBuilder b = new StringBuilder("one of ");
            Object[] constants = t.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                b.append(i == 0 ? "" : ", ").append(((Enum<?>) constants[i]).name());
            }
            return b.toString();
        }
        if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) return "a list";
        if (java.util.Map.class.isAssignableFrom(t) || t.isRecord()) return "an object";
        return "a " + t.getSimpleName();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
