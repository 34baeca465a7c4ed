package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.program.FieldRef;
import org.leakscan.program.MethodRef;
import org.leakscan.testing.JsonSchemaAssert;

/** The shipped {@code sources.json} through its loader: coverage, consistency and the lookups the analysis uses. */
class SourceCatalogTest {

    private static final SourceCatalog CATALOG = SourceCatalog.loadDefault();
    private static final Path SOURCES = JsonSchemaAssert.projectDir().resolve("signatures/sources.json");

    @Test
    void hasAtLeast140Sources(TestReporter reporter) {
        assertTrue(CATALOG.sources().size() >= 140, "only " + CATALOG.sources().size() + " sources");
        Map<Source.Kind, Integer> perKind = new EnumMap<>(Source.Kind.class);
        CATALOG.sources().forEach(s -> perKind.merge(s.kind(), 1, Integer::sum));
        for (Source.Kind kind : Source.Kind.values()) {
            assertTrue(perKind.getOrDefault(kind, 0) > 0, "no " + kind + " sources");
        }
        assertTrue(CATALOG.contentUris().size() >= 20, "only " + CATALOG.contentUris().size() + " content URIs");
        reporter.publishEntry("sources", CATALOG.sources().size() + " " + perKind);
        reporter.publishEntry("contentUris", String.valueOf(CATALOG.contentUris().size()));
        reporter.publishEntry("uriReaders", String.valueOf(CATALOG.uriReaders().size()));
    }

    @Test
    void everyCategoryHasASource(TestReporter reporter) {
        Map<String, Integer> perCategory = new TreeMap<>();
        for (Source s : CATALOG.sources()) {
            perCategory.merge(CATALOG.dataTypeOf(s).category().id(), 1, Integer::sum);
        }
        for (String category : DataTypeCatalog.CATEGORY_IDS) {
            assertTrue(perCategory.containsKey(category), "no source for category " + category);
        }
        reporter.publishEntry("sources per category", perCategory.toString());
    }

    @Test
    void everyReferencedDataTypeExistsAndEveryDataTypeIsUsed() {
        DataTypeCatalog types = DataTypeCatalog.loadDefault();
        Set<String> used = new TreeSet<>();
        CATALOG.sources().forEach(s -> used.add(s.dataType()));
        CATALOG.contentUris().forEach(u -> used.add(u.dataType()));
        for (String id : used) {
            assertTrue(types.contains(id), "unknown data type " + id);
        }
        Set<String> unused = new TreeSet<>();
        types.dataTypes().forEach(t -> unused.add(t.id()));
        unused.removeAll(used);
        unused.remove(SourceSinkList.LISTED_DATA_TYPE); // the type of --sources-sinks entries sources.json lacks
        assertTrue(unused.isEmpty(), "data types no source produces: " + unused);
    }

    /** Read straight from the file, so it holds even if the loader's own duplicate check broke. */
    @Test
    void noDuplicateApiAndArgEqualsPairsInTheFile() throws IOException {
        JsonObject doc = JsonParser.parseString(Files.readString(SOURCES)).getAsJsonObject();
        Map<String, Integer> seen = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        int i = 0;
        for (JsonElement e : doc.getAsJsonArray("sources")) {
            JsonObject o = e.getAsJsonObject();
            String key = o.get("api").getAsString() + " " + (o.has("argEquals") ? o.get("argEquals").toString() : "");
            Integer earlier = seen.putIfAbsent(key, i);
            if (earlier != null) {
                duplicates.add("sources[" + i + "] = sources[" + earlier + "]: " + key);
            }
            i++;
        }
        assertTrue(duplicates.isEmpty(), String.join("\n", duplicates));
    }

