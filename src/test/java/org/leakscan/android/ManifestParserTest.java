package org.leakscan.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leakscan.testing.ArscWriter;
import org.leakscan.testing.AxmlWriter;

class ManifestParserTest {

    static final String PKG = "com.example.app";

    /** A manifest with {@code <uses-sdk>} and an application whose body {@code body} writes. */
    static AndroidManifest parse(int targetSdk, UnaryOperator<AxmlWriter> body) {
        AxmlWriter writer = new AxmlWriter().start("manifest").attr("package", PKG)
                .start("uses-sdk").androidAttr("minSdkVersion", 14).androidAttr("targetSdkVersion", targetSdk).end()
                .start("application");
        return ManifestParser.parse(BinaryXmlParser.parse(body.apply(writer).end().end().toBytes()), null);
    }

    static Component only(AndroidManifest manifest) {
        assertEquals(1, manifest.components().size(), manifest.components().toString());
        return manifest.components().get(0);
    }

    // ---- exported ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({"activity,ACTIVITY", "activity-alias,ACTIVITY_ALIAS", "service,SERVICE", "receiver,RECEIVER"})
    void componentsWithAnIntentFilterAreExportedByDefault(String element, Component.Kind kind) {
        Component component = only(parse(33, w -> w.start(element).androidAttr("name", ".Thing")
                .start("intent-filter").start("action").androidAttr("name", "com.example.GO").end().end()
                .end()));
        assertEquals(kind, component.kind());
        assertTrue(component.exported());
        assertNull(component.exportedAttribute());
        assertEquals("intent-filter", component.exportedReason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"activity", "activity-alias", "service", "receiver"})
    void componentsWithoutAFilterAreNotExportedByDefault(String element) {
        Component component = only(parse(33, w -> w.start(element).androidAttr("name", ".Thing").end()));
        assertFalse(component.exported());
        assertEquals("default", component.exportedReason());
    }

    @Test
    void explicitExportedWinsOverTheFilterRule() {
        Component component = only(parse(33, w -> w.start("receiver").androidAttr("name", ".R")
                .androidAttr("exported", false)
                .start("intent-filter").start("action").androidAttr("name", "android.intent.action.BOOT_COMPLETED").end().end()
                .end()));
        assertFalse(component.exported());
        assertEquals(Boolean.FALSE, component.exportedAttribute());
        assertEquals("explicit", component.exportedReason());
        assertEquals(List.of("android.intent.action.BOOT_COMPLETED"), component.intentFilters().get(0).actions());
    }

    @ParameterizedTest(name = "targetSdk {0}")
    @CsvSource({"16,true,provider-default-pre-17", "17,false,default", "33,false,default"})
    void providersDefaultToExportedOnlyUpToTargetSdk16(int targetSdk, boolean exported, String reason) {
        Component provider = only(parse(targetSdk, w -> w.start("provider").androidAttr("name", ".Files")
                .androidAttr("authorities", "com.example.files; com.example.other;").end()));
        assertEquals(exported, provider.exported());
        assertEquals(reason, provider.exportedReason());
        assertEquals(List.of("com.example.files", "com.example.other"), provider.authorities());
    }

    @Test
    void explicitlyExportedProviderIsExported() {
        Component provider = only(parse(33, w -> w.start("provider").androidAttr("name", ".P")
                .androidAttr("exported", true).androidAttr("permission", "com.example.READ").end()));
        assertTrue(provider.exported());
        assertEquals("explicit", provider.exportedReason());
        assertEquals("com.example.READ", provider.permission());
    }

