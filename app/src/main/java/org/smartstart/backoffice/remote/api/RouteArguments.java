package org.smartstart.backoffice.remote.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartstart.backoffice.domain.usecase.FieldProblem;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A route's arguments in both directions: the client writes a call's arguments into a path, a query
 * string and a JSON body; the server reads them back, naming every field it cannot read instead of failing.
 */
public final class RouteArguments {

    private RouteArguments() {
    }

    /** What the server read: the arguments, or what is wrong with the request (never both). */
    public record Decoded(Object[] args, List<FieldProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** What the client sends: the path with its placeholders filled, the query string (maybe empty) and the body (or null). */
    public record Encoded(String path, String query, byte[] body) {
        public String pathAndQuery() {
            return query.isEmpty() ? path : path + "?" + query;
        }
    }

    // ---------------------------------------------------------------- client side

    public static Encoded encode(Route route, Object[] args) {
        String path = route.path();
        StringBuilder query = new StringBuilder();
        ObjectNode properties = null;
        byte[] body = null;
        for (Route.Param p : route.params()) {
            Object value = args == null ? null : args[p.index()];
            switch (p.source()) {
                case PATH -> {
                    if (value == null) {
                        throw new IllegalArgumentException(RouteTable.where(route.method()) + ": " + p.name() + " must not be null");
                    }
                    path = path.replace("{" + p.name() + "}", encodeSegment(Scalars.format(value)));
                }
                case QUERY -> appendQuery(query, p.name(), value);
                case QUERY_RECORD -> {
                    if (value != null) {
                        for (RecordComponent c : value.getClass().getRecordComponents()) {
                            appendQuery(query, c.getName(), componentValue(c, value));
                        }
                    }
                }
                case BODY -> body = write(Json.mapper().writerFor(Json.type(p.type())), value);
                case BODY_PROPERTY -> {
                    if (properties == null) {
                        properties = Json.mapper().createObjectNode();
                    }
                    properties.set(p.name(), Json.mapper().valueToTree(value));
                }
            }
        }
        if (properties != null) {
            body = write(Json.mapper().writer(), properties);
        }
        if (route.isCommand() && body == null) {
            body = "{}".getBytes(StandardCharsets.UTF_8);
        }
        return new Encoded(path, query.toString(), body);
    }

    private static byte[] write(com.fasterxml.jackson.databind.ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the request as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Object componentValue(RecordComponent c, Object record) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void appendQuery(StringBuilder query, String name, Object value) {
        if (value instanceof Optional<?> o) {
            value = o.orElse(null);
        }
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> many) {
            for (Object one : many) {
                appendQuery(query, name, one);
            }
            return;
        }
        query.append(query.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(Scalars.format(value), StandardCharsets.UTF_8));
    }

    private static String encodeSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---------------------------------------------------------------- server side

    public static Decoded decode(Route route, Map<String, String> path, Map<String, List<String>> query, byte[] body) {
        Object[] args = new Object[route.method().getParameterCount()];
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> knownQuery = new HashSet<>();
        ObjectNode properties = null;
        boolean bodyRead = false;
        for (Route.Param p : route.params()) {
            switch (p.source()) {
                case PATH -> {
                    String text = path.get(p.name());
                    try {
                        args[p.index()] = Scalars.parse(text, p.rawType());
                    } catch (IllegalArgumentException e) {
                        problems.add(new FieldProblem(p.name(), e.getMessage()));
                    }
                }
                case QUERY -> {
                    knownQuery.add(p.name());
                    args[p.index()] = queryValue(p.name(), p.type(), query.get(p.name()), problems);
                }
                case QUERY_RECORD -> {
                    Class<?> record = p.rawType();
                    Object[] values = new Object[record.getRecordComponents().length];
                    int before = problems.size();
                    RecordComponent[] components = record.getRecordComponents();
                    for (int i = 0; i < components.length; i++) {
                        knownQuery.add(components[i].getName());
                        values[i] = queryValue(components[i].getName(), components[i].getGenericType(),
                                query.get(components[i].getName()), problems);
                    }
                    if (problems.size() == before) {
                        args[p.index()] = construct(record, values, problems);
                    }
                }
                case BODY -> {
                    bodyRead = true;
                    if (body == null || body.length == 0 || isBlank(body)) {
                        problems.add(new FieldProblem("body", "is required: a JSON object"));
                        continue;
                    }
                    try {
                        args[p.index()] = Json.mapper().readerFor(Json.type(p.type())).readValue(body);
                        if (args[p.index()] == null) {
                            problems.add(new FieldProblem("body", "is required: a JSON object"));
                        }
                    } catch (JsonProcessingException e) {
                        problems.add(JsonProblems.of(e, ""));
                    } catch (IOException e) {
                        problems.add(new FieldProblem("body", "could not be read: " + e.getMessage()));
                    }
                }
                case BODY_PROPERTY -> {
                    bodyRead = true;
                    if (properties == null) {
                        properties = readObject(body, problems);
                        if (properties == null) {
                            return new Decoded(args, problems);
                        }
                    }
                    JsonNode node = properties.get(p.name());
                    try {
                        Object value = node == null || node.isNull() ? null
                                : Json.mapper().readerFor(Json.type(p.type())).readValue(Json.mapper().treeAsTokens(node));
                        if (value == null && p.rawType() == Optional.class) {
                            value = Optional.empty();
                        }
                        if (value == null && p.required()) {
                            problems.add(new FieldProblem(p.name(), "is required"));
                        }
                        args[p.index()] = value;
                    } catch (JsonProcessingException e) {
                        problems.add(JsonProblems.of(e, p.name()));
                    } catch (IOException e) {
                        problems.add(new FieldProblem(p.name(), "could not be read: " + e.getMessage()));
                    }
                }
            }
        }
        if (properties != null) {
            Iterator<String> names = properties.fieldNames();
            Set<String> known = new LinkedHashSet<>();
            route.params().stream().filter(p -> p.source() == Route.Source.BODY_PROPERTY).forEach(p -> known.add(p.name()));
            while (names.hasNext()) {
                String name = names.next();
                if (!known.contains(name)) {
                    problems.add(new FieldProblem(name, "is not a known field here; known fields are " + known));
                }
            }
        }
        if (!bodyRead && body != null && body.length > 0 && !isBlank(body) && !isEmptyObject(body)) {
            problems.add(new FieldProblem("body", "must be empty: this request takes no body"));
        }
        for (String name : query.keySet()) {
            if (!knownQuery.contains(name)) {
                problems.add(new FieldProblem(name, "is not a known query parameter here"
                        + (knownQuery.isEmpty() ? "; this request takes none" : "; known ones are " + knownQuery)));
            }
        }
        return new Decoded(args, List.copyOf(problems));
    }

    /** A client may send {@code {}} to a command that takes no body; that is no body. */
    private static boolean isEmptyObject(byte[] body) {
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node != null && node.isObject() && node.isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static ObjectNode readObject(byte[] body, List<FieldProblem> problems) {
        if (body == null || body.length == 0 || isBlank(body)) {
            return Json.mapper().createObjectNode();
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
            problems.add(new FieldProblem("body", "must be a JSON object"));
        } catch (JsonProcessingException e) {
            problems.add(JsonProblems.of(e, ""));
        } catch (IOException e) {
            problems.add(new FieldProblem("body", "could not be read: " + e.getMessage()));
        }
        return null;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static Object queryValue(String name, Type type, List<String> texts, List<FieldProblem> problems) {
        Class<?> raw = type instanceof Class<?> c ? c : (Class<?>) ((ParameterizedType) type).getRawType();
        Class<?> element = RouteTable.queryElement(type);
        List<String> given = texts == null ? List.of() : texts;
        try {
            if (raw == List.class || raw == Collection.class || raw == Set.class) {
                List<Object> values = new ArrayList<>();
                for (String t : given) {
                    values.add(Scalars.parse(t, element));
                }
                return raw == Set.class ? Set.copyOf(values) : List.copyOf(values);
            }
            if (given.size() > 1) {
                problems.add(new FieldProblem(name, "is given " + given.size() + " times; give it once"));
                return null;
            }
            if (raw == Optional.class) {
                return given.isEmpty() || given.get(0).isEmpty() ? Optional.empty() : Optional.of(Scalars.parse(given.get(0), element));
            }
            if (given.isEmpty() || given.get(0).isEmpty() && raw != String.class) {
                if (raw.isPrimitive()) {
                    problems.add(new FieldProblem(name, "is required"));
                }
                return null;
            }
            return Scalars.parse(given.get(0), raw);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(name, e.getMessage()));
            return null;
        }
    }

    private static Object construct(Class<?> record, Object[] values, List<FieldProblem> problems) {
        Class<?>[] types = java.util.Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> canonical = record.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NullPointerException && cause.getMessage() != null && cause.getMessage().matches("[A-Za-z0-9_]+")) {
                problems.add(new FieldProblem(cause.getMessage(), "is required"));
            } else if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
                problems.add(new FieldProblem(record.getSimpleName(), String.valueOf(cause.getMessage())));
            } else {
                throw new IllegalStateException(cause);
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + record.getName() + " from query parameters", e);
        }
    }
}
