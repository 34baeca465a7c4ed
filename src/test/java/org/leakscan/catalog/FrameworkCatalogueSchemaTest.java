package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leakscan.testing.JsonSchemaAssert;

/** The committed framework catalogues validate against their schemas, and the schemas are strict. */
class FrameworkCatalogueSchemaTest {

    private static final Path SIGNATURES = JsonSchemaAssert.projectDir().resolve("signatures");
    private static final Path PERMISSIONS_SCHEMA = SIGNATURES.resolve("schema/api-permissions.schema.json");
    private static final Path TYPES_SCHEMA = SIGNATURES.resolve("schema/framework-types.schema.json");

    @Test
    void apiPermissionsFileIsValid() throws IOException {
        JsonSchemaAssert.assertValid(PERMISSIONS_SCHEMA, SIGNATURES.resolve("api-permissions.json"));
    }

    @Test
    void frameworkTypesFileIsValid() throws IOException {
        JsonSchemaAssert.assertValid(TYPES_SCHEMA, SIGNATURES.resolve("framework-types.json"));
    }

    private static final String SOURCE = "\"source\":{\"levels\":[{\"apiLevel\":34,\"artifact\":\"a\","
            + "\"read\":\"class-files\",\"annotated\":1,\"filters\":[],\"kept\":1}],\"existenceOnly\":[16],"
            + "\"manifestsRead\":[34],\"apis\":1,\"distinctPermissions\":1}";

    private static Set<String> permissionViolations(String apis) throws IOException {
        return JsonSchemaAssert.violations(PERMISSIONS_SCHEMA, "{\"schema\":\"leakscan-api-permissions/2\"," + SOURCE
                + ",\"apis\":[" + apis + "],\"permissions\":[{\"name\":\"p.Q\",\"addedIn\":23,\"protection\":\"dangerous\"}]}");
    }

    /** One entry with one range holding {@code range}'s requirement from API 23. */
    private static String entry(String api, String range) {
        return "{\"api\":\"" + api + "\",\"since\":16,\"levels\":[{\"from\":23," + range + "}]}";
    }

    @Test
    void permissionSchemaAcceptsEveryShape() throws IOException {
        assertTrue(permissionViolations(String.join(",",
                entry("La/B;->m(I[Ljava/lang/String;)V", "\"allOf\":[\"p.Q\"]"),
                entry("La/B;-><init>()V", "\"anyOf\":[\"p.Q\",\"p.R\"],\"conditional\":true"),
                entry("La/B;->F:I", "\"allOf\":[\"p.Q\"],\"anyOf\":[\"p.R\"]"),
                entry("La/B;->G:[I", "\"read\":{\"allOf\":[\"p.Q\"]},\"write\":{\"anyOf\":[\"p.R\"],\"conditional\":true}"),
                "{\"api\":\"La/B;->n()V\",\"levels\":[{\"from\":23,\"to\":28,\"allOf\":[\"p.Q\"]},"
                        + "{\"from\":29,\"anyOf\":[\"p.Q\",\"p.R\"]}]}")).isEmpty());
    }

    @Test
    void permissionSchemaRejectsBadEntries() throws IOException {
        String[] bad = {
            "{\"api\":\"La/B;->m()V\",\"levels\":[{\"from\":23}]}",           // no permission
            entry("La/B;->m()V", "\"allOf\":[]"),                                // empty list
            entry("La/B;->m()V", "\"allOf\":[\"p.Q\",\"p.Q\"]"),                 // duplicate
            entry("La/B;->m()V", "\"allOf\":[\"p.Q\"],\"read\":{\"allOf\":[\"p.Q\"]}"), // read on a method
            entry("La/B;->m()V", "\"allOf\":[\"p.Q\"],\"conditional\":false"),   // only true is written
            entry("La/B;->m()V", "\"allOf\":[\"p.Q\"],\"note\":\"x\""),          // unknown key
            entry("a.B.m()", "\"allOf\":[\"p.Q\"]"),                             // not a DEX descriptor
            entry("La/B;->F:I", "\"conditional\":true,\"read\":{\"allOf\":[\"p.Q\"]}"), // conditional alone
            entry("La/B;->F:I", "\"read\":{}"),                                  // empty requirement
            entry("La/B;->m()V", "\"allOf\":[\"READ PHONE\"]"),                  // not a permission name
            "{\"api\":\"La/B;->m()V\",\"levels\":[]}",                              // no range
            "{\"api\":\"La/B;->m()V\",\"levels\":[{\"allOf\":[\"p.Q\"]}]}",         // range without from
            "{\"api\":\"La/B;->m()V\",\"allOf\":[\"p.Q\"]}",                       // version 1 shape
        };
        for (String entry : bad) {
            assertFalse(permissionViolations(entry).isEmpty(), entry);
        }
        assertFalse(JsonSchemaAssert.violations(PERMISSIONS_SCHEMA,
                "{\"schema\":\"leakscan-api-permissions/2\"," + SOURCE + ",\"apis\":[]}").isEmpty());
        assertFalse(JsonSchemaAssert.violations(PERMISSIONS_SCHEMA,
                "{\"schema\":\"leakscan-api-permissions/1\",\"apis\":[]}").isEmpty());
    }

    private static Set<String> typeViolations(String types) throws IOException {
        return JsonSchemaAssert.violations(TYPES_SCHEMA, "{\"schema\":\"leakscan-framework-types/1\",\"source\":{"
                + "\"artifact\":\"a\",\"apiLevel\":34,\"jdk\":17,\"frameworkClasses\":1,\"filters\":[],\"jdkClasses\":0,"
                + "\"jdkTypes\":0,\"types\":1,\"collapsedHiddenSupertypes\":0},\"types\":{" + types + "}}");
    }

    @Test
    void typesSchemaIsStrict() throws IOException {
        assertTrue(typeViolations("\"La/B;\":{\"super\":\"Ljava/lang/Object;\",\"interfaces\":[\"La/I;\"]},"
                + "\"La/I;\":{\"super\":\"Ljava/lang/Object;\",\"interface\":true},\"Ljava/lang/Object;\":{}").isEmpty());
        String[] bad = {
            "\"a.B\":{}",                                              // key not a descriptor
            "\"La/B;\":{\"super\":\"a.C\"}",                            // super not a descriptor
            "\"La/B;\":{\"interfaces\":[]}",                            // empty list is omitted, not written
            "\"La/B;\":{\"interface\":false}",                          // only true is written
            "\"La/B;\":{\"superclass\":\"La/C;\"}",                     // unknown key
            "\"[La/B;\":{}",                                            // arrays are not types here
        };
        for (String t : bad) {
            assertFalse(typeViolations(t).isEmpty(), t);
        }
    }
}
