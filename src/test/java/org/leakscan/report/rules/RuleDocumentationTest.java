package org.leakscan.report.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.leakscan.testing.JsonSchemaAssert;

/** Every rule has its {@code docs/rules/<ID>.md}, and every doc file a rule; IDs follow one scheme. */
class RuleDocumentationTest {

    static final Path DOCS = JsonSchemaAssert.projectDir().resolve("docs/rules");

    @Test
    void everyRuleHasADocFileSayingItsTitleAndSeverity() throws IOException {
        for (Rule rule : Rule.values()) {
            Path doc = DOCS.resolve(rule.id() + ".md");
            assertTrue(Files.exists(doc), "missing " + doc);
            String text = Files.readString(doc);
            assertTrue(text.startsWith("# " + rule.id() + ": " + rule.title() + "\n"), doc + " must start with its title");
            assertTrue(text.contains("Default severity: **" + rule.severity().id() + "**"), doc + " states the severity");
            assertTrue(text.contains("## References"), doc + " has references");
            assertEquals(text, rule.documentation(), "the jar ships " + doc + " as it is");
        }
    }

    @Test
    void everyDocFileHasARuleAndTheIndexListsThemAll() throws IOException {
        List<String> ids = Arrays.stream(Rule.values()).map(Rule::id).toList();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("LS\\d+\\.md")).toList()) {
                String id = f.getFileName().toString().replace(".md", "");
                assertTrue(ids.contains(id), f + " documents no rule");
            }
        }
        String index = Files.readString(DOCS.resolve("README.md"));
        for (String id : ids) {
            assertTrue(index.contains("[" + id + "](" + id + ".md)"), "docs/rules/README.md lists " + id);
        }
    }

    @Test
    void idsFollowTheSchemeAndNamesAreUnique() {
        for (Rule rule : Rule.values()) {
            assertTrue(rule.id().matches("LS\\d{3}"), rule.id());
            assertTrue(rule.ruleName().matches("[A-Z][A-Za-z]+"), rule.ruleName());
        }
        assertEquals(Rule.values().length, Arrays.stream(Rule.values()).map(Rule::ruleName).distinct().count());
        assertEquals(Rule.LS001, Rule.forSinkKind("network"));
        assertEquals(Rule.LS003, Rule.forSinkKind("log"));
        assertEquals(Rule.LS009, Rule.forSinkKind("carrier-pigeon"));
    }
}
