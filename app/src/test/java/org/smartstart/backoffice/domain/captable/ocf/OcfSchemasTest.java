package org.smartstart.backoffice.domain.captable.ocf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OcfSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode sample(String name) throws Exception {
        try (InputStream in = OcfSchemasTest.class.getResourceAsStream("/ocf/samples/" + name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void every_sample_file_fits_its_schema() throws Exception {
        for (String name : List.of("Manifest.ocf.json", "Stakeholders.ocf.json", "StockClasses.ocf.json", "Transactions.ocf.json",
                "VestingTerms.ocf.json", "VestingTerms.example1.ocf.json", "VestingTerms.example2.ocf.json",
                "VestingTransactions.examples.ocf.json", "StockPlans.ocf.json", "StockLegends.ocf.json", "Valuations.ocf.json",
                "Financings.ocf.json", "Documents.ocf.json")) {
            JsonNode file = sample(name);
            List<OcfProblem> problems = OcfSchemas.get().validate(name, file.path("file_type").asText(), file);
            assertThat(problems).as(name).isEmpty();
        }
    }

    @Test
    void a_missing_field_and_a_wrong_value_are_named_with_the_object_and_field() throws Exception {
        ObjectNode file = (ObjectNode) sample("Stakeholders.ocf.json");
        ((ObjectNode) file.path("items").path(2)).remove("stakeholder_type");
        ((ObjectNode) file.path("items").path(3)).put("stakeholder_type", "ROBOT");
        List<OcfProblem> problems = OcfSchemas.get().validate("Stakeholders.ocf.json", "OCF_STAKEHOLDERS_FILE", file);
        assertThat(problems).extracting(OcfProblem::objectId)
                .contains("stakeholder-sample-minimal-fields", "d6c49a5a-257d-4b41-9f1d-073a77dfe719");
        assertThat(problems).extracting(OcfProblem::field).contains("stakeholder_type");
        problems.forEach(p -> System.out.println(p.describe()));
    }
}
