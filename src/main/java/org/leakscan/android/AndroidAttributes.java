package org.leakscan.android;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Framework resource ids of the {@code android:} attributes manifests use ({@code android.R.attr},
 * {@code 0x0101xxxx}). Android identifies manifest attributes by these ids, so the binary path
 * matches by id, and the text path assigns the same ids so that both trees look alike.
 *
 * <p>Framework attribute ids never change once published. The values here were read from
 * {@code android/R$attr.class} of {@code org.robolectric:android-all:14-robolectric-10818077}
 * (API 34), and {@code AndroidAttributesTest} checks every entry against that class.
 */
public final class AndroidAttributes {

    private static final Map<String, Integer> IDS = Map.ofEntries(
            Map.entry("allowAudioPlaybackCapture", 0x01010601),
            Map.entry("allowBackup", 0x01010280),
            Map.entry("allowClearUserData", 0x01010005),
            Map.entry("allowEmbedded", 0x010103f5),
            Map.entry("allowNativeHeapPointerTagging", 0x01010612),
            Map.entry("allowSharedIsolatedProcess", 0x0101067d),
            Map.entry("allowTaskReparenting", 0x01010204),
            Map.entry("alwaysRetainTaskState", 0x01010203),
            Map.entry("appComponentFactory", 0x0101057a),
            Map.entry("attributionTags", 0x01010642),
            Map.entry("authorities", 0x01010018),
            Map.entry("autoVerify", 0x010104ee),
            Map.entry("backupAgent", 0x0101027f),
            Map.entry("banner", 0x010103f2),
            Map.entry("classLoader", 0x0101056b),
            Map.entry("clearTaskOnLaunch", 0x01010015),
            Map.entry("compileSdkVersion", 0x01010572),
            Map.entry("compileSdkVersionCodename", 0x01010573),
            Map.entry("configChanges", 0x0101001f),
            Map.entry("crossProfile", 0x0101060e),
            Map.entry("dataExtractionRules", 0x0101063e),
            Map.entry("debuggable", 0x0101000f),
            Map.entry("defaultToDeviceProtectedStorage", 0x01010504),
            Map.entry("description", 0x01010020),
            Map.entry("directBootAware", 0x01010505),
            Map.entry("documentLaunchMode", 0x01010445),
            Map.entry("enableOnBackInvokedCallback", 0x0101066c),
            Map.entry("enabled", 0x0101000e),
            Map.entry("excludeFromRecents", 0x01010017),
            Map.entry("exported", 0x01010010),
            Map.entry("extractNativeLibs", 0x010104ea),
            Map.entry("finishOnTaskLaunch", 0x01010014),
            Map.entry("forceQueryable", 0x01010608),
            Map.entry("foregroundServiceType", 0x01010599),
            Map.entry("fullBackupContent", 0x010104eb),
            Map.entry("functionalTest", 0x01010023),
            Map.entry("glEsVersion", 0x01010281),
            Map.entry("grantUriPermissions", 0x0101001b),
            Map.entry("gwpAsanMode", 0x01010616),
            Map.entry("handleProfiling", 0x01010022),
            Map.entry("hardwareAccelerated", 0x010102d3),
            Map.entry("hasCode", 0x0101000c),
            Map.entry("hasFragileUserData", 0x0101059a),
            Map.entry("host", 0x01010028),
            Map.entry("icon", 0x01010002),
            Map.entry("initOrder", 0x0101001a),
            Map.entry("installLocation", 0x010102b7),
            Map.entry("isFeatureSplit", 0x0101055b),
            Map.entry("isolatedProcess", 0x010103a9),
            Map.entry("killAfterRestore", 0x0101029c),
            Map.entry("label", 0x01010001),
            Map.entry("largeHeap", 0x0101035a),
            Map.entry("launchMode", 0x0101001d),
            Map.entry("localeConfig", 0x0101065b),
            Map.entry("logo", 0x010102be),
            Map.entry("maxSdkVersion", 0x01010271),
            Map.entry("memtagMode", 0x01010624),
            Map.entry("mimeType", 0x01010026),
            Map.entry("minSdkVersion", 0x0101020c),
            Map.entry("multiprocess", 0x01010013),
            Map.entry("name", 0x01010003),
            Map.entry("networkSecurityConfig", 0x01010527),
            Map.entry("noHistory", 0x0101022d),
            Map.entry("parentActivityName", 0x010103a7),
            Map.entry("path", 0x0101002a),
            Map.entry("pathAdvancedPattern", 0x01010620),
            Map.entry("pathPattern", 0x0101002c),
            Map.entry("pathPrefix", 0x0101002b),
            Map.entry("pathSuffix", 0x0101061e),
            Map.entry("permission", 0x01010006),
            Map.entry("permissionFlags", 0x010103c7),
            Map.entry("permissionGroup", 0x0101000a),
            Map.entry("persistent", 0x0101000d),
            Map.entry("port", 0x01010029),
            Map.entry("preserveLegacyExternalStorage", 0x01010614),
            Map.entry("priority", 0x0101001c),
            Map.entry("process", 0x01010011),
            Map.entry("protectionLevel", 0x01010009),
            Map.entry("readPermission", 0x01010007),
            Map.entry("requestLegacyExternalStorage", 0x01010603),
            Map.entry("requestRawExternalStorageAccess", 0x01010645),
            Map.entry("required", 0x0101028e),
            Map.entry("requiredFeature", 0x01010554),
            Map.entry("resizeableActivity", 0x010104f6),
            Map.entry("resource", 0x01010025),
            Map.entry("restoreAnyVersion", 0x010102ba),
            Map.entry("roundIcon", 0x0101052c),
            Map.entry("scheme", 0x01010027),
            Map.entry("screenOrientation", 0x0101001e),
            Map.entry("sharedUserId", 0x0101000b),
            Map.entry("sharedUserLabel", 0x01010261),
            Map.entry("showWhenLocked", 0x01010569),
            Map.entry("singleUser", 0x010103bf),
            Map.entry("ssp", 0x010103e3),
            Map.entry("sspPattern", 0x010103e5),
            Map.entry("sspPrefix", 0x010103e4),
            Map.entry("stateNotNeeded", 0x01010016),
            Map.entry("stopWithTask", 0x0101036a),
            Map.entry("supportsRtl", 0x010103af),
            Map.entry("syncable", 0x01010019),
            Map.entry("tag", 0x010100d1),
            Map.entry("targetActivity", 0x01010202),
            Map.entry("targetPackage", 0x01010021),
            Map.entry("targetProcesses", 0x01010541),
            Map.entry("targetSdkVersion", 0x01010270),
            Map.entry("taskAffinity", 0x01010012),
            Map.entry("testOnly", 0x01010272),
            Map.entry("theme", 0x01010000),
            Map.entry("turnScreenOn", 0x0101056a),
            Map.entry("uiOptions", 0x01010398),
            Map.entry("useEmbeddedDex", 0x0101059e),
            Map.entry("usesCleartextTraffic", 0x010104ec),
            Map.entry("usesNonSdkApi", 0x0101058e),
            Map.entry("usesPermissionFlags", 0x01010644),
            Map.entry("value", 0x01010024),
            Map.entry("versionCode", 0x0101021b),
            Map.entry("versionCodeMajor", 0x01010576),
            Map.entry("versionName", 0x0101021c),
            Map.entry("visibleToInstantApps", 0x01010531),
            Map.entry("vmSafeMode", 0x010102b8),
            Map.entry("windowSoftInputMode", 0x0101022b),
            Map.entry("writePermission", 0x01010008),
            Map.entry("zygotePreloadName", 0x0101059d)
    );

    private static final Map<Integer, String> NAMES = invert(IDS);

    private AndroidAttributes() {
    }

    /** The framework id of attribute {@code name} (without {@code android:}), or 0 when not in this table. */
    public static int id(String name) {
        Integer id = IDS.get(name);
        return id == null ? 0 : id;
    }

    /** The attribute name for a framework id, when it is in this table. */
    public static Optional<String> name(int id) {
        return Optional.ofNullable(NAMES.get(id));
    }

    /** Every name and id in this table. */
    public static Map<String, Integer> all() {
        return IDS;
    }

    private static Map<Integer, String> invert(Map<String, Integer> ids) {
        Map<Integer, String> names = new HashMap<>();
        ids.forEach((name, id) -> names.put(id, name));
        return Map.copyOf(names);
    }
}