    @Test
    void everyDescriptorParsesAndRoundTrips() {
        for (Source s : CATALOG.sources()) {
            String api = s.api();
            String printed = s.kind() == Source.Kind.FIELD ? FieldRef.parse(api).toString() : MethodRef.parse(api).toString();
            assertEquals(api, printed);
        }
        for (ContentUriSource u : CATALOG.contentUris()) {
            u.fields().forEach(f -> assertEquals(f, FieldRef.parse(f.toString())));
        }
        for (UriReader r : CATALOG.uriReaders()) {
            assertEquals(r.method(), MethodRef.parse(r.method().toString()));
            assertEquals(UriReader.URI_TYPE, r.method().parameterTypes().get(r.uriArgument() - 1));
        }
    }

    @Test
    void permissionNamesAreFull() {
        for (Source s : CATALOG.sources()) {
            for (String p : s.permissions().names()) {
                assertTrue(p.contains(".permission.") || p.equals("com.android.vending.BILLING"), s + ": " + p);
            }
        }
    }

    @Test
    void androidIdIsAConstantKeyedSettingsRead() {
        List<Source> found = CATALOG.sourcesFor("Landroid/provider/Settings$Secure;",
                "getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;");
        Source androidId = found.stream().filter(s -> s.argEquals() != null && "android_id".equals(s.argEquals().value()))
                .findFirst().orElseThrow();
        assertEquals("device-id.android-id", androidId.dataType());
        assertEquals(2, androidId.argEquals().argument());
        assertTrue(androidId.argEquals().matches("android_id"));
        assertFalse(androidId.argEquals().matches("bluetooth_address"));
        assertFalse(androidId.argEquals().matches(null));
        assertEquals(Taint.RETURN, androidId.taint());
        assertTrue(found.stream().allMatch(Source::isConditional), "every Settings$Secure.getString entry needs a key");
    }

    @Test
    void onLocationChangedIsACallbackTaintingItsFirstParameter() {
        List<Source> found = CATALOG.callbacksFor("Landroid/location/LocationListener;", "onLocationChanged(Landroid/location/Location;)V");
        assertEquals(1, found.size());
        Source callback = found.get(0);
        assertEquals(Source.Kind.CALLBACK, callback.kind());
        assertEquals(new Taint(Taint.Target.PARAMETER, 1), callback.taint());
        assertEquals("param1", callback.taint().toString());
        assertEquals("location", CATALOG.dataTypeOf(callback).category().id());
        assertTrue(CATALOG.callbacks().contains(callback));
        assertTrue(CATALOG.sourcesFor("Landroid/location/LocationListener;", "onLocationChanged(Landroid/location/Location;)V").isEmpty(),
                "callbacks are not call sources");
    }

    @Test
    void callLookupsAreExactOnTheOwner() {
        MethodRef getDeviceId = MethodRef.parse("Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;");
        Source imei = CATALOG.sourcesFor(getDeviceId).get(0);
        assertEquals("device-id.imei", imei.dataType());
        assertEquals(List.of("android.permission.READ_PHONE_STATE"), imei.permissions().names());
        assertEquals(SourcePermissions.Relation.ANY_OF, imei.permissions().relation());
        assertEquals(26, imei.deprecatedIn());
        assertEquals(29, imei.restrictedIn());
        assertEquals("android-all-14", imei.verifiedIn());
        assertTrue(CATALOG.sourcesFor("Landroid/telephony/TelephonyManager;", "getDeviceId()Ljava/lang/Object;").isEmpty());
        assertTrue(CATALOG.sourcesFor("Lcom/example/MyTelephony;", getDeviceId.signature()).isEmpty());
    }

