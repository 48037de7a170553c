package org.smartstart.backoffice.domain.captable.ocf;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Properties;
import java.util.List;
import java.util.Map;

/**
 * The Open Cap Format's JSON schemas (draft-07), checked with networknt's validator. The schemas are the
 * Open Cap Table Coalition's own, copied unchanged into the app's resources (ocf/schema, see
 * ocf/SOURCE.txt): they name each other by their published https addresses, which are mapped to that
 * copy, so validation never reaches the network and behaves the same on every machine.
 */
public final class OcfSchemas {

    /** The prefix of every schema's $id. */
    public static final String PUBLISHED = "https://raw.githubusercontent.com/Open-Cap-Table-Coalition/Open-Cap-Format-OCF/main/schema/";
    private static final String COPY = "classpath:ocf/schema/";

    /** file_type → the file schema under files/. */
    public static final Map<String, String> FILE_SCHEMAS = Map.of(
            "OCF_MANIFEST_FILE", "OCFManifestFile",
            "OCF_STAKEHOLDERS_FILE", "StakeholdersFile",
            "OCF_STOCK_CLASSES_FILE", "StockClassesFile",
            "OCF_TRANSACTIONS_FILE", "TransactionsFile",
            "OCF_VESTING_TERMS_FILE", "VestingTermsFile",
            "OCF_STOCK_PLANS_FILE", "StockPlansFile",
            "OCF_STOCK_LEGEND_TEMPLATES_FILE", "StockLegendTemplatesFile",
            "OCF_VALUATIONS_FILE", "ValuationsFile",
            "OCF_FINANCINGS_FILE", "FinancingsFile",
            "OCF_DOCUMENTS_FILE", "DocumentsFile");

    private static volatile OcfSchemas loaded;

    private final SchemaRegistry registry;
    private final Map<String, String> objectSchemas;
    private final Map<String, Schema> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    private OcfSchemas() {
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(PUBLISHED, COPY)));
        Properties index = new Properties();
        try (InputStream in = OcfSchemas.class.getResourceAsStream("/ocf/object-types.properties")) {
            if (in == null) {
                throw new IllegalStateException("The OCF schema index ocf/object-types.properties is missing from the app");
            }
            index.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The OCF schema index cannot be read", e);
        }
        Map<String, String> map = new HashMap<>();
        index.forEach((k, v) -> map.put((String) k, (String) v));
        objectSchemas = Map.copyOf(map);
    }

    /** The schemas, compiled once per process (they never change while the app runs). */
    public static OcfSchemas get() {
        OcfSchemas s = loaded;
        if (s == null) {
            synchronized (OcfSchemas.class) {
                if (loaded == null) {
                    loaded = new OcfSchemas();
                }
                s = loaded;
            }
        }
        return s;
    }

    /**
     * What is wrong with {@code file} against the schema of {@code fileType}, each problem with the object
     * it lies in (the item's id, when the error is inside an "items" entry) and its field.
     */
    public List<OcfProblem> validate(String fileName, String fileType, JsonNode file) {
        String schemaName = FILE_SCHEMAS.get(fileType);
        if (schemaName == null) {
            return List.of(new OcfProblem(fileName, "", "file_type", "is \"" + fileType + "\", not an OCF file type"));
        }
        Schema schema = schema("files/" + schemaName + ".schema.json");
        List<OcfProblem> problems = new ArrayList<>();
        if (!fileType.equals("OCF_TRANSACTIONS_FILE") || !file.path("items").isArray()) {
            for (Error error : schema.validate(file)) {
                problems.add(problem(fileName, file, error));
            }
            return problems;
        }
        // The transactions file's own oneOf over every transaction lags behind the object schemas (at this
        // commit it lacks the issuer's authorized-shares adjustment, repricing and the stakeholder change
        // events that the samples use) and, when an item fits none, reports every branch's complaints. So
        // the envelope is checked against the file schema and each item against the schema of its own
        // object_type: the same rules, with the errors of the one schema the item claims to follow.
        ObjectNode envelope = ((ObjectNode) file).deepCopy();
        envelope.set("items", envelope.arrayNode());
        for (Error error : schema.validate(envelope)) {
            problems.add(problem(fileName, file, error));
        }
        // Each item on its own schema, compiled once per object type (first, on this thread) and then
        // validated on every core; the problems keep the items' order.
        JsonNode items = file.path("items");
        for (int i = 0; i < items.size(); i++) {
            String path = objectSchemas.get(items.get(i).path("object_type").asText(""));
            if (path != null) {
                schema(path);
            }
        }
        List<List<OcfProblem>> perItem = java.util.stream.IntStream.range(0, items.size()).parallel()
                .mapToObj(i -> validateItem(fileName, items.get(i), i)).toList();
        perItem.forEach(problems::addAll);
        return problems;
    }

    private List<OcfProblem> validateItem(String fileName, JsonNode item, int i) {
        String type = item.path("object_type").asText("");
        String path = objectSchemas.get(type);
        String id = item.path("id").isTextual() ? item.path("id").asText() : "items[" + i + "]";
        if (path == null || !(type.startsWith("TX_") || type.startsWith("CE_"))) {
            return List.of(new OcfProblem(fileName, id, "object_type", "\"" + type + "\" is not an OCF transaction type"));
        }
        List<OcfProblem> problems = new ArrayList<>();
        for (Error error : schema(path).validate(item)) {
            OcfProblem p = problem(fileName, item, error);
            problems.add(new OcfProblem(fileName, id, p.field(), p.message()));
        }
        return problems;
    }

    private Schema schema(String path) {
        return compiled.computeIfAbsent(path, p -> registry.getSchema(SchemaLocation.of(PUBLISHED + p)));
    }

    private static OcfProblem problem(String fileName, JsonNode file, Error error) {
        String pointer = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        // "/items/12/quantity" → object items[12] (named by its id), field "quantity"
        String path = pointer.startsWith("/") ? pointer.substring(1).replace('/', '.') : pointer;
        String objectId = "";
        String field = path;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^items\\.(\\d+)\\.?(.*)$").matcher(path);
        if (file.has("items") && m.matches()) {
            int index = Integer.parseInt(m.group(1));
            JsonNode item = file.path("items").path(index);
            objectId = item.path("id").isTextual() ? item.path("id").asText() : "items[" + index + "]";
            field = m.group(2);
        }
        if (error.getProperty() != null && !error.getProperty().isEmpty()) {
            field = field.isEmpty() ? error.getProperty() : field + "." + error.getProperty();
        }
        String message = error.getMessage();
        // The library's message repeats the location first ("$.items[3].quantity: ..."); the problem names it already.
        int colon = message.indexOf(": ");
        if ((message.startsWith("$") || message.startsWith("/")) && colon > 0) {
            message = message.substring(colon + 2);
        }
        return new OcfProblem(fileName, objectId, field, "does not fit the OCF schema: " + message);
    }
}
