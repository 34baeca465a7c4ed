package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leakscan.program.MethodRef;

/** FlowDroid's {@code SourcesAndSinks.txt} format read into leakscan's source and sink records. */
class SourceSinkListTest {

    private static final Catalogs BUILT_IN = Catalogs.builtIn();

    private static SourceSinkList parse(String... lines) {
        return SourceSinkList.parse(List.of(lines), "list.txt", BUILT_IN.sources(), BUILT_IN.sinks());
    }

    private static Source source(SourceSinkList list, String api) {
        return list.sources().stream().filter(s -> s.api().equals(api)).findFirst().orElseThrow(() -> new AssertionError(api));
    }

    private static Sink sink(SourceSinkList list, String api) {
        return list.sinks().stream().filter(s -> s.api().toString().equals(api)).findFirst()
                .orElseThrow(() -> new AssertionError(api));
    }

    @Test
    void aKnownSourceKeepsItsDataTypeAndPermissionsAndTaintsTheReturnValue() {
        SourceSinkList list = parse("<android.telephony.TelephonyManager: java.lang.String getDeviceId()> -> _SOURCE_");
        Source s = source(list, "Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;");
        assertEquals("device-id.imei", s.dataType());
        assertEquals(Taint.RETURN, s.taint());
        assertEquals(Source.Kind.CALL, s.kind());
        assertTrue(s.permissions().names().contains("android.permission.READ_PHONE_STATE"), s.permissions().toString());
        assertFalse(s.accessor(), "every listed call is a source of its own");
        assertNull(s.argEquals());
        assertEquals(List.of(), list.sinks());
    }

    @Test
    void anUnknownSourceGetsTheListedTypeAndAConstructorTaintsTheNewObject() {
        SourceSinkList list = parse(
                "<java.io.File: void <init>(java.lang.String)> -> _SOURCE_",
                "<com.example.bankmanager.BankActivity: android.view.View findViewById(int)> -> _SOURCE_",
                "<android.database.Cursor: java.lang.String getString(int)> android.permission.READ_SMS -> _SOURCE_");
        Source file = source(list, "Ljava/io/File;-><init>(Ljava/lang/String;)V");
        assertEquals(SourceSinkList.LISTED_DATA_TYPE, file.dataType());
        assertEquals(Taint.RECEIVER, file.taint());
        Source app = source(list, "Lcom/example/bankmanager/BankActivity;->findViewById(I)Landroid/view/View;");
        assertEquals(SourceSinkList.LISTED_DATA_TYPE, app.dataType(), "an app's own class is kept as written");
        assertEquals(List.of("android.permission.READ_SMS"),
                source(list, "Landroid/database/Cursor;->getString(I)Ljava/lang/String;").permissions().names());
        assertTrue(BUILT_IN.dataTypes().contains(SourceSinkList.LISTED_DATA_TYPE));
    }

    /** The built-in getStringExtra entry holds for one extra only; a list entry holds for every call. */
    @Test
    void aConditionalBuiltInSourceDoesNotLendItsDataType() {
        SourceSinkList list = parse("<android.content.Intent: java.lang.String getStringExtra(java.lang.String)> -> _SOURCE_");
        assertEquals(SourceSinkList.LISTED_DATA_TYPE, list.sources().get(0).dataType());
    }

