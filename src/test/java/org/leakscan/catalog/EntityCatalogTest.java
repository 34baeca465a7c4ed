package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leakscan.testing.JsonSchemaAssert;

/**
 * The shipped {@code entities.json} itself: read here as plain JSON, independently of the loader,
 * so a loader bug cannot hide a data error.
 */
class EntityCatalogTest {

    private static final EntityCatalog CATALOG = EntityCatalog.loadDefault();

    private static List<JsonObject> rawEntities() throws IOException {
        JsonObject root = JsonParser.parseString(Files.readString(
                JsonSchemaAssert.projectDir().resolve("signatures").resolve(EntityCatalog.FILE_NAME))).getAsJsonObject();
        List<JsonObject> result = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("entities")) {
            result.add(e.getAsJsonObject());
        }
        return result;
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> result = new ArrayList<>();
        o.getAsJsonArray(key).forEach(e -> result.add(e.getAsString()));
        return result;
    }

    @Test
    void idsAreUniqueAndSorted() throws IOException {
        List<String> ids = rawEntities().stream().map(o -> o.get("id").getAsString()).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "repeated id");
        // Sorted, so additions from several branches merge without conflicts and are easy to find.
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals(ids.size(), CATALOG.entities().size());
    }

    @Test
    void coversAThousandCompaniesAndFiveThousandDomainsWithTheirSources() throws IOException {
        // The size issue #12 asks for; every entity says where its facts come from.
        List<JsonObject> raw = rawEntities();
        assertTrue(raw.size() >= 1000, "only " + raw.size() + " entities");
        int domains = 0;
        for (JsonObject o : raw) {
            domains += o.getAsJsonArray("domains").size();
            assertTrue(o.has("source") && EntityCatalog.SOURCES.contains(o.get("source").getAsString()),
                    o.get("id").getAsString() + " has no source");
        }
        assertTrue(domains >= 5000, "only " + domains + " domains");
    }

    @Test
    void everyDomainBelongsToOneEntity() throws IOException {
        Map<String, String> owner = new HashMap<>();
        for (JsonObject o : rawEntities()) {
            for (String domain : strings(o, "domains")) {
                String before = owner.put(domain, o.get("id").getAsString());
                assertEquals(null, before, domain + " listed under " + before + " and " + o.get("id").getAsString());
            }
        }
    }

    @Test
    void noDomainIsCoveredByAnotherDomainOfTheSameEntity() throws IOException {
        // A subdomain is listed only when it belongs to another entity than its parent domain.
        for (JsonObject o : rawEntities()) {
            List<String> domains = strings(o, "domains");
            for (String d : domains) {
                for (String other : domains) {
                    assertTrue(d.equals(other) || !d.endsWith("." + other),
                            o.get("id").getAsString() + ": " + d + " is already covered by " + other);
                }
            }
        }
    }

    @Test
    void listedSubdomainsBelongToAnotherEntityThanTheirParentDomain() {
        Map<String, String> owner = new HashMap<>();
        CATALOG.entities().forEach(e -> e.domains().forEach(d -> owner.put(d, e.id())));
        int subdomains = 0;
        for (Map.Entry<String, String> entry : owner.entrySet()) {
            String d = entry.getKey();
            for (int dot = d.indexOf('.'); dot >= 0; dot = d.indexOf('.', dot + 1)) {
                String parentDomain = d.substring(dot + 1);
                if (owner.containsKey(parentDomain)) {
                    subdomains++;
                    assertNotEquals(entry.getValue(), owner.get(parentDomain), d);
                }
            }
        }
        assertTrue(subdomains > 0, "the longest-suffix rule is exercised by the shipped data (aws.amazon.com)");
    }

    @Test
    void countriesAreIsoCodes() throws IOException {
        Set<String> iso = Set.of(Locale.getISOCountries());
        for (JsonObject o : rawEntities()) {
            String country = o.get("country").getAsString();
            assertTrue(iso.contains(country), o.get("id").getAsString() + ": " + country);
        }
    }

    @Test
    void parentsExistAndAreNotTheEntityItself() throws IOException {
        Set<String> ids = new HashSet<>();
        rawEntities().forEach(o -> ids.add(o.get("id").getAsString()));
        int withParent = 0;
        for (JsonObject o : rawEntities()) {
            if (o.has("parent")) {
                withParent++;
                String parent = o.get("parent").getAsString();
                assertTrue(ids.contains(parent), o.get("id").getAsString() + ": unknown parent " + parent);
                assertNotEquals(o.get("id").getAsString(), parent);
            }
        }
        assertTrue(withParent > 0);
    }

    @Test
    void theLoaderKeepsEveryFieldInFileOrder() throws IOException {
        List<JsonObject> raw = rawEntities();
        for (int i = 0; i < raw.size(); i++) {
            JsonObject o = raw.get(i);
            Entity e = CATALOG.entities().get(i);
            assertEquals(o.get("id").getAsString(), e.id());
            assertEquals(o.get("name").getAsString(), e.name());
            assertEquals(o.get("country").getAsString(), e.country());
            assertEquals(strings(o, "domains"), e.domains());
            assertEquals(strings(o, "categories"), e.categories());
            assertEquals(o.get("website").getAsString(), e.website());
            assertEquals(o.has("parent") ? o.get("parent").getAsString() : null, e.parent());
            assertEquals(e, CATALOG.entity(e.id()).orElseThrow());
        }
        assertTrue(CATALOG.entity("no-such-company").isEmpty());
    }

    @Test
    void theBuiltInCataloguesIncludeIt() {
        assertEquals(CATALOG, Catalogs.builtIn().entities());
    }
}
