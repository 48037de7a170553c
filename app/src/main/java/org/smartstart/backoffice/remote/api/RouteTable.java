package org.smartstart.backoffice.remote.api;

import org.smartstart.backoffice.domain.usecase.Command;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Param;
import org.smartstart.backoffice.domain.usecase.Query;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every use case of a root interface (the {@code BackOffice}) as HTTP routes, found by reflection: each
 * no-argument method of the root returning an interface is a port; each abstract method of a port is a
 * route from its {@code @Query} (GET) or {@code @Command} (POST) and its parameters' {@code @Param}.
 * A new port method is served, called and documented without any code here.
 *
 * <p>Building the table checks every method and fails at once — at server start, client creation and in a
 * unit test — naming the method, when a mark is missing, a path names an unknown parameter, a parameter
 * cannot travel where it would have to, or two routes would collide.
 */
public final class RouteTable {

    /** The base path of this version of the API. */
    public static final String BASE = "/api/v1";

    /** Paths the server itself uses (sessions, the OpenAPI document); no use case may take them. */
    public static final List<String> RESERVED = List.of("POST " + BASE + "/sessions", "DELETE " + BASE + "/sessions/{}",
            "GET " + BASE + "/openapi.json");

    private final Class<?> root;
    private final List<Route> routes;
    private final Map<Method, Route> byMethod;

    private RouteTable(Class<?> root, List<Route> routes) {
        this.root = root;
        this.routes = List.copyOf(routes);
        Map<Method, Route> map = new HashMap<>();
        routes.forEach(r -> map.put(r.method(), r));
        this.byMethod = Map.copyOf(map);
    }

    private static final Map<Class<?>, RouteTable> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The routes of {@code root}'s ports (built once per root type and kept; the table is immutable). */
    public static RouteTable of(Class<?> root) {
        return CACHE.computeIfAbsent(root, RouteTable::build);
    }

    public Class<?> root() {
        return root;
    }

    /** Every route, most specific path first (literal segments before placeholders). */
    public List<Route> routes() {
        return routes;
    }

    public Optional<Route> route(Method method) {
        return Optional.ofNullable(byMethod.get(method));
    }

    /** The ports of the root: its no-argument methods returning an interface. */
    public static List<Method> ports(Class<?> root) {
        List<Method> ports = new ArrayList<>();
        for (Method m : root.getMethods()) {
            if (m.getParameterCount() == 0 && m.getReturnType().isInterface() && !Modifier.isStatic(m.getModifiers())
                    && !m.isDefault() && m.getDeclaringClass() != Object.class) {
                ports.add(m);
            }
        }
        ports.sort(Comparator.comparing(Method::getName));
        return ports;
    }