    @Test
    void aSinkTakesEveryArgumentAndTheReceiverAndTheBuiltInKind() {
        SourceSinkList list = parse(
                "<android.telephony.SmsManager: void sendTextMessage(java.lang.String,java.lang.String,java.lang.String,"
                        + "android.app.PendingIntent,android.app.PendingIntent)> -> _SINK_",
                "<android.util.Log: int i(java.lang.String,java.lang.String)> -> _SINK_",
                "<android.webkit.WebView: void addJavascriptInterface(java.lang.Object,java.lang.String)> -> _SINK_");
        Sink sms = sink(list, "Landroid/telephony/SmsManager;->sendTextMessage(Ljava/lang/String;Ljava/lang/String;"
                + "Ljava/lang/String;Landroid/app/PendingIntent;Landroid/app/PendingIntent;)V");
        assertEquals(SinkKind.SMS, sms.kind());
        assertEquals("sms.listed", sms.channel());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), sms.dataArgs());
        assertTrue(sms.sends());
        Sink log = sink(list, "Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I");
        assertTrue(log.isStatic(), "static as the built-in entry says: no receiver");
        assertEquals(List.of(1, 2), log.dataArgs());
        assertEquals(SinkKind.LOG, log.kind());
        Sink bridge = sink(list, "Landroid/webkit/WebView;->addJavascriptInterface(Ljava/lang/Object;Ljava/lang/String;)V");
        assertTrue(bridge.sends(), "the built-in entry only names a destination; a listed sink is a sink");
        assertEquals(SinkKind.IPC, bridge.kind());
    }

    @Test
    void anUnknownSinkTakesItsKindFromItsClass() {
        SourceSinkList list = parse(
                "<android.telephony.gsm.SmsManager: void sendDataMessage(java.lang.String,java.lang.String,short,byte[],"
                        + "android.app.PendingIntent,android.app.PendingIntent)> -> _SINK_",
                "<java.io.FileWriter: void write(java.lang.String)> -> _SINK_",
                "<org.apache.http.impl.client.DefaultHttpClient: org.apache.http.HttpResponse execute("
                        + "org.apache.http.client.methods.HttpUriRequest)> -> _SINK_",
                "<com.movieshow.down.Badaccents: void startActivity(android.content.Intent)> -> _SINK_",
                "<java.io.OutputStream: void write(byte[])> -> _SINK_",
                "<java.lang.reflect.Method: java.lang.Object invoke(java.lang.Object,java.lang.Object[])> -> _SINK_");
        assertEquals(List.of(SinkKind.SMS, SinkKind.FILE, SinkKind.NETWORK, SinkKind.IPC, SinkKind.OTHER, SinkKind.OTHER),
                list.sinks().stream().map(Sink::kind).toList());
        Sink write = sink(list, "Ljava/io/OutputStream;->write([B)V");
        assertFalse(write.streamWrite(), "the built-in stream entry's routing does not apply: the receiver is data too");
        assertEquals(List.of(0, 1), write.dataArgs());
        assertEquals("other.listed", write.channel());
    }

    @Test
    void commentsBlankLinesBothAndNoneAndRepeats() {
        SourceSinkList list = parse(
                "% FlowDroid comment",
                "",
                "   ",
                "<java.net.HttpURLConnection: java.io.InputStream getInputStream()> -> _BOTH_",
                "<android.location.Location: double getLongitude()> -> _NONE_",
                "  <java.net.HttpURLConnection: java.io.InputStream getInputStream()>   ->   _SOURCE_  ");
        assertEquals(1, list.sources().size());
        assertEquals(1, list.sinks().size());
        assertEquals(MethodRef.parse("Ljava/net/HttpURLConnection;->getInputStream()Ljava/io/InputStream;"),
                list.sinks().get(0).api());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<android.telephony.TelephonyManager: java.lang.String getDeviceId()>",
        "<android.telephony.TelephonyManager: java.lang.String getDeviceId()> -> _SOURCE",
        "<android.telephony.TelephonyManager java.lang.String getDeviceId()> -> _SOURCE_",
        "<android.telephony.TelephonyManager: getDeviceId()> -> _SOURCE_",
        "<android.telephony.TelephonyManager: java.lang.String getDeviceId(> -> _SOURCE_",
        "<java.io.File: java.io.File <init>(java.lang.String)> -> _SOURCE_",
        "<java.io.File: void <init>(void)> -> _SOURCE_",
        "<android.util.Log: int i(java.lang.String,,java.lang.String)> -> _SINK_",
        "android.telephony.TelephonyManager.getDeviceId -> _SOURCE_",
    })
    void aMalformedLineIsOneErrorNamingFileAndLine(String bad) {
        CatalogException e = assertThrows(CatalogException.class,
                () -> parse("% header", "<android.location.Location: double getLatitude()> -> _SOURCE_", bad));
        assertTrue(e.getMessage().startsWith("list.txt:3: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void applyReplacesSourcesAndSinksAndKeepsTheOtherCatalogues(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("SourcesAndSinks.txt");
        Files.writeString(file, "<android.telephony.TelephonyManager: java.lang.String getDeviceId()> -> _SOURCE_\n"
                + "<android.util.Log: int i(java.lang.String,java.lang.String)> -> _SINK_\n");
        Catalogs listed = SourceSinkList.apply(file, BUILT_IN);
        assertEquals(1, listed.sources().sources().size());
        assertEquals(List.of(), listed.sources().contentUris(), "content URIs belong to sources.json");
        assertEquals(1, listed.sinks().size());
        assertSame(BUILT_IN.models(), listed.models());
        assertSame(BUILT_IN.trackers(), listed.trackers());
        assertSame(BUILT_IN.frameworkCallbacks(), listed.frameworkCallbacks());
        assertSame(BUILT_IN.dataTypes(), listed.sources().dataTypes());
    }

    @Test
    void aMissingFileIsAnError(@TempDir Path dir) {
        CatalogException e = assertThrows(CatalogException.class,
                () -> SourceSinkList.apply(dir.resolve("absent.txt"), BUILT_IN));
        assertTrue(e.getMessage().contains("absent.txt: no such file"), e.getMessage());
    }

    /** The suite's own list, when ../shared is there: every line parses. */
    @Test
    void theTaintBenchListParses() throws IOException {
        Path suite = org.leakscan.testing.JsonSchemaAssert.projectDir()
                .resolve("../shared/taintbench/meta/TB_SourcesAndSinks.txt").normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(suite), "no TaintBench at " + suite);
        Catalogs listed = SourceSinkList.apply(suite, BUILT_IN);
        assertTrue(listed.sources().sources().size() >= 40, listed.sources().sources().size() + " sources");
        assertTrue(listed.sinks().size() >= 40, listed.sinks().size() + " sinks");
    }
}
