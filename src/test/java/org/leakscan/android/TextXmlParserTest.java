package org.leakscan.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.testing.AxmlWriter;

class TextXmlParserTest {

    static final String MANIFEST = """
            <?xml version="1.0" encoding="utf-8"?>
            <!-- an AAR library's manifest -->
            <manifest xmlns:android="http://schemas.android.com/apk/res/android"
                xmlns:tools="http://schemas.android.com/tools"
                package="com.example.library">
                <uses-sdk android:minSdkVersion="19" />
                <uses-permission android:name="android.permission.INTERNET" android:maxSdkVersion="0x1c" />
                <application android:label="@string/lib_name" tools:ignore="Foo">
                    <service android:name=".SyncService" android:exported="false">
                        text that is not kept
                    </service>
                </application>
            </manifest>
            """;

    static XmlElement parse(String xml) {
        return TextXmlParser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheSameShapeOfTreeAsBinaryXml() {
        XmlElement root = parse(MANIFEST);
        assertEquals("manifest", root.name());
        assertNull(root.namespace());
        XmlAttribute pkg = root.attribute(null, "package").orElseThrow();
        assertEquals("com.example.library", pkg.stringValue());
        assertEquals(0, pkg.resourceId());

        XmlAttribute minSdk = root.child("uses-sdk").orElseThrow().androidAttribute("minSdkVersion").orElseThrow();
        assertEquals(0x0101020c, minSdk.resourceId());
        assertEquals(ValueTypes.TYPE_INT_DEC, minSdk.type());
        assertEquals(19, minSdk.data());
        assertEquals("19", minSdk.rawValue());

        XmlAttribute maxSdk = root.child("uses-permission").orElseThrow().androidAttribute("maxSdkVersion").orElseThrow();
        assertEquals(ValueTypes.TYPE_INT_HEX, maxSdk.type());
        assertEquals(28, maxSdk.asInt().orElseThrow());

        XmlElement service = root.child("application").orElseThrow().child("service").orElseThrow();
        XmlAttribute exported = service.androidAttribute("exported").orElseThrow();
        assertEquals(ValueTypes.TYPE_INT_BOOLEAN, exported.type());
        assertFalse(exported.asBoolean().orElseThrow());
        assertEquals(".SyncService", service.androidString("name").orElseThrow());

        XmlAttribute label = root.child("application").orElseThrow().androidAttribute("label").orElseThrow();
        assertEquals(ValueTypes.TYPE_STRING, label.type(), "references stay literal text without a resource table");
        assertEquals("@string/lib_name", label.stringValue());

        XmlAttribute ignore = root.child("application").orElseThrow()
                .attribute("http://schemas.android.com/tools", "ignore").orElseThrow();
        assertEquals(ValueTypes.TYPE_STRING, ignore.type());
        assertEquals(0, ignore.resourceId());
    }

    @Test
    void binaryAndTextFormsOfOneManifestGiveTheSameAndroidValues() {
        XmlElement text = parse("""
                <manifest xmlns:android="http://schemas.android.com/apk/res/android" package="p"
                    android:versionCode="3" android:versionName="1.0">
                  <application android:debuggable="true"/>
                </manifest>""");
        XmlElement binary = BinaryXmlParser.parse(new AxmlWriter().start("manifest").attr("package", "p")
                .androidAttr("versionCode", 3).androidAttr("versionName", "1.0")
                .start("application").androidAttr("debuggable", true).end().end().toBytes());
        for (XmlElement root : new XmlElement[] {text, binary}) {
            assertEquals(3, root.androidAttribute("versionCode").orElseThrow().asInt().orElseThrow());
            assertEquals("1.0", root.androidString("versionName").orElseThrow());
            assertEquals("true", root.child("application").orElseThrow().androidString("debuggable").orElseThrow());
            assertEquals(0x0101000f, root.child("application").orElseThrow().androidAttribute("debuggable").orElseThrow()
                    .resourceId());
        }
    }

    @Test
    void attributesAreOrderedByIdAsAaptCompilesThem() {
        XmlElement activity = parse("""
                <activity xmlns:android="http://schemas.android.com/apk/res/android" tag="x"
                    android:exported="true" android:name=".Late"/>""");
        assertEquals(List.of("name", "exported", "tag"), activity.attributes().stream().map(XmlAttribute::name).toList());
        assertEquals(".Late", activity.androidString("name").orElseThrow(), "an id written after a larger one is still found");
    }

    @Test
    void unknownAndroidAttributesKeepNoIdAndAreFoundByName() {
        XmlElement root = parse("<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\""
                + " android:someFutureAttribute=\"true\"/>");
        XmlAttribute attribute = root.attributes().get(0);
        assertEquals(0, attribute.resourceId());
        assertEquals(ValueTypes.TYPE_STRING, attribute.type());
        assertEquals("true", root.androidString("someFutureAttribute").orElseThrow(), "found by namespace and name");
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path temp) throws Exception {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE manifest [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<manifest package=\"&xxe;\"/>";
        MalformedXmlException e = assertThrows(MalformedXmlException.class, () -> parse(xxe));
        assertFalse(e.getMessage().contains("TOP-SECRET"));
        assertTrue(e.getMessage().startsWith("text XML: line 2"), e.getMessage());
    }

    @Test
    void entityExpansionBombsAreRejected() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><manifest package=\"&lol2;\"/>";
        assertThrows(MalformedXmlException.class, () -> parse(bomb));
    }

    @Test
    void malformedTextGivesOneLineWithItsPosition() {
        MalformedXmlException e = assertThrows(MalformedXmlException.class,
                () -> parse("<manifest>\n  <application>\n</manifest>"));
        assertTrue(e.getMessage().startsWith("text XML: line 3, column"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void emptyDocumentIsRejected() {
        assertThrows(MalformedXmlException.class, () -> parse(""));
    }
}
