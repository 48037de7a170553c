package org.smartstart.backoffice.remote.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every non-{@link Outcome.Done} outcome as an RFC 9457 problem ({@code application/problem+json}) and
 * back, so a remote caller gets exactly the outcome a local one would:
 * <pre>
 * Rejected 422 · Denied 403 · NotFound 404 · Conflict 409 · Invalid 400 · Unauthenticated 401 · Unavailable 503 (+ Retry-After)
 * </pre>
 * Extension members: {@code outcome} (the variant's name), {@code rule} (first rule id) and
 * {@code rejections} [{ruleId, message}], {@code errors} [{field, message}], {@code permission},
 * {@code objectType} and {@code objectId}, {@code retryAfterSeconds}.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:smartstart:backoffice:problem:";

    private Problems() {
    }

    /** A problem document and its HTTP status. */
    public record Problem(int status, ObjectNode body) {
        public Problem with(String member, Object value) {
            body.set(member, Json.mapper().valueToTree(value));
            return this;
        }
    }

    public static Problem problem(int status, String type, String title, String detail, String instance) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("type", TYPE_PREFIX + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        return new Problem(status, body);
    }

    /** A request the server cannot read: 400 with the fields that are wrong. */
    public static Problem invalid(List<FieldProblem> errors, String instance) {
        return of(new Outcome.Invalid<>(errors), instance);
    }

    public static Problem of(Outcome<?> outcome, String instance) {
        Problem p;
        if (outcome instanceof Outcome.Rejected<?> r) {
            p = problem(422, "rule-violation", "A rule refused the action", outcome.describe(), instance);
            p.body().put("rule", r.first().ruleId());
            ArrayNode list = p.body().putArray("rejections");
            r.rejections().forEach(x -> list.addObject().put("ruleId", x.ruleId()).put("message", x.message()));
        } else if (outcome instanceof Outcome.Denied<?> d) {
            p = problem(403, "permission-denied", "Not permitted", d.message(), instance);
            p.body().put("permission", d.permission());
        } else if (outcome instanceof Outcome.NotFound<?> n) {
            p = problem(404, "not-found", "Not found", n.message(), instance);
            p.body().put("objectType", n.objectType());
            p.body().put("objectId", n.id());
        } else if (outcome instanceof Outcome.Conflict<?> c) {
            p = problem(409, "conflict", "Changed by someone else", c.message(), instance);
        } else if (outcome instanceof Outcome.Invalid<?> i) {
            p = problem(400, "invalid-request", "The request is not valid", outcome.describe(), instance);
            ArrayNode list = p.body().putArray("errors");
            i.problems().forEach(x -> list.addObject().put("field", x.field()).put("message", x.message()));
        } else if (outcome instanceof Outcome.Unauthenticated<?> u) {
            p = problem(401, "unauthenticated", "Not signed in", u.message(), instance);
        } else if (outcome instanceof Outcome.Unavailable<?> u) {
            p = problem(503, "unavailable", "Temporarily unavailable", u.message(), instance);
            p.body().put("retryAfterSeconds", retrySeconds(u.retryAfter()));
        } else {
            throw new IllegalArgumentException("A successful outcome is not a problem");
        }
        p.body().put("outcome", outcome.getClass().getSimpleName());
        return p;
    }

    public static long retrySeconds(Duration retryAfter) {
        return retryAfter == null ? 5 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /**
     * The outcome a problem response stands for. {@code retryAfterHeader} is the Retry-After header (may be
     * null). Problems not made by {@link #of} (a proxy's 502, an unexpected 500) are mapped by status.
     */
    public static <T> Outcome<T> toOutcome(int status, JsonNode body, String retryAfterHeader, String server) {
        JsonNode b = body == null ? Json.mapper().createObjectNode() : body;
        String detail = text(b, "detail", text(b, "title", "The server answered HTTP " + status + "."));
        String kind = text(b, "outcome", "");
        if (kind.equals("Rejected") || (kind.isEmpty() && status == 422 && b.has("rejections"))) {
            List<Rejection> rejections = new ArrayList<>();
            b.path("rejections").forEach(r -> rejections.add(new Rejection(text(r, "ruleId", "?"), text(r, "message", detail))));
            if (rejections.isEmpty()) {
                rejections.add(new Rejection(text(b, "rule", "?"), detail));
            }
            return new Outcome.Rejected<>(rejections);
        }
        if (kind.equals("Denied") || kind.isEmpty() && status == 403) {
            return new Outcome.Denied<>(text(b, "permission", ""), detail);
        }
        if (kind.equals("NotFound") || kind.isEmpty() && status == 404) {
            return new Outcome.NotFound<>(text(b, "objectType", "resource"), text(b, "objectId", ""), detail);
        }
        if (kind.equals("Conflict") || kind.isEmpty() && status == 409) {
            return new Outcome.Conflict<>(detail);
        }
        if (kind.equals("Invalid") || kind.isEmpty() && status >= 400 && status < 500 && b.has("errors")) {
            List<FieldProblem> errors = new ArrayList<>();
            b.path("errors").forEach(e -> errors.add(new FieldProblem(text(e, "field", "request"), text(e, "message", detail))));
            if (errors.isEmpty()) {
                errors.add(new FieldProblem("request", detail));
            }
            return new Outcome.Invalid<>(errors);
        }
        if (kind.equals("Unauthenticated") || kind.isEmpty() && status == 401) {
            return new Outcome.Unauthenticated<>(detail);
        }
        if (kind.equals("Unavailable") || status == 503 || status == 502 || status == 504) {
            return new Outcome.Unavailable<>(detail, retryAfter(retryAfterHeader, b));
        }
        if (status >= 500) {
            return new Outcome.Unavailable<>("The back office server at " + server + " failed (HTTP " + status + "): " + detail,
                    Duration.ofSeconds(5));
        }
        return new Outcome.Invalid<>(List.of(new FieldProblem("request", detail)));
    }

    static Duration retryAfter(String header, JsonNode body) {
        try {
            if (header != null && !header.isBlank()) {
                return Duration.ofSeconds(Long.parseLong(header.strip()));
            }
        } catch (NumberFormatException ignored) {
            // an HTTP date: fall through to the body or the default
        }
        long seconds = body.path("retryAfterSeconds").asLong(5);
        return Duration.ofSeconds(seconds);
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? otherwise : v.asText();
    }
}
