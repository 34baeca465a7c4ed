package org.leakscan.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** Validates JSON documents against JSON Schema files (the draft each names), failing with every violation listed. */
public final class JsonSchemaAssert {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonSchemaAssert() {
    }

    /** The violations of {@code json} against {@code schemaFile}; empty when valid. */
    public static Set<String> violations(Path schemaFile, String json) throws IOException {
        String schemaText = Files.readString(schemaFile);
        // The draft the schema names: ours are 2020-12, SARIF's official schema is draft-04.
        SpecVersion.VersionFlag draft = schemaText.contains("json-schema.org/draft-04/") ? SpecVersion.VersionFlag.V4
                : schemaText.contains("json-schema.org/draft-07/") ? SpecVersion.VersionFlag.V7 : SpecVersion.VersionFlag.V202012;
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(draft);
        JsonSchema schema = factory.getSchema(schemaText);
        JsonNode node = MAPPER.readTree(json);
        return schema.validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Fails when {@code json} does not validate against {@code schemaFile}. */
    public static void assertValid(Path schemaFile, String json) throws IOException {
        Set<String> v = violations(schemaFile, json);
        if (!v.isEmpty()) {
            fail(v.size() + " schema violations against " + schemaFile.getFileName() + ":\n  "
                    + String.join("\n  ", v.stream().limit(50).toList()));
        }
    }

    /** Fails when {@code jsonFile} does not validate against {@code schemaFile}. */
    public static void assertValid(Path schemaFile, Path jsonFile) throws IOException {
        assertValid(schemaFile, Files.readString(jsonFile));
    }

    /** The project's root directory (set by Surefire; the working directory otherwise). */
    public static Path projectDir() {
        return Path.of(System.getProperty("leakscan.projectDir", ".")).toAbsolutePath().normalize();
    }
}