    private static RouteTable build(Class<?> root) {
        List<String> problems = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        for (Method port : ports(root)) {
            Method[] methods = port.getReturnType().getMethods();
            java.util.Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method m : methods) {
                if (m.isDefault() || Modifier.isStatic(m.getModifiers())) {
                    continue; // conveniences built from the marked methods
                }
                try {
                    routes.add(route(port, m));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        Map<String, Route> shapes = new LinkedHashMap<>();
        for (Route r : routes) {
            if (RESERVED.contains(r.shape())) {
                problems.add(where(r.method()) + " takes " + r.shape() + ", which the server itself uses.");
            }
            Route other = shapes.putIfAbsent(r.shape(), r);
            if (other != null) {
                problems.add(where(r.method()) + " and " + where(other.method()) + " would both be " + r.shape() + ".");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The ports of " + root.getSimpleName() + " cannot be served over HTTP:\n  "
                    + String.join("\n  ", problems));
        }
        routes.sort(Comparator.comparing(RouteTable::specificity).thenComparing(Route::path));
        return new RouteTable(root, routes);
    }

    /** Literal segments sort before placeholders, so /kyc/queue/claim-next is tried before /kyc/queue/{id}. */
    private static String specificity(Route r) {
        StringBuilder b = new StringBuilder();
        for (String segment : r.path().split("/")) {
            b.append(segment.startsWith("{") ? '1' : '0');
        }
        return b.toString();
    }

    private static Route route(Method port, Method m) {
        Query query = m.getAnnotation(Query.class);
        Command command = m.getAnnotation(Command.class);
        if ((query == null) == (command == null)) {
            throw new IllegalArgumentException(where(m) + " needs exactly one of @Query (reads) or @Command (changes).");
        }
        String path = query != null ? query.value() : command.value();
        if (!path.startsWith("/") || path.endsWith("/") || path.contains("//") || path.contains("?")) {
            throw new IllegalArgumentException(where(m) + ": path \"" + path + "\" must start with / and not end with /.");
        }
        if (m.getReturnType() != Outcome.class || !(m.getGenericReturnType() instanceof ParameterizedType outcome)) {
            throw new IllegalArgumentException(where(m) + " must return Outcome<T>.");
        }
        Type result = outcome.getActualTypeArguments()[0];
        List<String> placeholders = Route.placeholders(path);
        if (new HashSet<>(placeholders).size() != placeholders.size()) {
            throw new IllegalArgumentException(where(m) + ": path \"" + path + "\" names a parameter twice.");
        }
        List<Route.Param> params = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<java.lang.reflect.Parameter> rest = new ArrayList<>();
        java.lang.reflect.Parameter[] ps = m.getParameters();
        for (int i = 0; i < ps.length; i++) {
            Param param = ps[i].getAnnotation(Param.class);
            if (param == null || param.value().isBlank()) {
                throw new IllegalArgumentException(where(m) + ": parameter " + (i + 1) + " (" + ps[i].getType().getSimpleName()
                        + ") needs @Param(\"name\").");
            }
            if (!names.add(param.value())) {
                throw new IllegalArgumentException(where(m) + ": two parameters are named \"" + param.value() + "\".");
            }
            if (placeholders.contains(param.value())) {
                if (!Scalars.isSimple(ps[i].getType())) {
                    throw new IllegalArgumentException(where(m) + ": path parameter \"" + param.value() + "\" must be a simple value "
                            + "(String, UUID, date, number, enum), not " + ps[i].getType().getSimpleName() + ".");
                }
                params.add(new Route.Param(param.value(), i, Route.Source.PATH, ps[i].getParameterizedType(), ps[i].getType(),
                        ps[i].getType(), true));
            } else {
                rest.add(ps[i]);
            }
        }
        for (String placeholder : placeholders) {
            if (!names.contains(placeholder)) {
                throw new IllegalArgumentException(where(m) + ": path \"" + path + "\" names {" + placeholder + "}, which no @Param is called.");
            }
        }
        if (query != null) {
            if (rest.size() == 1 && rest.get(0).getType().isRecord()) {
                java.lang.reflect.Parameter p = rest.get(0);
                for (RecordComponent c : p.getType().getRecordComponents()) {
                    if (queryElement(c.getGenericType()) == null) {
                        throw new IllegalArgumentException(where(m) + ": filter " + p.getType().getSimpleName() + "." + c.getName()
                                + " cannot be a query parameter (" + c.getType().getSimpleName() + ").");
                    }
                }
                params.add(new Route.Param(name(p), index(m, p), Route.Source.QUERY_RECORD, p.getParameterizedType(), p.getType(),
                        p.getType(), false));
            } else {
                for (java.lang.reflect.Parameter p : rest) {
                    Class<?> element = queryElement(p.getParameterizedType());
                    if (element == null) {
                        throw new IllegalArgumentException(where(m) + ": query parameter \"" + name(p) + "\" must be a simple value, "
                                + "a list of them, or the method's one record of filters; " + p.getType().getSimpleName() + " is none of these.");
                    }
                    params.add(new Route.Param(name(p), index(m, p), Route.Source.QUERY, p.getParameterizedType(), p.getType(), element,
                            p.getType().isPrimitive()));
                }
            }
        } else if (rest.size() == 1 && !Scalars.isSimple(rest.get(0).getType())) {
            java.lang.reflect.Parameter p = rest.get(0);
            params.add(new Route.Param(name(p), index(m, p), Route.Source.BODY, p.getParameterizedType(), p.getType(), p.getType(), true));
        } else {
            for (java.lang.reflect.Parameter p : rest) {
                params.add(new Route.Param(name(p), index(m, p), Route.Source.BODY_PROPERTY, p.getParameterizedType(), p.getType(),
                        p.getType(), p.getType().isPrimitive()));
            }
        }
        params.sort(Comparator.comparingInt(Route.Param::index));
        return new Route(port, m, query != null ? Route.Verb.GET : Route.Verb.POST, RouteTable.BASE + path, params,
                Json.type(result));
    }

    /** The simple element type a query parameter of this type carries, or null when it cannot be one. */
    static Class<?> queryElement(Type type) {
        if (type instanceof Class<?> c) {
            return Scalars.isSimple(c) ? c : null;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && (Collection.class.isAssignableFrom(raw) && (raw == List.class || raw == Set.class || raw == Collection.class)
                || raw == Optional.class)
                && p.getActualTypeArguments()[0] instanceof Class<?> element && Scalars.isSimple(element)) {
            return element;
        }
        return null;
    }

    private static String name(java.lang.reflect.Parameter p) {
        return p.getAnnotation(Param.class).value();
    }

    private static int index(Method m, java.lang.reflect.Parameter p) {
        return java.util.Arrays.asList(m.getParameters()).indexOf(p);
    }

    static String where(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName();
    }
}
