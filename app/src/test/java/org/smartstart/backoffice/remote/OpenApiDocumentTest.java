package org.smartstart.backoffice.remote;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.remote.api.Json;
import org.smartstart.backoffice.remote.api.OpenApi;
import org.smartstart.backoffice.remote.api.Route;
import org.smartstart.backoffice.remote.api.RouteTable;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document: generated from the route table, and its copy in docs/api/openapi.json is current.
 * After changing a port, regenerate the copy with
 * {@code mvn -B -o -q test -Dtest=OpenApiDocumentTest -Dopenapi.write=true}.
 */
class OpenApiDocumentTest {

    static final Path COPY = Path.of("docs", "api", "openapi.json");

    @Test
    void the_copy_in_docs_is_current() throws Exception {
        byte[] generated = OpenApi.bytes(RouteTable.of(BackOffice.class));
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(COPY.getParent());
            Files.write(COPY, generated);
        }
        assertThat(COPY).as("docs/api/openapi.json exists; write it with -Dopenapi.write=true").exists();
        assertThat(Files.readString(COPY))
                .as("docs/api/openapi.json is stale; regenerate it: mvn -B -o -q test -Dtest=OpenApiDocumentTest -Dopenapi.write=true")
                .isEqualTo(new String(generated, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void every_route_is_documented_with_its_parameters_and_problems() {
        RouteTable table = RouteTable.of(NotesApi.class);
        JsonNode doc = OpenApi.document(table);
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        for (Route r : table.routes()) {
            JsonNode op = doc.path("paths").path(r.path()).path(r.isCommand() ? "post" : "get");
            assertThat(op.isObject()).as(r.path()).isTrue();
            assertThat(op.path("responses").path("422").path("content").has("application/problem+json")).isTrue();
        }
        JsonNode add = doc.path("paths").path("/api/v1/notes").path("post");
        assertThat(add.path("parameters").findValuesAsText("name")).contains("Idempotency-Key");
        assertThat(add.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/NotesApi.NewNote");
        JsonNode find = doc.path("paths").path("/api/v1/notes").path("get");
        assertThat(find.path("parameters").findValuesAsText("name")).containsExactly("contains", "onOrAfter", "limit");
        JsonNode note = doc.path("components").path("schemas").path("NotesApi.Note");
        assertThat(note.path("properties").path("amount").path("type").asText()).isEqualTo("string");
        assertThat(note.path("properties").path("amount").path("format").asText()).isEqualTo("decimal");
        JsonNode shape = doc.path("components").path("schemas").path("NotesApi.Shape");
        assertThat(shape.path("discriminator").path("propertyName").asText()).isEqualTo("kind");
        assertThat(shape.path("oneOf")).hasSize(2);
        assertThat(doc.path("components").path("securitySchemes").path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
        assertThat(Json.mapper().valueToTree(doc).toString()).doesNotContain("\"$ref\":\"#/components/schemas/Object\"");
    }
}
