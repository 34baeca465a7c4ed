package org.leakscan.testing;

import com.android.aapt.Resources;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.leakscan.android.AndroidAttributes;
import org.leakscan.android.TextXmlParser;
import org.leakscan.android.XmlAttribute;
import org.leakscan.android.XmlElement;

/**
 * Builds the multi-file package formats from the fixture apps: split APKs, XAPK and APKS bundles,
 * and Android App Bundles (whose XML aapt2 writes as protobuf, written here with aapt2-proto's
 * generated classes).
 */
public final class Bundles {

    /** A network security config: cleartext to one domain tree (re-forbidden below it), a pinned domain trusting user CAs, debug overrides. */
    public static final String NETWORK_SECURITY_CONFIG = """
            <?xml version="1.0" encoding="utf-8"?>
            <network-security-config>
              <base-config cleartextTrafficPermitted="false">
                <trust-anchors><certificates src="system"/></trust-anchors>
              </base-config>
              <domain-config cleartextTrafficPermitted="true">
                <domain includeSubdomains="true">insecure.example.com</domain>
                <domain>10.0.2.2</domain>
                <domain-config cleartextTrafficPermitted="false">
                  <domain>secure.insecure.example.com</domain>
                </domain-config>
              </domain-config>
              <domain-config>
                <domain>api.example.org</domain>
                <pin-set expiration="2030-01-01">
                  <pin digest="SHA-256">7HIpactkIAq2Y49orFOOQKurWxmmSFZhBCoQYcRhJ3Y=</pin>
                  <pin digest="SHA-256">fwza0LRMXouZHRC8Ei+4PyuldPDcf3UKgO/04cDM1oE=</pin>
                </pin-set>
                <trust-anchors><certificates src="user"/></trust-anchors>
              </domain-config>
              <debug-overrides><trust-anchors><certificates src="user"/></trust-anchors></debug-overrides>
            </network-security-config>
            """;

    private Bundles() {
    }

    /** The entries of a zip, in order. */
    public static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    /** A zip of these entries, in order, with a fixed time stamp. */
    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setTimeLocal(FixtureCompiler.FIXED_TIME);
                zip.putNextEntry(z);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The zip with some entries added or replaced. */
    public static byte[] withEntries(byte[] zip, Map<String, byte[]> changed) throws IOException {
        Map<String, byte[]> entries = unzip(zip);
        entries.putAll(changed);
        return zip(entries);
    }

    /** A stand-in for a native library: an ELF header, then these NUL-terminated strings between binary noise. */
    public static byte[] fakeElf(String... strings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        out.writeBytes(new byte[56]);
        for (String s : strings) {
            out.writeBytes(new byte[] {1, (byte) 0x90, 0, 3});
            out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
        }
        return out.toByteArray();
    }

    /** A config split APK: a manifest naming the split, no code, and the given files. */
    public static byte[] configSplit(String packageName, String splitName, Map<String, byte[]> files)
            throws IOException {
        byte[] manifest = new AxmlWriter()
                .start("manifest").attr("package", packageName).attr("split", splitName)
                .start("application").androidAttr("hasCode", false).end()
                .end().toBytes();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("AndroidManifest.xml", manifest);
        entries.putAll(files);
        return zip(entries);
    }

    /** Text XML as binary AXML, character data included (a network security config's domains). */
    public static byte[] binaryXml(String text) {
        AxmlWriter w = new AxmlWriter();
        writeAxml(TextXmlParser.parse(text.getBytes(StandardCharsets.UTF_8)), w);
        return w.toBytes();
    }

    private static void writeAxml(XmlElement e, AxmlWriter w) {
        w.start(e.name());
        for (XmlAttribute a : e.attributes()) {
            w.attr(a.namespace(), a.name(), a.resourceId(), a.type(), a.data(), a.rawValue());
        }
        if (e.text() != null) {
            w.text(e.text());
        }
        for (XmlElement c : e.children()) {
            writeAxml(c, w);
        }
        w.end();
    }

    /**
     * Text XML as aapt2's protobuf {@code XmlNode}: {@code android:} attributes get their framework
     * ids; {@code true}/{@code false} and integers become compiled primitives, {@code @type/name}
     * a compiled reference carrying its name, as aapt2 writes them into an AAB.
     */
    public static byte[] protoXml(byte[] text) {
        return Resources.XmlNode.newBuilder()
                .setElement(protoElement(TextXmlParser.parse(text)))
                .build().toByteArray();
    }

    private static Resources.XmlElement protoElement(XmlElement e) {
        Resources.XmlElement.Builder b = Resources.XmlElement.newBuilder().setName(e.name());
        if (e.namespace() != null) {
            b.setNamespaceUri(e.namespace());
        }
        for (XmlAttribute a : e.attributes()) {
            Resources.XmlAttribute.Builder attr = Resources.XmlAttribute.newBuilder().setName(a.name())
                    .setValue(a.rawValue() == null ? "" : a.rawValue());
            if (a.namespace() != null) {
                attr.setNamespaceUri(a.namespace());
            }
            if (a.isAndroid()) {
                attr.setResourceId(AndroidAttributes.id(a.name()));
            }
            String raw = a.rawValue() == null ? "" : a.rawValue();
            if (raw.equals("true") || raw.equals("false")) {
                attr.setCompiledItem(Resources.Item.newBuilder().setPrim(
                        Resources.Primitive.newBuilder().setBooleanValue(raw.equals("true"))));
            } else if (raw.matches("-?\\d{1,9}")) {
                attr.setCompiledItem(Resources.Item.newBuilder().setPrim(
                        Resources.Primitive.newBuilder().setIntDecimalValue(Integer.parseInt(raw))));
            } else if (raw.startsWith("@") && raw.contains("/")) {
                attr.setCompiledItem(Resources.Item.newBuilder().setRef(
                        Resources.Reference.newBuilder().setId(0x7f010000 + (raw.hashCode() & 0xff))
                                .setName(raw.substring(1))));
            }
            b.addAttribute(attr);
        }
        if (e.text() != null) {
            b.addChild(Resources.XmlNode.newBuilder().setText(e.text()));
        }
        for (XmlElement c : e.children()) {
            b.addChild(Resources.XmlNode.newBuilder().setElement(protoElement(c)));
        }
        return b.build();
    }

    /**
     * An Android App Bundle of a fixture folder: its manifest as protobuf XML in
     * {@code base/manifest/}, its DEX in {@code base/dex/}, its assets in {@code base/assets/},
     * plus {@code extra} entries (full paths, e.g. {@code base/res/xml/…} or a feature module's).
     */
    public static byte[] aab(Path src, byte[] dex, byte[] textManifest, Map<String, byte[]> extra)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("BundleConfig.pb", new byte[0]);
        entries.put("base/manifest/AndroidManifest.xml", protoXml(textManifest));
        entries.put("base/dex/classes.dex", dex);
        Path assets = src.resolve("assets");
        if (Files.isDirectory(assets)) {
            try (var walk = Files.walk(assets)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    entries.put("base/assets/" + assets.relativize(p).toString().replace('\\', '/'),
                            Files.readAllBytes(p));
                }
            }
        }
        entries.putAll(extra);
        return zip(entries);
    }
}
