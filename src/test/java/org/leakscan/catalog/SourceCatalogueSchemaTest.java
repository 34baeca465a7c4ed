package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leakscan.testing.JsonSchemaAssert;

/** {@code sources.json} and {@code datatypes.json} against their JSON Schemas, with broken copies that must fail. */
class SourceCatalogueSchemaTest {

    private static final Path DIR = JsonSchemaAssert.projectDir().resolve("signatures");
    private static final Path SOURCES = DIR.resolve("sources.json");
    private static final Path SOURCES_SCHEMA = DIR.resolve("schema/sources.schema.json");
    private static final Path DATATYPES = DIR.resolve("datatypes.json");
    private static final Path DATATYPES_SCHEMA = DIR.resolve("schema/datatypes.schema.json");

    @Test
    void sourcesValidateAgainstTheirSchema() throws IOException {
        JsonSchemaAssert.assertValid(SOURCES_SCHEMA, SOURCES);
    }

    @Test
    void dataTypesValidateAgainstTheirSchema() throws IOException {
        JsonSchemaAssert.assertValid(DATATYPES_SCHEMA, DATATYPES);
    }

    static Stream<Arguments> brokenSources() {
        return Stream.of(
                broken("api is a bare method name", s -> first(s).addProperty("api", "getDeviceId()")),
                broken("api uses dots", s -> first(s).addProperty("api",
                        "Landroid.telephony.TelephonyManager;->getDeviceId()Ljava/lang/String;")),
                broken("api lacks a return type", s -> first(s).addProperty("api",
                        "Landroid/telephony/TelephonyManager;->getDeviceId()")),
                broken("unknown member", s -> first(s).addProperty("colour", "red")),
                broken("unknown kind", s -> first(s).addProperty("kind", "method")),
                broken("a call tainting a callback parameter", s -> first(s).addProperty("taints", "param1")),
                broken("short permission name", s -> {
                    JsonObject p = new JsonObject();
                    JsonArray names = new JsonArray();
                    names.add("READ_PHONE_STATE");
                    p.add("anyOf", names);
                    first(s).add("permissions", p);
                }),
                broken("anyOf and allOf together", s -> {
                    JsonObject p = first(s).getAsJsonObject("permissions");
                    p.add("allOf", p.get("anyOf").deepCopy());
                }),
                broken("data type id with spaces", s -> first(s).addProperty("dataType", "Device ID")),
                broken("missing dataType", s -> first(s).remove("dataType")),
                broken("field kind with a method descriptor", s -> {
                    first(s).addProperty("kind", "field");
                    first(s).addProperty("taints", "value");
                }),
                broken("callback with argEquals", s -> {
                    JsonObject e = first(s);
                    e.addProperty("kind", "callback");
                    e.addProperty("taints", "param1");
                    JsonObject c = new JsonObject();
                    c.addProperty("arg", 1);
                    c.addProperty("value", "x");
                    e.add("argEquals", c);
                }),
                broken("API level zero", s -> first(s).addProperty("addedIn", 0)),
                broken("unknown verifiedIn", s -> first(s).addProperty("verifiedIn", "my-laptop")),
                broken("http URI in contentUris", s -> s.getAsJsonArray("contentUris").get(0).getAsJsonObject()
                        .addProperty("uri", "http://example.com/contacts")),
                broken("non-Uri field in contentUris", s -> s.getAsJsonArray("contentUris").get(0).getAsJsonObject()
                        .getAsJsonArray("fields").set(0, new JsonPrimitive("Landroid/os/Build;->SERIAL:Ljava/lang/String;"))),
                broken("wrong schema name", s -> s.addProperty("schema", "leakscan-sources/2")),
                broken("uriReaders entry not a descriptor", s -> s.getAsJsonArray("uriReaders").add("query")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSources")
    void brokenSourcesAreRejected(String what, Consumer<JsonObject> breakIt) throws IOException {
        JsonObject doc = JsonParser.parseString(Files.readString(SOURCES)).getAsJsonObject();
        breakIt.accept(doc);
        Set<String> violations = JsonSchemaAssert.violations(SOURCES_SCHEMA, doc.toString());
        assertFalse(violations.isEmpty(), "the schema accepted: " + what);
    }

    static Stream<Arguments> brokenDataTypes() {
        return Stream.of(
                broken("unknown category id", d -> d.getAsJsonArray("categories").get(0).getAsJsonObject().addProperty("id", "geo")),
                broken("thirteen categories", d -> d.getAsJsonArray("categories").remove(13)),
                broken("data type without playType", d -> d.getAsJsonArray("dataTypes").get(0).getAsJsonObject().remove("playType")),
                broken("data type in an unknown category", d -> d.getAsJsonArray("dataTypes").get(0).getAsJsonObject()
                        .addProperty("category", "whereabouts")),
                broken("unknown member", d -> d.getAsJsonArray("dataTypes").get(0).getAsJsonObject().addProperty("weight", 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDataTypes")
    void brokenDataTypesAreRejected(String what, Consumer<JsonObject> breakIt) throws IOException {
        JsonObject doc = JsonParser.parseString(Files.readString(DATATYPES)).getAsJsonObject();
        breakIt.accept(doc);
        assertFalse(JsonSchemaAssert.violations(DATATYPES_SCHEMA, doc.toString()).isEmpty(), "the schema accepted: " + what);
    }

    private static Arguments broken(String what, Consumer<JsonObject> breakIt) {
        return Arguments.of(what, breakIt);
    }

    private static JsonObject first(JsonObject sources) {
        return sources.getAsJsonArray("sources").get(0).getAsJsonObject();
    }
}