    // ---- names ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({".Main,com.example.app.Main", "Main,com.example.app.Main", "com.other.Main,com.other.Main",
            ".ui.Settings,com.example.app.ui.Settings"})
    void classNamesArePrefixedAsAndroidDoes(String declared, String expected) {
        AndroidManifest manifest = parse(33, w -> w.androidAttr("name", declared)
                .start("activity").androidAttr("name", declared).end()
                .start("activity-alias").androidAttr("name", ".Alias").androidAttr("targetActivity", declared).end());
        assertEquals(expected, manifest.application().className());
        assertEquals(expected, manifest.components().get(0).name());
        assertEquals(expected, manifest.components().get(1).targetActivity());
        assertEquals(PKG + ".Alias", manifest.components().get(1).name());
    }

    @Test
    void componentsWithoutANameAndUnknownElementsAreSkipped() {
        AndroidManifest manifest = parse(33, w -> w
                .start("activity").androidAttr("exported", true).end()
                .start("activity").androidAttr("name", "").end()
                .start("made-up-element").androidAttr("name", ".X").end()
                .start("service").androidAttr("name", ".S").androidAttr("enabled", false).end());
        Component service = only(manifest);
        assertEquals(PKG + ".S", service.name());
        assertEquals(Boolean.FALSE, service.enabled());
    }

    @Test
    void onlyTheFirstApplicationCounts() {
        byte[] axml = new AxmlWriter().start("manifest").attr("package", PKG)
                .start("application").androidAttr("debuggable", false)
                .start("activity").androidAttr("name", ".First").end().end()
                .start("application").androidAttr("debuggable", true)
                .start("activity").androidAttr("name", ".Second").end().end()
                .end().toBytes();
        AndroidManifest manifest = ManifestParser.parse(BinaryXmlParser.parse(axml), null);
        assertEquals(Boolean.FALSE, manifest.application().debuggable());
        assertEquals(List.of(PKG + ".First"), manifest.components().stream().map(Component::name).toList());
    }

    @Test
    void rootMustBeManifest() {
        XmlElement root = BinaryXmlParser.parse(new AxmlWriter().start("LinearLayout").end().toBytes());
        MalformedManifestException e = assertThrows(MalformedManifestException.class, () -> ManifestParser.parse(root, null));
        assertEquals("manifest: the root element is <LinearLayout>, not <manifest>", e.getMessage());
    }

    // ---- versions and SDK levels -------------------------------------------------------------------------

    @Test
    void versionCodeCombinesVersionCodeMajor() {
        byte[] axml = new AxmlWriter().start("manifest").attr("package", PKG)
                .androidAttr("versionCode", -1).androidAttr("versionCodeMajor", 2).end().toBytes();
        AndroidManifest manifest = ManifestParser.parse(BinaryXmlParser.parse(axml), null);
        assertEquals(2L << 32 | 0xffffffffL, manifest.versionCode());
    }

    @Test
    void missingVersionCodeIsNull() {
        AndroidManifest manifest = ManifestParser.parse(
                BinaryXmlParser.parse(new AxmlWriter().start("manifest").attr("package", PKG).end().toBytes()), null);
        assertNull(manifest.versionCode());
        assertNull(manifest.versionName());
        assertEquals(Application.NONE, manifest.application());
    }

    @Test
    void sdkDefaultsFollowAndroid() {
        AndroidManifest none = ManifestParser.parse(
                BinaryXmlParser.parse(new AxmlWriter().start("manifest").attr("package", PKG).end().toBytes()), null);
        assertEquals(1, none.minSdk());
        assertEquals(1, none.targetSdk());
        assertNull(none.maxSdk());

        AndroidManifest minOnly = ManifestParser.parse(BinaryXmlParser.parse(new AxmlWriter().start("manifest")
                .attr("package", PKG).start("uses-sdk").androidAttr("minSdkVersion", 21)
                .androidAttr("maxSdkVersion", 30).end().end().toBytes()), null);
        assertEquals(21, minOnly.minSdk());
        assertEquals(21, minOnly.targetSdk());
        assertEquals(30, minOnly.maxSdk());

        AndroidManifest codename = ManifestParser.parse(BinaryXmlParser.parse(new AxmlWriter().start("manifest")
                .attr("package", PKG).start("uses-sdk").androidAttr("minSdkVersion", "Tiramisu").end().end().toBytes()), null);
        assertEquals(ManifestParser.CODENAME_SDK, codename.minSdk());
    }

    // ---- permissions -----------------------------------------------------------------------------------------

    @Test
    void usesPermissionVariantsAndMaxSdkVersion() {
        byte[] axml = new AxmlWriter().start("manifest").attr("package", PKG)
                .start("uses-permission").androidAttr("name", "android.permission.READ_CONTACTS").end()
                .start("uses-permission").androidAttr("name", "android.permission.WRITE_EXTERNAL_STORAGE")
                .androidAttr("maxSdkVersion", 18).end()
                .start("uses-permission-sdk-23").androidAttr("name", "android.permission.ACCESS_FINE_LOCATION").end()
                .start("uses-permission-sdk-m").androidAttr("name", "android.permission.CAMERA").end()
                .start("uses-permission").end()
                .end().toBytes();
        assertEquals(List.of(
                new UsesPermission("android.permission.READ_CONTACTS", null, false),
                new UsesPermission("android.permission.WRITE_EXTERNAL_STORAGE", 18, false),
                new UsesPermission("android.permission.ACCESS_FINE_LOCATION", null, true),
                new UsesPermission("android.permission.CAMERA", null, true)),
                ManifestParser.parse(BinaryXmlParser.parse(axml), null).usesPermissions());
    }

    @Test
    void declaredPermissionsGetNamedProtectionLevels() {
        byte[] axml = new AxmlWriter().start("manifest").attr("package", PKG)
                .start("permission").androidAttr("name", "com.example.A")
                .androidAttr("protectionLevel", ValueTypes.TYPE_INT_HEX, 0x12).androidAttr("permissionGroup", "com.example.G").end()
                .start("permission").androidAttr("name", "com.example.B").end()
                .start("permission").androidAttr("name", "com.example.C").androidAttr("protectionLevel", ValueTypes.TYPE_INT_HEX, 1).end()
                .end().toBytes();
        assertEquals(List.of(
                new PermissionDeclaration("com.example.A", "signature|privileged", "com.example.G"),
                new PermissionDeclaration("com.example.B", "normal", null),
                new PermissionDeclaration("com.example.C", "dangerous", null)),
                ManifestParser.parse(BinaryXmlParser.parse(axml), null).declaredPermissions());
    }

    // ---- references, meta-data, queries ---------------------------------------------------------------------

    @Test
    void referencesResolveThroughTheResourceTable() {
        ArscWriter arsc = new ArscWriter(PKG);
        int version = arsc.string("version", "2.5.1");
        int label = arsc.string("app_name", "Example");
        int apiKey = arsc.string("maps_key", "AIzaSy-EXAMPLE");
        int config = arsc.xml("network_security_config", "res/xml/network_security_config.xml");
        int paths = arsc.xml("file_paths", "res/xml/file_paths.xml");
        int exported = arsc.bool("export_it", true);
        ResourceTable table = ResourceTable.parse(arsc.toBytes());

        byte[] axml = new AxmlWriter().start("manifest").attr("package", PKG).androidRef("versionName", version)
                .start("application").androidRef("label", label).androidRef("networkSecurityConfig", config)
                .androidAttr("usesCleartextTraffic", false).androidAttr("allowBackup", true)
                .start("meta-data").androidAttr("name", "com.google.android.geo.API_KEY").androidRef("value", apiKey).end()
                .start("service").androidAttr("name", ".S").androidRef("exported", exported)
                .start("meta-data").androidAttr("name", "paths").androidRef("resource", paths).end()
                .end()
                .end().end().toBytes();
        XmlElement root = BinaryXmlParser.parse(axml);

        AndroidManifest resolved = ManifestParser.parse(root, table);
        assertEquals("2.5.1", resolved.versionName());
        assertEquals(new Application(null, null, true, false, "xml/network_security_config", "Example"),
                resolved.application());
        assertEquals(List.of(new MetaData("com.google.android.geo.API_KEY", "AIzaSy-EXAMPLE", null)), resolved.metaData());
        Component service = only(resolved);
        assertTrue(service.exported());
        assertEquals("explicit", service.exportedReason());
        assertEquals(List.of(new MetaData("paths", null, "xml/file_paths")), service.metaData());

        AndroidManifest unresolved = ManifestParser.parse(root, null);
        assertEquals(String.format("@0x%08x", version), unresolved.versionName());
        assertEquals(String.format("@0x%08x", config), unresolved.application().networkSecurityConfig());
        assertEquals(String.format("@0x%08x", label), unresolved.application().label());
        assertFalse(only(unresolved).exported(), "an unresolvable reference counts as no attribute");
    }

    @Test
    void textManifestReferencesResolveByName() {
        ArscWriter arsc = new ArscWriter(PKG);
        arsc.string("app_name", "From Text");
        arsc.xml("net", "res/xml/net.xml");
        String xml = """
                <manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.app">
                  <application android:label="@string/app_name" android:networkSecurityConfig="@xml/net"/>
                </manifest>""";
        XmlElement root = TextXmlParser.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals("From Text", ManifestParser.parse(root, ResourceTable.parse(arsc.toBytes())).application().label());
        assertEquals("xml/net", ManifestParser.parse(root, null).application().networkSecurityConfig());
        assertEquals("@string/app_name", ManifestParser.parse(root, null).application().label());
    }

    @Test
    void intentFilterDataAndPriority() {
        Component activity = only(parse(30, w -> w.start("activity").androidAttr("name", ".Deep")
                .start("intent-filter").androidAttr("priority", 999)
                .start("action").androidAttr("name", "android.intent.action.VIEW").end()
                .start("category").androidAttr("name", "android.intent.category.BROWSABLE").end()
                .start("data").androidAttr("scheme", "https").androidAttr("host", "example.com")
                .androidAttr("pathPrefix", "/open").end()
                .start("data").androidAttr("mimeType", "image/*").end()
                .end().end()));
        IntentFilter filter = activity.intentFilters().get(0);
        assertEquals(999, filter.priority());
        assertEquals(List.of("android.intent.category.BROWSABLE"), filter.categories());
        assertEquals(List.of(new IntentData("https", "example.com", null, null, "/open", null, null),
                new IntentData(null, null, null, null, null, null, "image/*")), filter.data());
    }

    @Test
    void queriedPackages() {
        byte[] axml = new AxmlWriter().start("manifest").attr("package", PKG)
                .start("queries").start("package").androidAttr("name", "com.whatsapp").end()
                .start("intent").end().start("package").androidAttr("name", "org.telegram.messenger").end().end()
                .end().toBytes();
        assertEquals(List.of("com.whatsapp", "org.telegram.messenger"),
                ManifestParser.parse(BinaryXmlParser.parse(axml), null).queriedPackages());
    }
}
