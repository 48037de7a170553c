package org.smartstart.backoffice.remote.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The OpenAPI 3.1 document of the API, generated from the same route table the server and the client use,
 * with request and response schemas read from the records by reflection. Deterministic (sorted), so the
 * copy in {@code docs/api/openapi.json} can be compared byte for byte.
 */
public final class OpenApi {

    private static final String PROBLEM = "#/components/schemas/Problem";

    private OpenApi() {
    }

    /** The document as UTF-8 JSON, pretty-printed with a final newline. */
    public static byte[] bytes(RouteTable table) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            String text = Json.mapper().writer(printer).writeValueAsString(document(table)) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode document(RouteTable table) {
        Schemas schemas = new Schemas();
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "SmartStart Back Office API");
        info.put("version", "1");
        info.put("description", "Every use case of the back office, generated from the port interfaces. JSON: records by their "
                + "component names; dates and instants ISO-8601; decimals as strings with exact digits (\"12.500\"); a sealed "
                + "type carries \"kind\". Errors are RFC 9457 problem+json with extension members outcome, rule, rejections, "
                + "errors. Every POST of a use case needs an Idempotency-Key header. See docs/api/README.md.");
        doc.putArray("servers").addObject().put("url", "/");
        doc.putArray("security").addObject().putArray("bearerAuth");
        ObjectNode paths = doc.putObject("paths");
        TreeMap<String, ObjectNode> byPath = new TreeMap<>();

        ObjectNode signIn = Json.mapper().createObjectNode();
        signIn.put("operationId", "sessions.signIn");
        signIn.putArray("tags").add("sessions");
        signIn.put("summary", "Sign in with e-mail and password (ID-4); the answer's session carries the bearer token.");
        signIn.putArray("security");
        ObjectNode credentials = Json.mapper().createObjectNode().put("type", "object");
        credentials.putObject("properties").set("email", Json.mapper().createObjectNode().put("type", "string"));
        ((ObjectNode) credentials.get("properties")).set("password", Json.mapper().createObjectNode().put("type", "string").put("format", "password"));
        credentials.putArray("required").add("email").add("password");
        credentials.put("additionalProperties", false);
        signIn.putObject("requestBody").put("required", true).putObject("content").putObject("application/json").set("schema", credentials);
        ObjectNode signInResponses = signIn.putObject("responses");
        signInResponses.putObject("200").put("description", "Signed in (kind SignedIn)").putObject("content")
                .putObject("application/json").set("schema", schemas.of(org.smartstart.backoffice.domain.identity.SignInResult.class));
        for (String[] s : new String[][] {{"400", "Invalid request"}, {"401", "Wrong e-mail or password (signInResult.kind WrongCredentials)"},
                {"403", "Password change required or account archived"}, {"423", "Locked out after repeated failures"},
                {"503", "Database unavailable"}}) {
            signInResponses.set(s[0], problemResponse(s[1]));
        }
        byPath.computeIfAbsent(RouteTable.BASE + "/sessions", k -> Json.mapper().createObjectNode()).set("post", signIn);

        ObjectNode signOut = Json.mapper().createObjectNode();
        signOut.put("operationId", "sessions.signOut");
        signOut.putArray("tags").add("sessions");
        signOut.put("summary", "Sign out: the bearer token stops working everywhere.");
        signOut.putObject("responses").set("204", Json.mapper().createObjectNode().put("description", "Signed out"));
        ((ObjectNode) signOut.get("responses")).set("401", problemResponse("Not signed in"));
        byPath.computeIfAbsent(RouteTable.BASE + "/sessions/current", k -> Json.mapper().createObjectNode()).set("delete", signOut);

        ObjectNode spec = Json.mapper().createObjectNode();
        spec.put("operationId", "openapi");
        spec.putArray("tags").add("meta");
        spec.put("summary", "This document.");
        spec.putArray("security");
        spec.putObject("responses").putObject("200").put("description", "The OpenAPI document").putObject("content")
                .putObject("application/json").putObject("schema").put("type", "object");
        byPath.computeIfAbsent(RouteTable.BASE + "/openapi.json", k -> Json.mapper().createObjectNode()).set("get", spec);