    @Test
    void outParametersAndIntegerConditions() {
        Source read = CATALOG.sourcesFor(MethodRef.parse("Landroid/media/AudioRecord;->read([BII)I")).get(0);
        assertEquals(new Taint(Taint.Target.ARGUMENT, 1), read.taint());
        Source latLong = CATALOG.sourcesFor(MethodRef.parse("Landroid/media/ExifInterface;->getLatLong([F)Z")).get(0);
        assertEquals("arg1", latLong.taint().toString());

        List<Source> sensors = CATALOG.sourcesFor(MethodRef.parse("Landroid/hardware/SensorManager;->getDefaultSensor(I)Landroid/hardware/Sensor;"));
        Source heart = sensors.stream().filter(s -> s.dataType().equals("sensor.heart-rate")).findFirst().orElseThrow();
        assertTrue(heart.argEquals().isInteger());
        assertTrue(heart.argEquals().matches(21));
        assertTrue(heart.argEquals().matches(21L));
        assertFalse(heart.argEquals().matches(19));
        assertFalse(heart.argEquals().matches("21"));
        assertEquals("health-fitness", CATALOG.dataTypeOf(heart).category().id());
    }

    @Test
    void fieldSources() {
        Source serial = CATALOG.fieldSource(FieldRef.parse("Landroid/os/Build;->SERIAL:Ljava/lang/String;")).orElseThrow();
        assertEquals("device-id.serial", serial.dataType());
        assertEquals(Taint.VALUE, serial.taint());
        Source account = CATALOG.fieldSource(FieldRef.parse("Landroid/accounts/Account;->name:Ljava/lang/String;")).orElseThrow();
        assertTrue(account.accessor());
        assertTrue(CATALOG.fieldSource(FieldRef.parse("Landroid/os/Build;->SERIAL:I")).isEmpty());
    }

    @Test
    void contentUrisMatchByLongestPrefixAtPathBoundaries() {
        assertEquals("sms", uriType("content://sms"));
        assertEquals("sms", uriType("content://sms/inbox"));
        assertEquals("sms", uriType("content://sms?limit=1"));
        assertEquals("sms", uriType("content://mms-sms/conversations"));
        assertEquals("mms", uriType("content://mms/part/3"));
        assertTrue(CATALOG.contentUriFor("content://smsx").isEmpty());
        assertTrue(CATALOG.contentUriFor("content://com.example.provider/items").isEmpty());
        assertEquals("contacts", uriType("content://com.android.contacts/data/phones"));
        assertEquals("contacts.profile", uriType("content://com.android.contacts/profile/data"));
        assertEquals("call-log", uriType("content://call_log/calls"));
        assertEquals("calendar", uriType("content://com.android.calendar/events"));
        assertEquals("calendar", uriType("content://calendar/events"));
        assertEquals("media.photo", uriType("content://media/external/images/media/42"));
        assertEquals("media.photo", uriType("content://media/internal/images/media"));
        assertEquals("media.video", uriType("content://media/external/video/media"));
        assertEquals("files.shared-storage", uriType("content://media/external/file"));
        assertEquals("device-id.gsf-id", uriType("content://com.google.android.gsf.gservices"));
    }

    @Test
    void contentUrisByFieldAndReaders() {
        ContentUriSource calls = CATALOG.contentUriForField(FieldRef.parse("Landroid/provider/CallLog$Calls;->CONTENT_URI:Landroid/net/Uri;"))
                .orElseThrow();
        assertEquals("call-log", calls.dataType());
        assertEquals(List.of("android.permission.READ_CALL_LOG"), calls.permissions().names());
        assertEquals("contacts", CATALOG.contentUriForField(
                FieldRef.parse("Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;")).orElseThrow().dataType());
        assertTrue(CATALOG.contentUriForField(FieldRef.parse("Landroid/provider/Settings$Secure;->ANDROID_ID:Ljava/lang/String;")).isEmpty());

        MethodRef query = MethodRef.parse("Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;"
                + "Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;");
        assertTrue(CATALOG.isUriReader(query));
        assertEquals(1, CATALOG.uriReader(query).orElseThrow().uriArgument());
        UriReader loader = CATALOG.uriReader(MethodRef.parse("Landroid/content/CursorLoader;-><init>(Landroid/content/Context;"
                + "Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)V")).orElseThrow();
        assertEquals(2, loader.uriArgument());
        assertTrue(loader.taintsConstructedObject());
        assertFalse(CATALOG.isUriReader(MethodRef.parse("Landroid/content/ContentResolver;->delete(Landroid/net/Uri;Ljava/lang/String;[Ljava/lang/String;)I")));
    }

