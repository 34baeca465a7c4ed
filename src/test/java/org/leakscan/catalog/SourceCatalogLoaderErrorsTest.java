package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid catalogues fail with one line that names the file, the entry and the problem. */
class SourceCatalogLoaderErrorsTest {

    private static final String GET_STRING = "Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;";

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("unknown data type", source("Lx/A;->a()Ljava/lang/String;", "call", "no-such-type", "return", ""),
                        "sources[0] (Lx/A;->a()Ljava/lang/String;): unknown dataType \"no-such-type\""),
                bad("unknown member", source("Lx/A;->a()Ljava/lang/String;", "call", "sms", "return", ", \"colour\": \"red\""),
                        "sources[0] (Lx/A;->a()Ljava/lang/String;): unknown member colour"),
                bad("malformed descriptor", source("Lx/A;->a()", "call", "sms", "return", ""), "not a DEX method descriptor"),
                bad("field kind with a method", source("Lx/A;->a()I", "field", "sms", "value", ""), "not a DEX field descriptor"),
                bad("return of a void method", source("Lx/A;->a()V", "call", "sms", "return", ""), "returns nothing"),
                bad("argument beyond the descriptor", source("Lx/A;->a([B)I", "call", "sms", "arg2", ""), "names argument 2 but the method has 1"),
                bad("primitive out-parameter", source("Lx/A;->a(I)I", "call", "sms", "arg1", ""), "is a primitive"),
                bad("callback tainting a return", source("Lx/A;->a(I)V", "callback", "sms", "return", ""), "a callback taints paramN"),
                bad("string condition on an int", source("Lx/A;->a(I)Ljava/lang/String;", "call", "sms", "return",
                        ", \"argEquals\": {\"arg\": 1, \"value\": \"x\"}"), "compares a string with argument 1 of type I"),
                bad("integer condition on a string", source(GET_STRING, "call", "sms", "return",
                        ", \"argEquals\": {\"arg\": 2, \"value\": 3}"), "compares an integer with argument 2"),
                bad("condition on a callback", source("Lx/A;->a(Ljava/lang/String;)V", "callback", "sms", "param1",
                        ", \"argEquals\": {\"arg\": 1, \"value\": \"x\"}"), "argEquals applies to calls only"),
                bad("short permission", source("Lx/A;->a()Ljava/lang/String;", "call", "sms", "return",
                        ", \"permissions\": {\"anyOf\": [\"READ_SMS\"]}"), "is not a full permission name"),
                bad("both relations", source("Lx/A;->a()Ljava/lang/String;", "call", "sms", "return",
                        ", \"permissions\": {\"anyOf\": [\"android.permission.READ_SMS\"], \"allOf\": [\"android.permission.READ_SMS\"]}"),
                        "exactly one of anyOf, allOf"),
                bad("deprecated before added", source("Lx/A;->a()Ljava/lang/String;", "call", "sms", "return",
                        ", \"addedIn\": 20, \"deprecatedIn\": 10"), "deprecatedIn 10 is before addedIn 20"),
                bad("duplicate api and condition", doc("""
                        {"api": "%1$s", "kind": "call", "dataType": "sms", "taints": "return", "argEquals": {"arg": 2, "value": "a"}},
                        {"api": "%1$s", "kind": "call", "dataType": "sms", "taints": "return", "argEquals": {"arg": 2, "value": "b"}},
                        {"api": "%1$s", "kind": "call", "dataType": "mms", "taints": "return", "argEquals": {"arg": 2, "value": "a"}}
                        """.formatted(GET_STRING), "", ""), "sources[2] (" + GET_STRING + "): same api and argEquals as sources[0]"),
                bad("URI reader without a Uri", doc("", "", "\"Landroid/content/ContentResolver;->query(Ljava/lang/String;)Landroid/database/Cursor;\""),
                        "uriReaders[0] (Landroid/content/ContentResolver;->query(Ljava/lang/String;)Landroid/database/Cursor;): no android.net.Uri parameter"),
                bad("the same URI twice", doc("", """
                        {"uri": "content://sms", "match": "prefix", "fields": [], "dataType": "sms"},
                        {"uri": "content://mms", "match": "prefix", "aliases": ["content://sms"], "fields": [], "dataType": "mms"}
                        """, ""), "contentUris[1] (content://mms): URI content://sms already appears in contentUris[0]"),
                bad("a non-Uri field", doc("", """
                        {"uri": "content://sms", "match": "prefix", "fields": ["Landroid/os/Build;->SERIAL:Ljava/lang/String;"], "dataType": "sms"}
                        """, ""), "is not of type android.net.Uri"),
                bad("not a content URI", doc("", """
                        {"uri": "https://example.com", "match": "prefix", "fields": [], "dataType": "sms"}
                        """, ""), "is not a content:// URI"),
                bad("wrong schema", "{\"schema\": \"leakscan-sources/9\", \"sources\": [], \"contentUris\": [], \"uriReaders\": []}",
                        "\"schema\" must be \"leakscan-sources/1\""),
                bad("malformed JSON", "{\"schema\": \"leakscan-sources/1\", \"sources\": [", "malformed JSON"),
                bad("a top-level array", "[]", "the top level is not a JSON object"),
                bad("a comment", "{\"schema\": \"leakscan-sources/1\" /* no */, \"sources\": [], \"contentUris\": [], \"uriReaders\": []}",
                        "malformed JSON"),
                bad("text after the document", doc("", "", "") + " {}", "text after the top-level value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void isRejectedWithAOneLineMessage(String what, String json, String expected) {
        CatalogException e = assertThrows(CatalogException.class,
                () -> SourceCatalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        String message = e.getMessage();
        assertTrue(message.startsWith("sources.json: "), message);
        assertTrue(message.contains(expected), "expected \"" + expected + "\" in: " + message);
        assertFalse(message.contains("\n"), "not one line: " + message);
    }

    private static Arguments bad(String what, String json, String expected) {
        return Arguments.of(what, json, expected);
    }

    private static String source(String api, String kind, String dataType, String taints, String more) {
        return doc("{\"api\": \"" + api + "\", \"kind\": \"" + kind + "\", \"dataType\": \"" + dataType
                + "\", \"taints\": \"" + taints + "\"" + more + "}", "", "");
    }

    private static String doc(String sources, String uris, String readers) {
        return "{\"schema\": \"leakscan-sources/1\", \"sources\": [" + sources + "], \"contentUris\": [" + uris
                + "], \"uriReaders\": [" + readers + "]}";
    }
}
