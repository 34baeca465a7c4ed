package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leakscan.testing.JsonSchemaAssert;

/** The committed entity catalogue validates against its schema, and the schema is strict. */
class EntityCatalogueSchemaTest {

    private static final Path SIGNATURES = JsonSchemaAssert.projectDir().resolve("signatures");
    private static final Path SCHEMA = SIGNATURES.resolve("schema/entities.schema.json");

    private static final String GOOD = "\"id\":\"acme\",\"name\":\"Acme\",\"country\":\"DE\",\"categories\":[\"analytics\"],"
            + "\"website\":\"https://acme.example\",\"source\":\"company-site\"";

    @Test
    void entitiesFileIsValid() throws IOException {
        JsonSchemaAssert.assertValid(SCHEMA, SIGNATURES.resolve(EntityCatalog.FILE_NAME));
    }

    private static Set<String> violations(String entity) throws IOException {
        return JsonSchemaAssert.violations(SCHEMA, "{\"schema\":\"leakscan-entities/1\",\"entities\":[" + entity + "]}");
    }

    @Test
    void acceptsEveryShape() throws IOException {
        assertEquals(Set.of(), violations("{" + GOOD + ",\"domains\":[\"acme.de\",\"cdn.acme.co.uk\",\"xn--acm-bma.de\"]}"));
        assertEquals(Set.of(), violations("{" + GOOD + ",\"parent\":\"acme-group\",\"domains\":[\"acme.de\"]}"));
        assertEquals(Set.of(), violations("{" + GOOD + ",\"domains\":[\"acme.de\",\"acme-dyn.net\"],"
                + "\"sharedDomains\":[\"acme-dyn.net\"],\"asns\":[64500],\"notes\":\"why\"}"));
    }

    @Test
    void everyEntityNeedsASourceAndNoReservedId() throws IOException {
        String noSource = GOOD.replace(",\"source\":\"company-site\"", "");
        assertEquals(false, violations("{" + noSource + ",\"domains\":[\"acme.de\"]}").isEmpty());
        assertEquals(false, violations("{" + GOOD + ",\"source\":\"a blog\",\"domains\":[\"acme.de\"]}").isEmpty());
        assertEquals(false, violations("{" + GOOD.replace("\"acme\"", "\"app\"") + ",\"domains\":[\"acme.de\"]}").isEmpty());
        assertEquals(false, violations("{" + GOOD.replace("\"acme\"", "\"as15169\"") + ",\"domains\":[\"acme.de\"]}").isEmpty());
    }

    @Test
    void rejectsBadEntries() throws IOException {
        String[] bad = {
            "{" + GOOD + "}",                                                              // no domains
            "{" + GOOD + ",\"domains\":[]}",                                               // empty domains
            "{" + GOOD + ",\"domains\":[\"acme.de\",\"acme.de\"]}",                         // repeated domain
            "{" + GOOD + ",\"domains\":[\"Acme.de\"]}",                                    // upper case
            "{" + GOOD + ",\"domains\":[\"de\"]}",                                         // a bare TLD
            "{" + GOOD + ",\"domains\":[\"10.0.0.1\"]}",                                   // an IP address
            "{" + GOOD + ",\"domains\":[\"acme.de.\"]}",                                   // trailing dot
            "{" + GOOD + ",\"domains\":[\"-acme.de\"]}",                                   // label starts with a hyphen
            "{" + GOOD + ",\"domains\":[\"*.acme.de\"]}",                                  // wildcard
            "{" + GOOD.replace("\"DE\"", "\"de\"") + ",\"domains\":[\"acme.de\"]}",        // lower-case country
            "{" + GOOD.replace("\"DE\"", "\"DEU\"") + ",\"domains\":[\"acme.de\"]}",       // alpha-3
            "{" + GOOD.replace("\"acme\"", "\"Acme\"") + ",\"domains\":[\"acme.de\"]}",    // id not a slug
            "{" + GOOD.replace("\"acme\"", "\"acme--x\"") + ",\"domains\":[\"acme.de\"]}", // double hyphen
            "{" + GOOD.replace("analytics", "tracking") + ",\"domains\":[\"acme.de\"]}",   // unknown category
            "{" + GOOD.replace("[\"analytics\"]", "[]") + ",\"domains\":[\"acme.de\"]}",   // no category
            "{" + GOOD.replace("https://", "http://") + ",\"domains\":[\"acme.de\"]}",     // not https
            "{" + GOOD + ",\"domains\":[\"acme.de\"],\"hq\":\"Berlin\"}",                  // unknown key
            "{" + GOOD + ",\"domains\":[\"acme.de\"],\"parent\":\"\"}",                    // empty parent
        };
        for (String entity : bad) {
            assertFalse(violations(entity).isEmpty(), entity);
        }
        assertFalse(JsonSchemaAssert.violations(SCHEMA, "{\"schema\":\"leakscan-entities/1\",\"entities\":[]}").isEmpty());
        assertFalse(JsonSchemaAssert.violations(SCHEMA, "{\"schema\":\"leakscan-entities/2\",\"entities\":[{" + GOOD
                + ",\"domains\":[\"acme.de\"]}]}").isEmpty());
    }
}