    @Test
    void accessorsAreCallsOrFieldsAndAccessOnlyEntriesTaintNothing() {
        for (Source s : CATALOG.sources()) {
            if (s.accessor()) {
                assertTrue(s.kind() != Source.Kind.CALLBACK, s.toString());
            }
            if (s.taint().target() == Taint.Target.NONE) {
                assertEquals(Source.Kind.CALL, s.kind(), s.toString());
            }
        }
    }

    @Test
    void loadDefaultIsShared() {
        assertSame(CATALOG, SourceCatalog.loadDefault());
    }

    @Test
    void aDirectoryWithoutCataloguesGivesTheShippedOnes(@TempDir Path dir) {
        assertSame(SourceCatalog.loadDefault(), SourceCatalog.loadFrom(dir));
        assertSame(DataTypeCatalog.loadDefault(), DataTypeCatalog.loadFrom(dir));
    }

    @Test
    void aDirectoryOverridesEachFileOnItsOwn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("sources.json"), """
                {"schema": "leakscan-sources/1",
                 "sources": [{"api": "Lcom/example/Vault;->secret()Ljava/lang/String;", "kind": "call",
                              "dataType": "clipboard", "taints": "return"}],
                 "contentUris": [], "uriReaders": []}
                """);
        SourceCatalog custom = SourceCatalog.loadFrom(dir);
        assertEquals(1, custom.sources().size());
        assertEquals("clipboard", custom.sourcesFor(MethodRef.parse("Lcom/example/Vault;->secret()Ljava/lang/String;")).get(0).dataType());

        // A user taxonomy without "clipboard" makes the user's sources invalid, and says which file.
        String types = Files.readString(JsonSchemaAssert.projectDir().resolve("signatures/datatypes.json"))
                .replace("\"id\": \"clipboard\"", "\"id\": \"clipboard-content\"");
        Files.writeString(dir.resolve("datatypes.json"), types);
        CatalogException e = assertThrows(CatalogException.class, () -> SourceCatalog.loadFrom(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("sources.json").toString() + ": sources[0]"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown dataType \"clipboard\""), e.getMessage());
    }

    @Test
    void theUserTaxonomyIsAlsoAppliedToTheShippedSources(@TempDir Path dir) throws IOException {
        String types = Files.readString(JsonSchemaAssert.projectDir().resolve("signatures/datatypes.json"))
                .replace("\"id\": \"device-id.imei\"", "\"id\": \"device-id.imei-number\"");
        Files.writeString(dir.resolve("datatypes.json"), types);
        CatalogException e = assertThrows(CatalogException.class, () -> SourceCatalog.loadFrom(dir));
        assertTrue(e.getMessage().startsWith("sources.json: sources[0]"), e.getMessage());
    }

    @Test
    void dataTypesNamedByTheAnalysisBriefExist() {
        DataTypeCatalog types = CATALOG.dataTypes();
        for (String id : List.of("device-id.imei", "device-id.android-id", "device-id.advertising-id", "location.precise",
                "location.approximate", "contacts", "sms", "call-log", "calendar", "account", "phone-number",
                "network-info.carrier", "apps.installed", "clipboard", "microphone.recording", "camera.photo",
                "sensor.reading", "apps.usage-history")) {
            assertTrue(types.contains(id), id);
        }
        Set<String> withSources = new HashSet<>();
        CATALOG.sources().forEach(s -> withSources.add(s.dataType()));
        assertTrue(withSources.contains("device-id.advertising-id"));
        assertNotNull(types.dataType("sms").orElseThrow().category());
    }

    private static String uriType(String uri) {
        return CATALOG.contentUriFor(uri).orElseThrow(() -> new AssertionError("no match for " + uri)).dataType();
    }
}
