package org.leakscan.catalog.generate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.leakscan.android.BinaryXmlParser;
import org.leakscan.android.ProtectionLevel;
import org.leakscan.android.XmlAttribute;
import org.leakscan.android.XmlElement;

/**
 * Generates {@code signatures/permissions.json}: every permission the Android platform defines,
 * with its protection level and group, read from the platform's own binary
 * {@code AndroidManifest.xml} (framework-res) inside the framework jar with leakscan's own AXML
 * parser.
 *
 * <p>Groups: up to API 28 the platform manifest carried {@code permissionGroup}; from API 29 every
 * platform permission says {@code android.permission-group.UNDEFINED} and the runtime grouping the
 * user sees lives in PermissionController. That grouping is written here as {@link #RUNTIME_GROUPS}
 * (from PermissionController's {@code PLATFORM_PERMISSIONS} as summarised in
 * {@code ../shared/API-FACTS.md} §1.4) and applied on top of what the manifest says.
 */
public final class PermissionsGenerator {

    public static final String SCHEMA = "leakscan-permissions/1";

    /** Runtime permission groups as PermissionController shows them (API 29+). */
    static final Map<String, List<String>> RUNTIME_GROUPS = Map.ofEntries(
            Map.entry("CONTACTS", List.of("READ_CONTACTS", "WRITE_CONTACTS", "GET_ACCOUNTS")),
            Map.entry("CALENDAR", List.of("READ_CALENDAR", "WRITE_CALENDAR")),
            Map.entry("SMS", List.of("SEND_SMS", "RECEIVE_SMS", "READ_SMS", "RECEIVE_MMS", "RECEIVE_WAP_PUSH",
                    "READ_CELL_BROADCASTS")),
            Map.entry("STORAGE", List.of("READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE")),
            Map.entry("READ_MEDIA_AURAL", List.of("READ_MEDIA_AUDIO")),
            Map.entry("READ_MEDIA_VISUAL", List.of("READ_MEDIA_IMAGES", "READ_MEDIA_VIDEO", "ACCESS_MEDIA_LOCATION",
                    "READ_MEDIA_VISUAL_USER_SELECTED")),
            Map.entry("LOCATION", List.of("ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION",
                    "ACCESS_BACKGROUND_LOCATION")),
            Map.entry("NEARBY_DEVICES", List.of("BLUETOOTH_ADVERTISE", "BLUETOOTH_CONNECT", "BLUETOOTH_SCAN",
                    "UWB_RANGING", "NEARBY_WIFI_DEVICES")),
            Map.entry("CALL_LOG", List.of("READ_CALL_LOG", "WRITE_CALL_LOG", "PROCESS_OUTGOING_CALLS")),
            Map.entry("PHONE", List.of("READ_PHONE_STATE", "READ_PHONE_NUMBERS", "CALL_PHONE", "ADD_VOICEMAIL",
                    "USE_SIP", "ANSWER_PHONE_CALLS", "ACCEPT_HANDOVER")),
            Map.entry("MICROPHONE", List.of("RECORD_AUDIO", "RECORD_BACKGROUND_AUDIO")),
            Map.entry("ACTIVITY_RECOGNITION", List.of("ACTIVITY_RECOGNITION")),
            Map.entry("CAMERA", List.of("CAMERA", "BACKGROUND_CAMERA")),
            Map.entry("SENSORS", List.of("BODY_SENSORS", "BODY_SENSORS_BACKGROUND")),
            Map.entry("NOTIFICATIONS", List.of("POST_NOTIFICATIONS")));

    private PermissionsGenerator() {
    }

    /** Arguments: the framework jar, the output file. Prints a one-line summary to stderr. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PermissionsGenerator <android-all.jar> <permissions.json>");
            System.exit(2);
        }
        String json = generate(Path.of(args[0]));
        Files.writeString(Path.of(args[1]), json, StandardCharsets.UTF_8);
        System.err.printf("permissions: %d bytes -> %s%n", json.getBytes(StandardCharsets.UTF_8).length, args[1]);
    }

    /** The catalogue as JSON text, from the framework jar's platform manifest. */
    public static String generate(Path frameworkJar) throws IOException {
        byte[] manifest = platformManifest(frameworkJar);
        if (manifest == null) {
            throw new IOException(frameworkJar + " has no platform AndroidManifest.xml");
        }
        int apiLevel = FrameworkJar.apiLevelOf(frameworkJar);
        return generate(manifest, FrameworkJar.artifactOf(frameworkJar), apiLevel);
    }

    /** The binary platform manifest (framework-res) in a framework jar, or null when it has none. */
    static byte[] platformManifest(Path frameworkJar) throws IOException {
        try (ZipFile zip = new ZipFile(frameworkJar.toFile())) {
            ZipEntry e = zip.getEntry("AndroidManifest.xml");
            if (e == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(e)) {
                return in.readAllBytes();
            }
        }
    }

    /** Every permission a platform manifest defines, with its protection level as text, by name. */
    static Map<String, String> definitions(byte[] platformManifest) {
        Map<String, String> out = new TreeMap<>();
        for (XmlElement p : BinaryXmlParser.parse(platformManifest).children("permission")) {
            String name = p.androidString("name").orElse(null);
            if (name != null) {
                out.putIfAbsent(name, ProtectionLevel.format(protectionLevel(p)));
            }
        }
        return out;
    }

    private static int protectionLevel(XmlElement permission) {
        return permission.androidAttribute("protectionLevel").flatMap(XmlAttribute::asInt).orElse(0);
    }

    /** The catalogue for one platform manifest. */
    public static String generate(byte[] platformManifest, String artifact, int apiLevel) {
        Map<String, String> runtimeGroup = new TreeMap<>();
        RUNTIME_GROUPS.forEach((group, names) -> names.forEach(
                n -> runtimeGroup.put("android.permission." + n, "android.permission-group." + group)));
        XmlElement root = BinaryXmlParser.parse(platformManifest);
        TreeMap<String, JsonObject> permissions = new TreeMap<>();
        int dangerous = 0;
        for (XmlElement p : root.children("permission")) {
            String name = p.androidString("name").orElse(null);
            if (name == null || permissions.containsKey(name)) {
                continue;
            }
            int level = protectionLevel(p);
            String protection = ProtectionLevel.format(level);
            if ((level & ProtectionLevel.MASK_BASE) == 1) {
                dangerous++;
            }
            JsonObject o = new JsonObject();
            o.addProperty("name", name);
            o.addProperty("protection", protection);
            String group = runtimeGroup.get(name);
            if (group == null) {
                group = p.androidString("permissionGroup").filter(g -> !g.endsWith(".UNDEFINED")).orElse(null);
            }
            if (group != null) {
                o.addProperty("group", group);
            }
            permissions.put(name, o);
        }
        JsonObject source = new JsonObject();
        source.addProperty("artifact", artifact);
        source.addProperty("apiLevel", apiLevel);
        source.addProperty("from", "AndroidManifest.xml (framework-res) <permission> elements; runtime groups from PermissionController");
        source.addProperty("permissions", permissions.size());
        source.addProperty("dangerous", dangerous);
        JsonObject top = new JsonObject();
        top.addProperty("schema", SCHEMA);
        top.add("source", source);
        JsonArray list = new JsonArray();
        permissions.values().forEach(list::add);
        top.add("permissions", list);
        StringBuilder out = new StringBuilder();
        CatalogueJson.writeObject(out, top, "", List.of("permissions"), List.of("source"));
        return out.append('\n').toString();
    }
}
