package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.catalog.TaintTransfer.Endpoint;
import org.leakscan.program.ClassHierarchy;
import org.leakscan.program.MethodRef;
import org.leakscan.program.Program;
import org.leakscan.testing.JsonSchemaAssert;

/** The shipped library models: coverage, consistency of every entry, lookup order, and bad input. */
class ModelCatalogTest {

    private static final ModelCatalog MODELS = ModelCatalog.loadDefault();
    private static final ClassHierarchy HIERARCHY = new ClassHierarchy(new Program(List.of()), FrameworkTypes.loadDefault());
    private static final String STRING = "Ljava/lang/String;";

    private static MethodModel model(String api) {
        MethodModel m = MODELS.modelFor(MethodRef.parse(api));
        assertNotNull(m, "no model " + api);
        return m;
    }

    private static TaintTransfer transfer(String from, String to) {
        return TaintTransfer.of(from, to);
    }

    @Test
    void coversTheLibrary() {
        assertTrue(MODELS.exactCount() >= 200, "exact models: " + MODELS.exactCount());
        assertTrue(MODELS.classWideCount() >= 10, "class-wide models: " + MODELS.classWideCount());
        assertTrue(MODELS.neutral().size() >= 20, "neutral: " + MODELS.neutral().size());
        assertEquals(MODELS.exactCount() + MODELS.classWideCount(), MODELS.models().size());
        assertEquals(MODELS.size(), MODELS.models().size() + MODELS.neutral().size());
        assertSame(MODELS, ModelCatalog.loadDefault());
    }

    @Test
    void everyEntryIsWrittenOnceAndParses() throws IOException {
        JsonObject root = JsonParser.parseString(Files.readString(
                JsonSchemaAssert.projectDir().resolve("signatures").resolve(ModelCatalog.FILE_NAME))).getAsJsonObject();
        Set<String> seen = new HashSet<>();
        for (JsonElement e : root.getAsJsonArray("models")) {
            JsonObject o = e.getAsJsonObject();
            String key = o.has("api") ? o.get("api").getAsString() : o.get("class").getAsString() + "->*";
            assertTrue(seen.add(key), "duplicate " + key);
            if (o.has("api")) {
                assertEquals(key, MethodRef.parse(key).toString());
            }
        }
        for (JsonElement e : root.getAsJsonArray("neutral")) {
            assertTrue(seen.add(e.getAsString()), "duplicate " + e.getAsString());
        }
    }

