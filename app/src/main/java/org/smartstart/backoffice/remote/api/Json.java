package org.smartstart.backoffice.remote.api;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import com.fasterxml.jackson.databind.jsontype.impl.StdTypeResolverBuilder;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.Instant;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.core.JsonParser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON dialect of the HTTP API, used alike by the server, the client and the OpenAPI document:
 * <ul>
 *   <li>records by their components, named as in Java (camelCase); no getters, no fields;</li>
 *   <li>{@code java.time} values as ISO-8601 strings ({@code "2026-03-01"}, {@code "2026-03-01T09:30:00Z"});</li>
 *   <li>{@code BigDecimal} as a JSON <em>string</em> with its exact digits and scale ({@code "12.500"}) — never a
 *       binary floating point number; numbers are accepted on input too and kept exact;</li>
 *   <li>{@code Optional} as the value or {@code null}; UUIDs as strings; enums by their Java name;</li>
 *   <li>a sealed interface of records carries a {@code "kind"} property with the record's simple name
 *       (e.g. {@code {"kind":"LockedOut","until":"…"}}), without annotations in the domain;</li>
 *   <li>strict: an unknown property, a wrong type or a null for a primitive is refused (the server answers 400
 *       naming the field). A property left out is null (or empty for Optional); the records and use cases
 *       decide which fields are required.</li>
 * </ul>
 */
public final class Json {

    public static final String KIND = "kind";

    private static final ObjectMapper MAPPER = build();

    private Json() {
    }

    private static <T> T checked(JsonParser p, DeserializationContext ctxt, Class<T> type, T value, java.util.function.Supplier<T> check)
            throws IOException {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(p, "must be " + e.getMessage() + ", not " + value, value, type);
        }
    }

    /** The shared, configured mapper (thread-safe; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper build() {
        SimpleModule exactDecimals = new SimpleModule("exact-decimals");
        exactDecimals.addSerializer(BigDecimal.class, new StdSerializer<BigDecimal>(BigDecimal.class) {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toPlainString());
            }
        });
        // Dates and times outside 0001..9999 and text with NUL are refused as bad input, not left for the database to fail on.
        SimpleModule plausibleTimes = new SimpleModule("plausible-times");
        plausibleTimes.addDeserializer(LocalDate.class, new StdDeserializer<LocalDate>(LocalDate.class) {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
                return date == null ? null : checked(p, ctxt, LocalDate.class, date, () -> Scalars.inRange(date));
            }
        });
        plausibleTimes.addDeserializer(Instant.class, new StdDeserializer<Instant>(Instant.class) {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                Instant instant = InstantDeserializer.INSTANT.deserialize(p, ctxt);
                return instant == null ? null : checked(p, ctxt, Instant.class, instant, () -> Scalars.inRange(instant));
            }
        });
        plausibleTimes.addDeserializer(String.class, new StdDeserializer<String>(String.class) {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = StringDeserializer.instance.deserialize(p, ctxt);
                return text == null ? null : checked(p, ctxt, String.class, text, () -> Scalars.withoutNul(text));
            }
        });
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(plausibleTimes)
                .addModule(exactDecimals)
                .annotationIntrospector(new SealedKinds())
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
                .withCoercionConfig(BigDecimal.class,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
                .build();
    }

    /** The Jackson type of a reflected Java type (generic return types, parameters). */
    public static JavaType type(java.lang.reflect.Type type) {
        return MAPPER.getTypeFactory().constructType(type);
    }

    /**
     * Gives every sealed interface of records a "kind" type id (the record's simple name), so the domain
     * needs no Jackson annotations and a new variant needs no registration.
     */
    static final class SealedKinds extends JacksonAnnotationIntrospector {

        @Override
        public TypeResolverBuilder<?> findTypeResolver(MapperConfig<?> config, AnnotatedClass ac, JavaType baseType) {
            if (isSealedInterface(ac.getRawType())) {
                return new StdTypeResolverBuilder()
                        .init(JsonTypeInfo.Value.construct(JsonTypeInfo.Id.NAME, JsonTypeInfo.As.PROPERTY, KIND,
                                null, false, true), null);
            }
            return super.findTypeResolver(config, ac, baseType);
        }

        @Override
        public List<NamedType> findSubtypes(Annotated a) {
            if (isSealedInterface(a.getRawType())) {
                List<NamedType> subtypes = new ArrayList<>();
                for (Class<?> permitted : a.getRawType().getPermittedSubclasses()) {
                    subtypes.add(new NamedType(permitted, permitted.getSimpleName()));
                }
                return subtypes;
            }
            return super.findSubtypes(a);
        }

        @Override
        public String findTypeName(AnnotatedClass ac) {
            for (Class<?> i : ac.getRawType().getInterfaces()) {
                if (isSealedInterface(i)) {
                    return ac.getRawType().getSimpleName();
                }
            }
            return super.findTypeName(ac);
        }
    }

    /** A sealed interface (Outcome-like sum types of records), which the API marks with "kind". */
    public static boolean isSealedInterface(Class<?> c) {
        return c.isInterface() && c.isSealed();
    }
}
