package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakscan.testing.JsonSchemaAssert;

/** The shipped taxonomy and its loader. */
class DataTypeCatalogTest {

    private static final DataTypeCatalog TYPES = DataTypeCatalog.loadDefault();

    @Test
    void hasThePlayFormsFourteenCategoriesInOrder() {
        assertEquals(DataTypeCatalog.CATEGORY_IDS, TYPES.categories().stream().map(DataCategory::id).toList());
        assertEquals("Device or other IDs", TYPES.category("device-ids").orElseThrow().name());
        assertEquals(List.of("Approximate location", "Precise location"), TYPES.category("location").orElseThrow().playTypes());
        assertTrue(TYPES.category("geo").isEmpty());
    }

    @Test
    void everyDataTypeRollsUpToAPlayTypeOfItsCategory() {
        for (DataType type : TYPES.dataTypes()) {
            assertTrue(type.category().playTypes().contains(type.playType()), type.id());
            assertTrue(!type.name().isBlank() && !type.description().isBlank(), type.id());
        }
    }

    @Test
    void lookups() {
        DataType imei = TYPES.dataType("device-id.imei").orElseThrow();
        assertEquals("device-ids", imei.category().id());
        assertEquals("Device or other IDs", imei.playType());
        assertEquals("Precise location", TYPES.dataType("location.precise").orElseThrow().playType());
        assertEquals("Approximate location", TYPES.dataType("location.approximate").orElseThrow().playType());
        assertEquals("messages", TYPES.categoryOf("sms").orElseThrow().id());
        assertTrue(TYPES.dataType("device-id.shoe-size").isEmpty());
        assertTrue(TYPES.categoryOf("device-id.shoe-size").isEmpty());
    }

    @Test
    void aPlayTypeOutsideItsCategoryIsRejected() throws IOException {
        JsonObject doc = JsonParser.parseString(Files.readString(JsonSchemaAssert.projectDir().resolve("signatures/datatypes.json")))
                .getAsJsonObject();
        for (JsonElement e : doc.getAsJsonArray("dataTypes")) {
            if (e.getAsJsonObject().get("id").getAsString().equals("device-id.imei")) {
                e.getAsJsonObject().addProperty("playType", "Precise location");
            }
        }
        CatalogException e = assertThrows(CatalogException.class, () -> load(doc.toString()));
        assertTrue(e.getMessage().startsWith("datatypes.json: dataTypes["), e.getMessage());
        assertTrue(e.getMessage().contains("(device-id.imei): playType \"Precise location\" is not one of category device-ids's"),
                e.getMessage());
    }

    @Test
    void aMissingCategoryOrUnknownCategoryIsRejected() {
        String oneCategory = """
                {"schema": "leakscan-datatypes/1",
                 "categories": [{"id": "location", "name": "Location", "playTypes": ["Precise location"]}],
                 "dataTypes": []}
                """;
        assertTrue(assertThrows(CatalogException.class, () -> load(oneCategory)).getMessage().contains("categories missing"));
        String unknown = oneCategory.replace("\"id\": \"location\"", "\"id\": \"whereabouts\"");
        assertTrue(assertThrows(CatalogException.class, () -> load(unknown)).getMessage()
                .contains("categories[0]: unknown category id \"whereabouts\""));
    }

    private static DataTypeCatalog load(String json) {
        return DataTypeCatalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
