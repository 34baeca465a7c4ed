package org.leakscan.report.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.leakscan.report.rules.Rule;
import org.leakscan.report.rules.Severity;
import org.leakscan.testing.JsonSchemaAssert;

/** Policy files: the documented example reads and fits the schema; mistakes are errors naming the place. */
class PolicyReaderTest {

    static final Path SCHEMA = JsonSchemaAssert.projectDir()
            .resolve("src/main/resources/org/leakscan/report/policy/leakscan-policy-1.schema.json");

    @Test
    void theExamplePolicyReadsAndValidates() throws Exception {
        Path example = JsonSchemaAssert.projectDir().resolve("examples/policy.json");
        JsonSchemaAssert.assertValid(SCHEMA, example);
        Policy p = PolicyReader.read(example);
        assertEquals(6, p.rules().size());
        PolicyRule first = p.rules().get(0);
        assertEquals(PolicyRule.Type.NO_FLOW, first.type());
        assertEquals(PolicyRule.Receiver.THIRD_PARTY, first.to());
        assertEquals(Severity.HIGH, first.severity());
        assertEquals(java.util.List.of(Rule.LS501, Rule.LS503), p.rules().get(5).rules());
        assertEquals(java.util.List.of("example.com"), p.firstParty().domains());
    }

    @Test
    void testPoliciesValidateToo() throws IOException {
        try (var files = Files.list(JsonSchemaAssert.projectDir().resolve("testdata/policies"))) {
            for (Path f : files.toList()) {
                JsonSchemaAssert.assertValid(SCHEMA, f);
            }
        }
    }

    private static String error(String json) {
        return assertThrows(PolicyException.class, () -> PolicyReader.parse("p.json", json)).getMessage();
    }

    private static String rule(String body) {
        return "{\"schema\": \"leakscan-policy/1\", \"rules\": [" + body + "]}";
    }

    @Test
    void mistakesNameTheFileAndThePlace() {
        assertTrue(error("{").startsWith("p.json: not JSON"), error("{"));
        assertTrue(error("{\"rules\": []}").contains("\"schema\""));
        assertTrue(error("{\"schema\": \"leakscan-policy/2\", \"rules\": []}").contains("must be \"leakscan-policy/1\""));
        assertTrue(error(rule("{\"id\": \"a\", \"type\": \"no-flows\", \"severity\": \"high\"}"))
                .contains("rules[0] (a): unknown type \"no-flows\""));
        assertTrue(error(rule("{\"id\": \"a\", \"type\": \"no-flow\", \"severity\": \"urgent\"}"))
                .contains("unknown severity 'urgent'"));
        assertTrue(error(rule("{\"id\": \"a\", \"type\": \"no-flow\", \"severity\": \"high\", \"datatypes\": []}"))
                .contains("unknown key \"datatypes\""), "a typo must not silently allow everything");
        assertTrue(error(rule("{\"id\": \"a\", \"type\": \"no-flow\", \"severity\": \"high\", \"sinks\": [\"web\"]}"))
                .contains("unknown sink kind \"web\""));
        assertTrue(error(rule("{\"id\": \"a\", \"type\": \"no-destination-country\", \"severity\": \"high\", \"countries\": [\"China\"]}"))
                .contains("not an ISO 3166-1 alpha-2"));
        assertTrue(error(rule("{\"id\": \"a\", \"type\": \"no-finding\", \"severity\": \"high\", \"rules\": [\"LS999\"]}"))
                .contains("unknown rule 'LS999'"));
        assertTrue(error(rule("{\"id\": \"a\", \"type\": \"no-cleartext\", \"severity\": \"low\"},"
                + "{\"id\": \"a\", \"type\": \"no-cleartext\", \"severity\": \"low\"}")).contains("used twice"));
        assertTrue(error(rule("{\"id\": \"a\", \"type\": \"no-flow\", \"severity\": \"high\", \"to\": \"others\"}"))
                .contains("\"to\" must be \"any\" or \"third-party\""));
    }

    @Test
    void missingFileIsOneLine() {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyReader.read(Path.of("no-such-policy.json")));
        assertEquals("no-such-policy.json: no such file", e.getMessage());
    }
}
