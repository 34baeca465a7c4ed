package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A broken entity catalogue fails with one line naming the file, the entry and the problem. */
class EntityCatalogLoaderErrorsTest {

    private static String entity(String id, String extra) {
        return "{\"id\": \"" + id + "\", \"name\": \"N\", \"country\": \"DE\", \"categories\": [\"cloud\"],"
                + " \"website\": \"https://n.example\", \"domains\": [\"" + id + ".example\"]" + extra + "}";
    }

    private static String doc(String... entities) {
        return "{\"schema\": \"leakscan-entities/1\", \"entities\": [" + String.join(", ", entities) + "]}";
    }

    private static Arguments bad(String what, String json, String expected) {
        return Arguments.of(what, json, expected);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("repeated id", doc(entity("a", ""), entity("a", "").replace("a.example", "b.example")),
                        "entities[1] (a): id \"a\" already used by entities[0] (a)"),
                bad("domain of two entities", doc(entity("a", ""), entity("b", "").replace("b.example", "a.example")),
                        "entities[1] (b): domain \"a.example\" already belongs to entities[0] (a)"),
                bad("domain twice in one entity", doc(entity("a", "").replace("[\"a.example\"]", "[\"a.example\", \"a.example\"]")),
                        "entities[0] (a): domain \"a.example\" appears twice"),
                bad("not an ISO country", doc(entity("a", "").replace("\"DE\"", "\"XX\"")),
                        "entities[0] (a): country \"XX\" is not an ISO 3166-1 alpha-2 code"),
                bad("UK instead of GB", doc(entity("a", "").replace("\"DE\"", "\"UK\"")), "country \"UK\" is not an ISO"),
                bad("unknown parent", doc(entity("a", ", \"parent\": \"nobody\"")),
                        "entities[0] (a): parent \"nobody\" is not an entity in this file"),
                bad("own parent", doc(entity("a", ", \"parent\": \"a\"")), "an entity cannot be its own parent"),
                bad("parents loop", doc(entity("a", ", \"parent\": \"b\""), entity("b", ", \"parent\": \"a\"")),
                        "entities[0] (a): parents loop: a -> b -> a"),
                bad("unknown category", doc(entity("a", "").replace("\"cloud\"", "\"tracking\"")),
                        "entities[0] (a): unknown category \"tracking\""),
                bad("no category", doc(entity("a", "").replace("[\"cloud\"]", "[]")), "\"categories\" is empty"),
                bad("upper-case domain", doc(entity("a", "").replace("a.example", "A.example")),
                        "\"A.example\" is not a lowercase domain"),
                bad("an IP address as domain", doc(entity("a", "").replace("a.example", "10.0.0.1")),
                        "\"10.0.0.1\" is not a lowercase domain"),
                bad("a bare TLD", doc(entity("a", "").replace("a.example", "example")), "\"example\" is not a lowercase domain"),
                bad("no domains", doc(entity("a", "").replace("[\"a.example\"]", "[]")), "\"domains\" is empty"),
                bad("not https", doc(entity("a", "").replace("https://", "http://")), "is not an https URL"),
                bad("bad id", doc(entity("Acme", "")), "entities[0] (Acme): id must be a lowercase slug"),
                bad("unknown member", doc(entity("a", ", \"hq\": \"Berlin\"")), "entities[0] (a): unknown member hq"),
                bad("missing name", doc(entity("a", "").replace("\"name\": \"N\", ", "")), "missing or empty \"name\""),
                bad("no entities", doc(), "\"entities\" is empty"),
                bad("wrong schema", "{\"schema\": \"leakscan-entities/2\", \"entities\": []}",
                        "\"schema\" must be \"leakscan-entities/1\""),
                bad("malformed JSON", "{\"schema\": \"leakscan-entities/1\", \"entities\": [", "malformed JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void isRejectedWithAOneLineMessage(String what, String json, String expected) {
        CatalogException e = assertThrows(CatalogException.class,
                () -> EntityCatalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        String message = e.getMessage();
        assertTrue(message.startsWith("entities.json: "), message);
        assertTrue(message.contains(expected), "expected \"" + expected + "\" in: " + message);
        assertFalse(message.contains("\n"), "not one line: " + message);
    }

    @Test
    void aUserFolderOverridesTheShippedFileAndErrorsNameItsPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(EntityCatalog.FILE_NAME);
        Files.writeString(file, doc(entity("acme", "")));
        EntityCatalog user = EntityCatalog.loadFrom(dir);
        assertEquals("acme", user.ownerOf("www.acme.example").entity());
        assertEquals(user.entities(), Catalogs.load(dir).entities().entities());
        assertFalse(user.ownerOf("graph.facebook.com").known(), "the user file replaces the shipped one");

        Files.writeString(file, doc(entity("acme", ", \"parent\": \"nobody\"")));
        CatalogException e = assertThrows(CatalogException.class, () -> Catalogs.load(dir));
        assertEquals(file + ": entities[0] (acme): parent \"nobody\" is not an entity in this file", e.getMessage());
    }

    @Test
    void aFolderWithoutTheFileUsesTheShippedOne(@TempDir Path dir) {
        assertEquals(EntityCatalog.loadDefault(), EntityCatalog.loadFrom(dir));
    }
}