    @Test
    void endpointsFitTheDescriptors() {
        List<String> problems = new ArrayList<>();
        for (MethodModel m : MODELS.models()) {
            if (m.isClassWide()) {
                continue;
            }
            MethodRef api = m.api();
            int parameters = api.parameterTypes().size();
            boolean hasReturn = !api.isConstructor() && !api.returnType().equals("V");
            for (TaintTransfer t : m.transfers()) {
                for (Endpoint e : List.of(t.from(), t.to())) {
                    if (e.kind() == Endpoint.Kind.RECEIVER && m.isStatic()
                            || e.kind() == Endpoint.Kind.RETURN && !hasReturn
                            || e.kind() == Endpoint.Kind.ARG && e.index() > parameters) {
                        problems.add(api + " " + t);
                    }
                }
            }
            if (m.isStatic() && api.isConstructor()) {
                problems.add(api + " a constructor is not static");
            }
            if (m.wrappedArg() != -1 && !m.transfers().isEmpty()) {
                problems.add(api + " a wrapper constructor moves nothing at construction");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void stringBuilderAppendsAndReturnsItself() {
        MethodModel append = model("Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;");
        assertEquals(List.of(transfer("arg1", "receiver"), transfer("receiver", "return")), append.transfers());
        assertTrue(append.returnsReceiver());
        MethodModel init = model("Ljava/lang/StringBuilder;-><init>(Ljava/lang/String;)V");
        assertEquals(List.of(transfer("arg1", "receiver")), init.transfers());
        assertEquals(List.of(transfer("receiver", "return")),
                model("Ljava/lang/StringBuffer;->toString()Ljava/lang/String;").transfers());
    }

    @Test
    void exactEntriesWinOverTheClassDefault() {
        MethodModel length = MODELS.modelFor(STRING, "length()I");
        assertFalse(length.isClassWide());
        assertTrue(length.isNeutral());
        assertTrue(MODELS.isNeutral(STRING, "length()I"));
        // No exact entry: the class-wide String default applies.
        MethodModel strip = MODELS.modelFor(STRING, "strip()Ljava/lang/String;");
        assertTrue(strip.isClassWide());
        assertEquals(STRING, strip.owner());
        assertNull(strip.api());
        assertFalse(MODELS.isNeutral(STRING, "strip()Ljava/lang/String;"));
        MethodModel format = model("Ljava/lang/String;->format(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;");
        assertTrue(format.isStatic());
        assertEquals(List.of(transfer("args", "return")), format.transfers());
    }

    @Test
    void classWideTransfersDropEndsTheMethodLacks() {
        MethodModel string = MODELS.modelFor(STRING, "repeat(I)Ljava/lang/String;");
        assertTrue(string.isClassWide());
        MethodRef valueOf = new MethodRef(STRING, "valueOf", "(Ljava/lang/Object;)Ljava/lang/String;");
        assertEquals(List.of(transfer("args", "return")), string.transfersFor(valueOf, true));
        MethodRef trim = new MethodRef(STRING, "strip", "()Ljava/lang/String;");
        assertEquals(List.of(transfer("receiver", "return")), string.transfersFor(trim, false));
        MethodRef init = new MethodRef(STRING, "<init>", "([B)V");
        assertEquals(List.of(), string.transfersFor(init, false));
        MethodModel exact = model("Ljava/util/List;->get(I)Ljava/lang/Object;");
        assertSame(exact.transfers(), exact.transfersFor(exact.api(), false));
    }

    @Test
    void collectionsAndKeyedContainers() {
        assertEquals(List.of(transfer("arg1", "receiver")), model("Ljava/util/List;->add(Ljava/lang/Object;)Z").transfers());
        MethodModel get = model("Ljava/util/Map;->get(Ljava/lang/Object;)Ljava/lang/Object;");
        assertEquals(List.of(transfer("receiver", "return")), get.transfers());
        assertEquals(1, get.keyArg());
        MethodModel put = model("Landroid/os/Bundle;->putString(Ljava/lang/String;Ljava/lang/String;)V");
        assertEquals(List.of(transfer("arg2", "receiver")), put.transfers());
        assertEquals(1, put.keyArg());
        MethodModel extra = model("Landroid/content/Intent;->putExtra(Ljava/lang/String;Ljava/lang/String;)Landroid/content/Intent;");
        assertTrue(extra.returnsReceiver());
        assertEquals(1, extra.keyArg());
        MethodModel arraycopy = model("Ljava/lang/System;->arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V");
        assertEquals(List.of(transfer("arg1", "arg3")), arraycopy.transfers());
        assertTrue(arraycopy.isStatic());
        assertEquals(List.of(transfer("receiver", "return")),
                model("Landroid/content/Intent;->setClassName(Ljava/lang/String;Ljava/lang/String;)Landroid/content/Intent;").transfers());
    }

    @Test
    void hashingKeepsTheTaint() {
        assertEquals(List.of(transfer("arg1", "receiver")), model("Ljava/security/MessageDigest;->update([B)V").transfers());
        assertEquals(List.of(transfer("receiver", "return")), model("Ljava/security/MessageDigest;->digest()[B").transfers());
        assertFalse(model("Landroid/util/Base64;->encodeToString([BI)Ljava/lang/String;").isNeutral());
    }

    @Test
    void wrappersNameTheWrappedStream() {
        MethodModel w = model("Ljava/io/OutputStreamWriter;-><init>(Ljava/io/OutputStream;)V");
        assertEquals(1, w.wrappedArg());
        assertFalse(w.isNeutral());
        assertEquals(-1, model("Ljava/util/List;->add(Ljava/lang/Object;)Z").wrappedArg());
        assertEquals(List.of(transfer("receiver", "arg1")), model("Ljava/io/InputStream;->read([B)I").transfers());
    }

    @Test
    void neutralListIsNeutral() {
        assertTrue(MODELS.neutral().contains("Ljava/lang/Object;->hashCode()I"));
        assertTrue(MODELS.isNeutral("Landroid/util/Log;", "isLoggable(Ljava/lang/String;I)Z"));
        MethodModel m = MODELS.modelFor("Ljava/lang/Thread;", "<init>(Ljava/lang/Runnable;)V");
        assertTrue(m.isNeutral());
        assertFalse(MODELS.isNeutral("Ljava/lang/Object;", "toString()Ljava/lang/String;"));
        assertNull(MODELS.modelFor("Lcom/example/Helper;", "run()V"));
        assertFalse(MODELS.isNeutral("Lcom/example/Helper;", "run()V"));
    }

    @Test
    void callSitesMatchThroughTheHierarchy() {
        MethodModel add = MODELS.modelFor(new MethodRef("Ljava/util/ArrayList;", "add", "(Ljava/lang/Object;)Z"), HIERARCHY);
        assertNotNull(add);
        assertEquals(List.of(transfer("arg1", "receiver")), add.transfers());
        MethodModel get = MODELS.modelFor(new MethodRef("Ljava/util/HashMap;", "get", "(Ljava/lang/Object;)Ljava/lang/Object;"),
                HIERARCHY);
        assertEquals("Ljava/util/Map;", get.owner());
        MethodModel cursor = MODELS.modelFor(new MethodRef("Landroid/database/sqlite/SQLiteCursor;", "getString",
                "(I)Ljava/lang/String;"), HIERARCHY);
        assertEquals("Landroid/database/Cursor;", cursor.owner());
        assertTrue(MODELS.isNeutral(new MethodRef("Landroid/database/sqlite/SQLiteCursor;", "moveToNext", "()Z"), HIERARCHY));
        // Class-wide defaults stay on their own type.
        assertNull(MODELS.modelFor(new MethodRef("Ljava/util/concurrent/atomic/AtomicLong;", "incrementAndGet", "()J"), HIERARCHY));
        assertTrue(MODELS.modelFor(new MethodRef(STRING, "repeat", "(I)Ljava/lang/String;"), HIERARCHY).isClassWide());
        // The owner's class-wide default comes before an ancestor's exact entry.
        MethodModel hash = MODELS.modelFor(new MethodRef("Ljava/lang/Integer;", "hashCode", "()I"), HIERARCHY);
        assertTrue(hash.isClassWide());
        assertFalse(MODELS.isNeutral(new MethodRef("Ljava/lang/Integer;", "hashCode", "()I"), HIERARCHY));
        assertTrue(MODELS.isNeutral(new MethodRef("Ljava/lang/Thread;", "hashCode", "()I"), HIERARCHY));
    }

    @Test
    void loadsSmallDocument() {
        ModelCatalog c = load("""
                {"schema":"leakscan-models/1","models":[
                  {"api":"La/B;->put(Ljava/lang/String;La/V;)La/B;","transfers":[{"from":"arg2","to":"receiver"},
                   {"from":"receiver","to":"return"}],"returnsReceiver":true,"key":"arg1","verified":false},
                  {"api":"La/W;-><init>(Ljava/io/OutputStream;)V","transfers":[],"wraps":"arg1","note":"n"},
                  {"class":"La/V;","methods":"*","transfers":[{"from":"args","to":"return"}]}],
                 "neutral":["La/B;->size()I"]}""");
        assertEquals(2, c.exactCount());
        assertEquals(1, c.classWideCount());
        assertEquals(4, c.size());
        MethodModel put = c.modelFor("La/B;", "put(Ljava/lang/String;La/V;)La/B;");
        assertFalse(put.verified());
        assertEquals(1, put.keyArg());
        assertEquals(1, c.modelFor("La/W;", "<init>(Ljava/io/OutputStream;)V").wrappedArg());
        assertTrue(c.modelFor("La/V;", "anything()I").isClassWide());
        assertTrue(c.isNeutral("La/B;", "size()I"));
        assertEquals(Set.of("La/B;->size()I"), c.neutral());
    }

    private static final String M = "\"api\":\"La/B;->m(I[B)Ljava/lang/String;\"";

    @Test
    void rejectsBadDocumentsWithOneLineMessagesNamingTheEntry() {
        String[] bad = {
            "{" + M + "}",                                                                      // no transfers
            "{" + M + ",\"transfers\":[{\"from\":\"arg3\",\"to\":\"return\"}]}",              // beyond the descriptor
            "{" + M + ",\"transfers\":[{\"from\":\"arg1\",\"to\":\"arg1\"}]}",                // into a primitive
            "{" + M + ",\"transfers\":[{\"from\":\"arg2\",\"to\":\"arg2\"}]}",                // to itself
            "{" + M + ",\"transfers\":[{\"from\":\"return\",\"to\":\"arg2\"}]}",              // from the return value
            "{" + M + ",\"transfers\":[{\"from\":\"arg1\",\"to\":\"args\"}]}",                // to every argument
            "{" + M + ",\"transfers\":[{\"from\":\"receiver\",\"to\":\"return\"}],\"static\":true}",
            "{" + M + ",\"transfers\":[{\"from\":\"arg2\",\"to\":\"return\"}],\"returnsReceiver\":true}",
            "{" + M + ",\"transfers\":[],\"wraps\":\"arg2\"}",                                // wraps on a method
            "{" + M + ",\"transfers\":[],\"key\":\"arg9\"}",
            "{" + M + ",\"transfers\":[],\"key\":\"receiver\"}",
            "{" + M + ",\"transfers\":[],\"unknown\":1}",
            "{" + M + ",\"transfers\":[{\"from\":\"arg1\",\"to\":\"return\"},{\"from\":\"arg1\",\"to\":\"return\"}]}",
            "{\"api\":\"La/B;->m()V\",\"transfers\":[{\"from\":\"receiver\",\"to\":\"return\"}]}", // void return
            "{\"class\":\"La/B;\",\"methods\":\"*\",\"transfers\":[{\"from\":\"arg1\",\"to\":\"return\"}]}",
            "{\"class\":\"La/B;\",\"methods\":\"get*\",\"transfers\":[]}",
            "{\"class\":\"La/B;\",\"methods\":\"*\",\"transfers\":[],\"static\":true}",
            "{\"class\":\"La/B;\",\"methods\":\"*\",\"transfers\":[]},{\"class\":\"La/B;\",\"methods\":\"*\",\"transfers\":[]}",
            "{" + M + ",\"transfers\":[]},{" + M + ",\"transfers\":[]}",
            "{\"api\":\"La/B;->m\",\"transfers\":[]}",
        };
        for (String models : bad) {
            String document = "{\"schema\":\"leakscan-models/1\",\"models\":[" + models + "]}";
            CatalogException e = assertThrows(CatalogException.class, () -> load(document), document);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().startsWith("models.json: models["), e.getMessage());
        }
        String ok = "{" + M + ",\"transfers\":[]}";
        for (String neutral : new String[] {"\"La/B;->m(I[B)Ljava/lang/String;\"", "\"La/B;->n\"", "1"}) {
            String document = "{\"schema\":\"leakscan-models/1\",\"models\":[" + ok + "],\"neutral\":[" + neutral + "]}";
            CatalogException e = assertThrows(CatalogException.class, () -> load(document), document);
            assertTrue(e.getMessage().startsWith("models.json: neutral[0]"), e.getMessage());
        }
        for (String json : new String[] {"{", "{\"schema\":\"leakscan-models/0\",\"models\":[]}", "{\"schema\":\"leakscan-models/1\"}"}) {
            CatalogException e = assertThrows(CatalogException.class, () -> load(json), json);
            assertTrue(e.getMessage().startsWith("models.json: "), e.getMessage());
        }
    }

    @Test
    void userDirectoryOverridesOnlyWhenTheFileIsThere(@TempDir Path dir) throws IOException {
        assertSame(MODELS, ModelCatalog.loadFrom(dir));
        Files.writeString(dir.resolve(ModelCatalog.FILE_NAME), "{\"schema\":\"leakscan-models/1\",\"models\":[{" + M
                + ",\"transfers\":[]}]}");
        assertEquals(1, ModelCatalog.loadFrom(dir).exactCount());
        Files.writeString(dir.resolve(ModelCatalog.FILE_NAME), "{\"schema\":\"leakscan-models/1\",\"models\":[{" + M + "}]}");
        CatalogException e = assertThrows(CatalogException.class, () -> ModelCatalog.loadFrom(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve(ModelCatalog.FILE_NAME) + ": models[0]"), e.getMessage());
    }

    @Test
    void endpointsParseAndPrint() {
        for (String name : List.of("receiver", "return", "args", "arg1", "arg12")) {
            assertEquals(name, Endpoint.parse(name).toString());
        }
        for (String name : List.of("arg0", "arg", "this", "ARG1", "arg01", "")) {
            assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(name), name);
        }
        assertThrows(IllegalArgumentException.class, () -> new Endpoint(Endpoint.Kind.RETURN, 2));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.arg(0));
        assertEquals(Endpoint.arg(3), Endpoint.parse("arg3"));
    }

    private static ModelCatalog load(String json) {
        return ModelCatalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
