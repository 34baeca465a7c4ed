package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.catalog.TaintTransfer.Endpoint;
import org.leakscan.program.Access;
import org.leakscan.program.ClassDef;
import org.leakscan.program.ClassHierarchy;
import org.leakscan.program.MethodRef;
import org.leakscan.program.Program;
import org.leakscan.testing.JsonSchemaAssert;

/** The shipped sink catalogue: coverage, consistency of every entry, lookups, and bad input. */
class SinkCatalogTest {

    private static final SinkCatalog SINKS = SinkCatalog.loadDefault();
    private static final String MAIN_ACTIVITY = "Lcom/example/MainActivity;";
    private static final ClassHierarchy HIERARCHY = new ClassHierarchy(new Program(List.of(new ClassDef(MAIN_ACTIVITY,
            "Landroid/app/Activity;", List.of(), Access.PUBLIC, "test", List.of(), List.of(), List.of()))),
            FrameworkTypes.loadDefault());

    private static Sink sink(String api) {
        Sink s = SINKS.sinkFor(MethodRef.parse(api));
        assertNotNull(s, "no sink " + api);
        return s;
    }

    @Test
    void coversEveryKind() {
        assertTrue(SINKS.size() >= 120, "sinks: " + SINKS.size());
        Map<SinkKind, Integer> counts = new EnumMap<>(SinkKind.class);
        SINKS.sinks().forEach(s -> counts.merge(s.kind(), 1, Integer::sum));
        // OTHER is the kind of --sources-sinks entries whose class says nothing; sinks.json names its kinds.
        assertEquals(java.util.EnumSet.complementOf(java.util.EnumSet.of(SinkKind.OTHER)), counts.keySet(), counts.toString());
        assertSame(SINKS, SinkCatalog.loadDefault());
        assertEquals(SINKS.size(), SINKS.sinks().size());
        assertEquals(counts.get(SinkKind.SMS), SINKS.sinksOf(SinkKind.SMS).size());
    }

    @Test
    void everyApiIsWrittenOnceAndParses() throws IOException {
        JsonElement root = JsonParser.parseString(Files.readString(
                JsonSchemaAssert.projectDir().resolve("signatures").resolve(SinkCatalog.FILE_NAME)));
        Set<String> seen = new HashSet<>();
        for (JsonElement e : root.getAsJsonObject().getAsJsonArray("sinks")) {
            String api = e.getAsJsonObject().get("api").getAsString();
            assertTrue(seen.add(api), "duplicate " + api);
            assertEquals(api, MethodRef.parse(api).toString());
        }
        assertEquals(SINKS.size(), seen.size());
    }