        for (Route route : table.routes()) {
            byPath.computeIfAbsent(route.path(), k -> Json.mapper().createObjectNode())
                    .set(route.isCommand() ? "post" : "get", operation(route, schemas));
        }
        byPath.forEach(paths::set);

        ObjectNode components = doc.putObject("components");
        ObjectNode securitySchemes = components.putObject("securitySchemes");
        securitySchemes.putObject("bearerAuth").put("type", "http").put("scheme", "bearer")
                .put("description", "The token of POST " + RouteTable.BASE + "/sessions (SignedIn.session.token).");
        ObjectNode all = components.putObject("schemas");
        all.set("Problem", problemSchema());
        schemas.definitions.forEach(all::set);
        return doc;
    }

    private static ObjectNode operation(Route route, Schemas schemas) {
        ObjectNode op = Json.mapper().createObjectNode();
        op.put("operationId", route.operationId());
        op.putArray("tags").add(route.port().getName());
        op.put("summary", (route.isCommand() ? "Command " : "Query ") + route.port().getReturnType().getSimpleName() + "."
                + route.method().getName());
        ArrayNode parameters = Json.mapper().createArrayNode();
        ObjectNode bodyProperties = null;
        ArrayNode bodyRequired = null;
        for (Route.Param p : route.params()) {
            switch (p.source()) {
                case PATH -> parameters.add(parameter(p.name(), "path", true, schemas.of(p.type())));
                case QUERY -> parameters.add(parameter(p.name(), "query", p.required(), schemas.of(p.type())));
                case QUERY_RECORD -> {
                    for (RecordComponent c : p.rawType().getRecordComponents()) {
                        parameters.add(parameter(c.getName(), "query", c.getType().isPrimitive(), schemas.of(c.getGenericType())));
                    }
                }
                case BODY -> op.putObject("requestBody").put("required", true).putObject("content")
                        .putObject("application/json").set("schema", schemas.of(p.type()));
                case BODY_PROPERTY -> {
                    if (bodyProperties == null) {
                        ObjectNode schema = op.putObject("requestBody").put("required", true).putObject("content")
                                .putObject("application/json").putObject("schema");
                        schema.put("type", "object");
                        schema.put("additionalProperties", false);
                        bodyProperties = schema.putObject("properties");
                        bodyRequired = schema.putArray("required");
                    }
                    bodyProperties.set(p.name(), schemas.of(p.type()));
                    if (p.required()) {
                        bodyRequired.add(p.name());
                    }
                }
            }
        }
        if (route.isCommand()) {
            ObjectNode key = parameter("Idempotency-Key", "header", true,
                    Json.mapper().createObjectNode().put("type", "string").put("maxLength", 200));
            key.put("description", "A new UUID per action, the same one on every retry of it: a retry replays the stored answer.");
            parameters.add(key);
        }
        if (!parameters.isEmpty()) {
            op.set("parameters", parameters);
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", route.isCommand() ? "Done (replayed answers carry Idempotent-Replayed: true)" : "Done");
        ok.putObject("content").putObject("application/json").set("schema", schemas.of(typeOf(route)));
        responses.set("400", problemResponse("Invalid: a field cannot be read or is out of range (errors)"));
        responses.set("401", problemResponse("Unauthenticated: no valid session"));
        responses.set("403", problemResponse("Denied by the ID-3 permission matrix (permission)"));
        responses.set("404", problemResponse("Not found, or not visible to this user (ID-5)"));
        if (route.isCommand()) {
            responses.set("409", problemResponse("Conflict: changed by someone else; reload"));
            responses.set("413", problemResponse("The body is too large"));
        }
        responses.set("422", problemResponse(route.isCommand()
                ? "A rule refused the action (rule, rejections), or the Idempotency-Key was used for another request"
                : "A rule refused the request (rule, rejections)"));
        responses.set("503", problemResponse("The database is unavailable; retry after Retry-After seconds"));
        return op;
    }

    private static Type typeOf(Route route) {
        return ((ParameterizedType) route.method().getGenericReturnType()).getActualTypeArguments()[0];
    }

    private static ObjectNode parameter(String name, String in, boolean required, ObjectNode schema) {
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("name", name);
        p.put("in", in);
        p.put("required", required);
        p.set("schema", schema);
        return p;
    }

    private static ObjectNode problemResponse(String description) {
        ObjectNode r = Json.mapper().createObjectNode();
        r.put("description", description);
        r.putObject("content").putObject(Problems.MEDIA_TYPE).putObject("schema").put("$ref", PROBLEM);
        return r;
    }

    private static ObjectNode problemSchema() {
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("type", "object");
        s.put("description", "RFC 9457 problem details with the back office's extension members.");
        ObjectNode props = s.putObject("properties");
        for (String name : new String[] {"type", "title", "detail", "instance", "outcome", "rule", "permission", "objectType", "objectId"}) {
            props.putObject(name).put("type", "string");
        }
        props.putObject("status").put("type", "integer");
        props.putObject("retryAfterSeconds").put("type", "integer");
        ObjectNode rejection = Json.mapper().createObjectNode().put("type", "object");
        rejection.putObject("properties").set("ruleId", Json.mapper().createObjectNode().put("type", "string"));
        ((ObjectNode) rejection.get("properties")).set("message", Json.mapper().createObjectNode().put("type", "string"));
        props.putObject("rejections").put("type", "array").set("items", rejection);
        ObjectNode error = Json.mapper().createObjectNode().put("type", "object");
        error.putObject("properties").set("field", Json.mapper().createObjectNode().put("type", "string"));
        ((ObjectNode) error.get("properties")).set("message", Json.mapper().createObjectNode().put("type", "string"));
        props.putObject("errors").put("type", "array").set("items", error);
        props.putObject("signInResult").put("type", "object");
        s.putArray("required").add("type").add("title").add("status").add("detail");
        return s;
    }

    /** JSON schemas of Java types; records and sealed types become named components. */
    private static final class Schemas {
        final TreeMap<String, ObjectNode> definitions = new TreeMap<>();
        private final java.util.Map<Class<?>, String> names = new java.util.HashMap<>();

        ObjectNode of(Type type) {
            if (type instanceof Class<?> c) {
                return ofClass(c);
            }
            if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
                Type[] args = p.getActualTypeArguments();
                if (raw == Optional.class) {
                    return nullable(of(args[0]));
                }
                if (Collection.class.isAssignableFrom(raw)) {
                    ObjectNode s = Json.mapper().createObjectNode().put("type", "array");
                    s.set("items", of(args[0]));
                    if (Set.class.isAssignableFrom(raw)) {
                        s.put("uniqueItems", true);
                    }
                    return s;
                }
                if (Map.class.isAssignableFrom(raw)) {
                    ObjectNode s = Json.mapper().createObjectNode().put("type", "object");
                    s.set("additionalProperties", of(args[1]));
                    return s;
                }
                return ofClass(raw);
            }
            if (type instanceof GenericArrayType a) {
                ObjectNode s = Json.mapper().createObjectNode().put("type", "array");
                s.set("items", of(a.getGenericComponentType()));
                return s;
            }
            if (type instanceof WildcardType w && w.getUpperBounds().length == 1) {
                return of(w.getUpperBounds()[0]);
            }
            if (type instanceof TypeVariable<?>) {
                return Json.mapper().createObjectNode();
            }
            return Json.mapper().createObjectNode();
        }

        private ObjectNode ofClass(Class<?> c) {
            ObjectNode s = Json.mapper().createObjectNode();
            if (c == String.class) return s.put("type", "string");
            if (c == UUID.class) return s.put("type", "string").put("format", "uuid");
            if (c == LocalDate.class) return s.put("type", "string").put("format", "date");
            if (c == Instant.class || c == OffsetDateTime.class) return s.put("type", "string").put("format", "date-time");
            if (c == LocalDateTime.class) return s.put("type", "string").put("description", "local date-time, ISO-8601");
            if (c == LocalTime.class) return s.put("type", "string").put("format", "time");
            if (c == YearMonth.class) return s.put("type", "string").put("pattern", "^\\d{4}-\\d{2}$");
            if (c == Duration.class) return s.put("type", "string").put("format", "duration");
            if (c == BigDecimal.class) return s.put("type", "string").put("format", "decimal")
                    .put("pattern", "^-?\\d+(\\.\\d+)?$").put("description", "exact decimal as a string, e.g. \"12.500\"");
            if (c == int.class || c == Integer.class || c == short.class || c == Short.class) return s.put("type", "integer").put("format", "int32");
            if (c == long.class || c == Long.class) return s.put("type", "integer").put("format", "int64");
            if (c == boolean.class || c == Boolean.class) return s.put("type", "boolean");
            if (c == OptionalInt.class) return nullable(Json.mapper().createObjectNode().put("type", "integer").put("format", "int32"));
            if (c == OptionalLong.class) return nullable(Json.mapper().createObjectNode().put("type", "integer").put("format", "int64"));
            if (c == Void.class || c == void.class) return s.put("type", "null");
            if (c.isEnum()) {
                s.put("type", "string");
                ArrayNode values = s.putArray("enum");
                for (Object constant : c.getEnumConstants()) {
                    values.add(((Enum<?>) constant).name());
                }
                return s;
            }
            if (c.isArray()) {
                s.put("type", "array");
                s.set("items", ofClass(c.getComponentType()));
                return s;
            }
            if (c.isRecord() || Json.isSealedInterface(c)) {
                return s.put("$ref", "#/components/schemas/" + define(c));
            }
            if (Collection.class.isAssignableFrom(c)) return s.put("type", "array");
            if (Map.class.isAssignableFrom(c)) return s.put("type", "object");
            return s; // any JSON value
        }

        private String define(Class<?> c) {
            String known = names.get(c);
            if (known != null) {
                return known;
            }
            String name = c.getName().substring(c.getPackageName().length() + 1).replace('$', '.');
            while (definitions.containsKey(name)) {
                name = name + "_";
            }
            names.put(c, name);
            ObjectNode s = Json.mapper().createObjectNode();
            definitions.put(name, s);
            if (c.isRecord()) {
                s.put("type", "object");
                s.put("additionalProperties", false);
                ObjectNode props = s.putObject("properties");
                ArrayNode required = s.putArray("required");
                for (Class<?> i : c.getInterfaces()) {
                    if (Json.isSealedInterface(i)) {
                        props.putObject(Json.KIND).put("const", c.getSimpleName());
                        required.add(Json.KIND);
                    }
                }
                for (RecordComponent rc : c.getRecordComponents()) {
                    props.set(rc.getName(), of(rc.getGenericType()));
                    if (rc.getType().isPrimitive()) {
                        required.add(rc.getName());
                    }
                }
            } else {
                ArrayNode oneOf = s.putArray("oneOf");
                ObjectNode mapping = Json.mapper().createObjectNode();
                for (Class<?> variant : c.getPermittedSubclasses()) {
                    String ref = "#/components/schemas/" + define(variant);
                    oneOf.addObject().put("$ref", ref);
                    mapping.put(variant.getSimpleName(), ref);
                }
                ObjectNode discriminator = s.putObject("discriminator");
                discriminator.put("propertyName", Json.KIND);
                discriminator.set("mapping", mapping);
            }
            return name;
        }

        private static ObjectNode nullable(ObjectNode schema) {
            ObjectNode s = Json.mapper().createObjectNode();
            ArrayNode anyOf = s.putArray("anyOf");
            anyOf.add(schema);
            anyOf.addObject().put("type", "null");
            return s;
        }
    }
}
