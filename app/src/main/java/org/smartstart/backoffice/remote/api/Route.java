package org.smartstart.backoffice.remote.api;

import com.fasterxml.jackson.databind.JavaType;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One use case as an HTTP route, derived from its port method's {@code @Query}/{@code @Command} and
 * {@code @Param} marks.
 *
 * @param port       the root interface's getter of the port, e.g. {@code BackOffice.capTables()}
 * @param method     the port method
 * @param verb       GET for a query, POST for a command
 * @param path       the full path with {@code {name}} placeholders, e.g. {@code /api/v1/ventures/{ventureId}/cap-table}
 * @param params     one per method parameter, in order
 * @param resultType the {@code T} of the method's {@code Outcome<T>}
 */
public record Route(Method port, Method method, Verb verb, String path, List<Param> params, JavaType resultType) {

    public enum Verb { GET, POST }

    /** Where a parameter travels. */
    public enum Source {
        /** a {@code {name}} segment of the path */
        PATH,
        /** one query-string parameter (repeated for a list) */
        QUERY,
        /** a record whose components are each a query-string parameter (filters) */
        QUERY_RECORD,
        /** the whole JSON body (a command's one record) */
        BODY,
        /** one property of a JSON object body (a command with several or simple non-path parameters) */
        BODY_PROPERTY
    }

    /**
     * @param elementType for a list/set/Optional query parameter its element type; otherwise the raw type
     */
    public record Param(String name, int index, Source source, Type type, Class<?> rawType, Class<?> elementType,
                        boolean required) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    public Route {
        params = List.copyOf(params);
    }

    public boolean isCommand() {
        return verb == Verb.POST;
    }

    /** "capTables.capTableAsOf", for logs and operation ids. */
    public String operationId() {
        return port.getName() + "." + method.getName();
    }

    /** The names of the path's placeholders, in order. */
    public static List<String> placeholders(String path) {
        Matcher m = PLACEHOLDER.matcher(path);
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The path's shape without names ({@code /ventures/{}/cap-table}), to find two routes that would collide. */
    public String shape() {
        return verb + " " + PLACEHOLDER.matcher(path).replaceAll("{}");
    }

    public boolean hasBody() {
        return params.stream().anyMatch(p -> p.source() == Source.BODY || p.source() == Source.BODY_PROPERTY);
    }
}