    @Test
    void argumentsFitTheDescriptors() {
        List<String> problems = new ArrayList<>();
        for (Sink s : SINKS.sinks()) {
            int parameters = s.api().parameterTypes().size();
            for (List<Integer> args : List.of(s.dataArgs(), s.destinationArgs())) {
                for (int a : args) {
                    if (a > parameters || (a == 0 && s.isStatic())) {
                        problems.add(s.api() + " argument " + a);
                    }
                }
            }
            if (s.isStatic() && s.api().isConstructor()) {
                problems.add(s.api() + " a constructor is not static");
            }
            if (s.kind() == SinkKind.STREAM && (!s.streamWrite() || s.opens() != null)) {
                problems.add(s.api() + " stream sinks write into their receiver");
            }
            if (!s.sends() && s.dataArgs().isEmpty() && s.destinationArgs().isEmpty() && s.opens() == null) {
                problems.add(s.api() + " says nothing");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void smsCarriesTextToTheNumber() {
        Sink s = sink("Landroid/telephony/SmsManager;->sendTextMessage(Ljava/lang/String;Ljava/lang/String;"
                + "Ljava/lang/String;Landroid/app/PendingIntent;Landroid/app/PendingIntent;)V");
        assertEquals(SinkKind.SMS, s.kind());
        assertEquals("sms.text", s.channel());
        assertEquals(List.of(3), s.dataArgs());
        assertEquals(List.of(1), s.destinationArgs());
        assertTrue(s.sends() && s.verified() && !s.isStatic());
        assertTrue(s.carriesData(3) && !s.carriesData(1) && s.namesDestination(1));
        assertThrows(UnsupportedOperationException.class, () -> s.dataArgs().add(1));
        assertNotNull(sink("Landroid/telephony/gsm/SmsManager;->sendTextMessage(Ljava/lang/String;Ljava/lang/String;"
                + "Ljava/lang/String;Landroid/app/PendingIntent;Landroid/app/PendingIntent;)V"));
    }

    @Test
    void logCallsAreStaticAndCarryEveryString() {
        Sink d = sink("Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I");
        assertTrue(d.isStatic());
        assertEquals(List.of(1, 2), d.dataArgs());
        Sink timber = sink("Ltimber/log/Timber;->e(Ljava/lang/Throwable;Ljava/lang/String;[Ljava/lang/Object;)V");
        assertEquals(List.of(1, 2, 3), timber.dataArgs());
        assertFalse(timber.verified());
        Sink println = sink("Ljava/io/PrintStream;->println(Ljava/lang/String;)V");
        assertEquals(SinkKind.LOG, println.kind());
        assertTrue(println.streamWrite(), "a PrintStream over a socket takes the socket's channel");
    }

    @Test
    void streamsAreOpenedThenWritten() {
        Sink opened = sink("Ljava/net/URLConnection;->getOutputStream()Ljava/io/OutputStream;");
        assertEquals(SinkKind.NETWORK, opened.kind());
        assertEquals(Endpoint.returnValue(), opened.opens());
        Sink file = sink("Ljava/io/FileOutputStream;-><init>(Ljava/io/File;)V");
        assertEquals(SinkKind.FILE, file.kind());
        assertEquals(Endpoint.receiver(), file.opens());
        assertEquals(List.of(1), file.destinationArgs());
        Sink write = sink("Ljava/io/OutputStream;->write([B)V");
        assertEquals(SinkKind.STREAM, write.kind());
        assertTrue(write.streamWrite());
        assertNull(write.opens());
        assertEquals(Endpoint.returnValue(),
                sink("Landroid/bluetooth/BluetoothSocket;->getOutputStream()Ljava/io/OutputStream;").opens());
    }

    @Test
    void requestBuildersDoNotSend() {
        Sink url = sink("Ljava/net/URL;-><init>(Ljava/lang/String;)V");
        assertFalse(url.sends());
        assertEquals(List.of(1), url.destinationArgs());
        Sink create = sink("Lokhttp3/RequestBody;->create(Lokhttp3/MediaType;Ljava/lang/String;)Lokhttp3/RequestBody;");
        assertTrue(create.isStatic());
        assertEquals(List.of(2), create.dataArgs());
        assertEquals(List.of(1), sink("Lokhttp3/RequestBody;->create(Ljava/lang/String;Lokhttp3/MediaType;)Lokhttp3/RequestBody;")
                .dataArgs());
        assertTrue(sink("Lokhttp3/Call;->execute()Lokhttp3/Response;").sends());
    }

    @Test
    void intentSinksCarryTheIntent() {
        Sink broadcast = sink("Landroid/content/Context;->sendBroadcast(Landroid/content/Intent;)V");
        assertEquals(SinkKind.IPC, broadcast.kind());
        assertEquals(List.of(1), broadcast.dataArgs());
        assertEquals(List.of(2), sink("Landroid/app/Activity;->setResult(ILandroid/content/Intent;)V").dataArgs());
        Sink local = sink("Landroidx/localbroadcastmanager/content/LocalBroadcastManager;->sendBroadcast(Landroid/content/Intent;)Z");
        assertEquals("ipc.local", local.channel());
    }

    @Test
    void callSitesMatchThroughTheHierarchy() {
        Sink fromActivity = SINKS.sinkFor(new MethodRef(MAIN_ACTIVITY, "startActivity", "(Landroid/content/Intent;)V"), HIERARCHY);
        assertNotNull(fromActivity);
        assertEquals("Landroid/app/Activity;", fromActivity.api().owner());
        Sink broadcast = SINKS.sinkFor(new MethodRef(MAIN_ACTIVITY, "sendBroadcast", "(Landroid/content/Intent;)V"), HIERARCHY);
        assertEquals("Landroid/content/ContextWrapper;", broadcast.api().owner());
        Sink https = SINKS.sinkFor(new MethodRef("Ljavax/net/ssl/HttpsURLConnection;", "getOutputStream",
                "()Ljava/io/OutputStream;"), HIERARCHY);
        assertEquals("Ljava/net/URLConnection;", https.api().owner());
        Sink buffered = SINKS.sinkFor(new MethodRef("Ljava/io/BufferedWriter;", "write", "(Ljava/lang/String;)V"), HIERARCHY);
        assertEquals(SinkKind.STREAM, buffered.kind());
        assertNull(SINKS.sinkFor(new MethodRef(MAIN_ACTIVITY, "onCreate", "(Landroid/os/Bundle;)V"), HIERARCHY));
        assertNull(SINKS.sinkFor("Landroid/app/Activity;", "onCreate(Landroid/os/Bundle;)V"));
    }

    @Test
    void loadsSmallDocument() {
        SinkCatalog c = load("""
                {"schema":"leakscan-sinks/1","sinks":[
                  {"api":"La/B;->send(Ljava/lang/String;[B)V","kind":"sms","channel":"sms.data","dataArgs":[2,0],
                   "destinationArgs":[1],"sends":true,"verified":false,"apiNotes":"n"},
                  {"api":"La/S;-><init>(La/F;)V","kind":"file","channel":"file","dataArgs":[],"destinationArgs":[1],
                   "sends":false,"opens":"receiver","apiNotes":"n"}]}""");
        assertEquals(2, c.size());
        Sink s = c.sinkFor("La/B;", "send(Ljava/lang/String;[B)V");
        assertEquals(List.of(0, 2), s.dataArgs());
        assertFalse(s.verified());
        assertEquals(Endpoint.receiver(), c.sinkFor("La/S;", "<init>(La/F;)V").opens());
    }

    private static final String OK = "\"api\":\"La/B;->m(I)V\",\"kind\":\"log\",\"channel\":\"log\",\"destinationArgs\":[],"
            + "\"sends\":true,\"apiNotes\":\"n\"";

    @Test
    void rejectsBadDocumentsWithOneLineMessagesNamingTheEntry() {
        String[] bad = {
            "{\"sinks\":[{" + OK + ",\"dataArgs\":[2]}]}",                              // argument beyond the descriptor
            "{\"sinks\":[{" + OK + ",\"dataArgs\":[0],\"static\":true}]}",              // receiver of a static method
            "{\"sinks\":[{" + OK + ",\"dataArgs\":[1],\"static\":false}]}",             // only true is written
            "{\"sinks\":[{" + OK + ",\"dataArgs\":[1,1]}]}",                            // twice
            "{\"sinks\":[{" + OK + ",\"dataArgs\":[1.5]}]}",                            // not an argument number
            "{\"sinks\":[{" + OK + ",\"dataArgs\":[1],\"kind\":\"mail\"}]}".replace("\"kind\":\"log\",", ""),
            "{\"sinks\":[{" + OK.replace("\"channel\":\"log\"", "\"channel\":\"network.http\"") + ",\"dataArgs\":[1]}]}",
            "{\"sinks\":[{" + OK + ",\"dataArgs\":[1],\"extra\":1}]}",                  // unknown key
            "{\"sinks\":[{" + OK + ",\"dataArgs\":[1],\"opens\":\"return\"}]}",         // void method opens nothing
            "{\"sinks\":[{" + OK + ",\"dataArgs\":[1],\"streamWrite\":true,\"static\":true}]}",
            "{\"sinks\":[{" + OK + ",\"dataArgs\":[1]},{" + OK + ",\"dataArgs\":[1]}]}", // duplicate
            "{\"sinks\":[{" + OK.replace("La/B;->m(I)V", "La/B;->m(I)") + ",\"dataArgs\":[1]}]}",
            "{\"sinks\":[{" + OK + "}]}",                                               // no dataArgs
            "{\"sinks\":[{" + OK + ",\"dataArgs\":[]}]}",                               // says nothing
            "{\"sinks\":[{" + OK + ",\"dataArgs\":\"1\"}]}",
            "{\"sinks\":[[]]}",
        };
        for (String json : bad) {
            String document = json.replaceFirst("\\{", "{\"schema\":\"leakscan-sinks/1\",");
            CatalogException e = assertThrows(CatalogException.class, () -> load(document), document);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().startsWith("sinks.json: sinks["), e.getMessage());
        }
        for (String json : new String[] {"nope {", "[]", "{\"schema\":\"leakscan-sinks/2\",\"sinks\":[]}",
            "{\"schema\":\"leakscan-sinks/1\"}"}) {
            CatalogException e = assertThrows(CatalogException.class, () -> load(json), json);
            assertTrue(e.getMessage().startsWith("sinks.json: "), e.getMessage());
        }
        CatalogException e = assertThrows(CatalogException.class, () -> load(
                "{\"schema\":\"leakscan-sinks/1\",\"sinks\":[{" + OK + ",\"dataArgs\":[1]},{" + OK + ",\"dataArgs\":[3]}]}"));
        assertTrue(e.getMessage().startsWith("sinks.json: sinks[1]: "), e.getMessage());
    }

    @Test
    void userDirectoryOverridesOnlyWhenTheFileIsThere(@TempDir Path dir) throws IOException {
        assertSame(SINKS, SinkCatalog.loadFrom(dir));
        Files.writeString(dir.resolve(SinkCatalog.FILE_NAME), "{\"schema\":\"leakscan-sinks/1\",\"sinks\":[{" + OK
                + ",\"dataArgs\":[1]}]}");
        assertEquals(1, SinkCatalog.loadFrom(dir).size());
        Files.writeString(dir.resolve(SinkCatalog.FILE_NAME), "{\"schema\":\"leakscan-sinks/1\",\"sinks\":[{" + OK
                + ",\"dataArgs\":[7]}]}");
        CatalogException e = assertThrows(CatalogException.class, () -> SinkCatalog.loadFrom(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve(SinkCatalog.FILE_NAME) + ": sinks[0]: "), e.getMessage());
    }

    @Test
    void kindsRoundTrip() {
        for (SinkKind k : SinkKind.values()) {
            assertSame(k, SinkKind.fromId(k.id()));
        }
        assertThrows(IllegalArgumentException.class, () -> SinkKind.fromId("NETWORK"));
    }

    private static SinkCatalog load(String json) {
        return SinkCatalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
