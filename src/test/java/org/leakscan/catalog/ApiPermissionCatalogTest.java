package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.catalog.PermissionRequirement.Relation;
import org.leakscan.program.FieldRef;
import org.leakscan.program.MethodRef;

/**
 * The shipped API to permission map: the sanity rows of API-FACTS §1.3 (at the newest level), the
 * per-level rows (#15: what the annotations of API 23-36 say, and since which level a member
 * exists), lookups, and bad input.
 */
class ApiPermissionCatalogTest {

    private static final String TM = "Landroid/telephony/TelephonyManager;";
    private static final ApiPermissionCatalog CATALOG = ApiPermissionCatalog.loadDefault();

    private static PermissionRequirement method(String api) {
        PermissionRequirement r = CATALOG.permissionsFor(MethodRef.parse(api));
        assertNotNull(r, "no entry for " + api);
        return r;
    }

    @Test
    void imeiNeedsPrivilegedPhoneState() {
        PermissionRequirement r = method(TM + "->getImei()Ljava/lang/String;");
        assertEquals(Relation.ALL_OF, r.relation());
        assertEquals(List.of("android.permission.READ_PRIVILEGED_PHONE_STATE"), r.permissions());
        assertFalse(r.conditional());
    }

    @Test
    void line1NumberNeedsAnyOfThree() {
        PermissionRequirement r = CATALOG.permissionsFor(TM, "getLine1Number()Ljava/lang/String;");
        assertEquals(Relation.ANY_OF, r.relation());
        assertEquals(Set.of("android.permission.READ_PHONE_STATE", "android.permission.READ_SMS",
                "android.permission.READ_PHONE_NUMBERS"), Set.copyOf(r.permissions()));
        assertTrue(r.isSatisfiedBy(Set.of("android.permission.READ_SMS")));
        assertFalse(r.isSatisfiedBy(Set.of("android.permission.INTERNET")));
    }

    @Test
    void lastKnownLocationNeedsCoarseOrFine() {
        PermissionRequirement r = method(
                "Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;");
        assertEquals(Relation.ANY_OF, r.relation());
        assertEquals(List.of("android.permission.ACCESS_COARSE_LOCATION", "android.permission.ACCESS_FINE_LOCATION"),
                r.permissions());
    }

    @Test
    void wifiScanResultsNeedWifiStateAndFineLocation() {
        PermissionRequirement scan = method("Landroid/net/wifi/WifiManager;->getScanResults()Ljava/util/List;");
        assertEquals(Relation.ALL_OF, scan.relation());
        assertEquals(List.of("android.permission.ACCESS_FINE_LOCATION", "android.permission.ACCESS_WIFI_STATE"),
                scan.permissions());
        assertFalse(scan.conditional());
        assertFalse(scan.isSatisfiedBy(Set.of("android.permission.ACCESS_WIFI_STATE")));

        PermissionRequirement info = method(
                "Landroid/net/wifi/WifiManager;->getConnectionInfo()Landroid/net/wifi/WifiInfo;");
        assertEquals(scan.permissions(), info.permissions());
        assertTrue(info.conditional(), "location is needed only for SSID/BSSID");
    }

    @Test
    void bluetoothNameNeedsConnect() {
        assertEquals(List.of("android.permission.BLUETOOTH_CONNECT"),
                method("Landroid/bluetooth/BluetoothAdapter;->getName()Ljava/lang/String;").allOf());
    }

    @Test
    void subscriberIdIsNotTheAxplorerError() {
        PermissionRequirement r = method(TM + "->getSubscriberId()Ljava/lang/String;");
        assertFalse(r.permissions().contains("android.permission.ACCESS_NETWORK_STATE"));
        assertEquals(List.of("android.permission.READ_PRIVILEGED_PHONE_STATE"), r.permissions());
    }

    @Test
    void unannotatedMethodHasNoEntry() {
        // No permission since API 26, and AOSP 14 carries no annotation on it.
        assertNull(CATALOG.permissionsFor("Landroid/accounts/AccountManager;", "getAccounts()[Landroid/accounts/Account;"));
    }

    @Test
    void foregroundServiceTypesNeedAllOfAndAnyOf() {
        FieldPermissions f = CATALOG.fieldPermissionsFor("Landroid/content/pm/ServiceInfo;", "FOREGROUND_SERVICE_TYPE_CAMERA:I");
        assertNotNull(f);
        PermissionRequirement r = f.access();
        assertEquals(Relation.ALL_OF_AND_ANY_OF, r.relation());
        assertEquals(List.of("android.permission.FOREGROUND_SERVICE_CAMERA"), r.allOf());
        assertEquals(List.of("android.permission.CAMERA"), r.anyOf());
        assertTrue(r.isSatisfiedBy(Set.of("android.permission.FOREGROUND_SERVICE_CAMERA", "android.permission.CAMERA")));
        assertFalse(r.isSatisfiedBy(Set.of("android.permission.FOREGROUND_SERVICE_CAMERA")));
    }

    @Test
    void fieldLookups() {
        FieldPermissions action = CATALOG.permissionsFor(
                FieldRef.parse(TM + "->ACTION_PHONE_STATE_CHANGED:Ljava/lang/String;"));
        assertEquals(List.of("android.permission.READ_PHONE_STATE"), action.access().permissions());
        assertNull(action.read());

        // Read/Write annotations survive only on the android.car vehicle property ids.
        FieldPermissions property = CATALOG.fieldPermissionsFor("Landroid/car/VehiclePropertyIds;", "DISTANCE_DISPLAY_UNITS:I");
        assertNull(property.access());
        assertEquals(List.of("android.car.permission.READ_CAR_DISPLAY_UNITS"), property.read().permissions());
        assertNotNull(property.write());
    }

    @Test
    void hiddenApisAreFilteredOut() {
        // An AIDL stub and a @SystemApi method that both carry @RequiresPermission in the jar.
        assertNull(CATALOG.permissionsFor("Landroid/app/IActivityManager;", "getUidProcessState(ILjava/lang/String;)I"));
        assertNull(CATALOG.permissionsFor(TM, "getSimCardState(I)I"));
        assertTrue(CATALOG.permissions().contains("android.permission.READ_PHONE_STATE"));
        assertTrue(CATALOG.size() > 1000);
        assertEquals(CATALOG.size(), CATALOG.methodCount() + CATALOG.fieldCount());
        assertSame(CATALOG, ApiPermissionCatalog.loadDefault());
    }

    @Test
    void requirementsChangeByLevel() {
        List<LevelRange<PermissionRequirement>> imei = CATALOG.levelsFor(TM, "getDeviceId()Ljava/lang/String;");
        assertEquals(2, imei.size(), imei.toString());
        assertEquals(List.of("android.permission.READ_PHONE_STATE"), imei.get(0).value().allOf());
        assertEquals(28, imei.get(0).to(), "READ_PHONE_STATE up to Android 9");
        assertEquals(29, imei.get(1).from());
        assertEquals(List.of("android.permission.READ_PRIVILEGED_PHONE_STATE"), imei.get(1).value().allOf());
        assertTrue(imei.get(1).isOpen());

        List<LevelRange<PermissionRequirement>> disable = CATALOG.levelsFor("Landroid/bluetooth/BluetoothAdapter;", "disable()Z");
        assertEquals(List.of("android.permission.BLUETOOTH_ADMIN"), disable.get(0).value().allOf());
        assertEquals(30, disable.get(0).to());
        assertEquals(List.of("android.permission.BLUETOOTH_CONNECT"), disable.get(1).value().allOf());

        // GET_ACCOUNTS was annotated on API 23-25 only: from 26 accounts follow visibility rules.
        List<LevelRange<PermissionRequirement>> accounts = CATALOG.levelsFor("Landroid/accounts/AccountManager;",
                "getAccounts()[Landroid/accounts/Account;");
        assertEquals(1, accounts.size());
        assertEquals(23, accounts.get(0).from());
        assertEquals(25, accounts.get(0).to());

        assertEquals(23, CATALOG.oldestLevel());
        assertEquals(36, CATALOG.newestLevel());
        assertFalse(CATALOG.levels().contains(27), "8.1's sources jar on Maven Central holds no sources");
        assertEquals(23, CATALOG.since("Landroid/hardware/fingerprint/FingerprintManager;", "hasEnrolledFingerprints()Z"));
        assertEquals(1, CATALOG.since(TM, "getDeviceId()Ljava/lang/String;"), "in every release read");
        assertEquals(31, CATALOG.platformPermission("android.permission.BLUETOOTH_CONNECT").addedIn());
        assertEquals("dangerous", CATALOG.platformPermission("android.permission.BLUETOOTH_CONNECT").protection());
    }

    @Test
    void loadsSmallDocument() {
        ApiPermissionCatalog c = load("""
                {"schema":"leakscan-api-permissions/2","source":{"levels":[{"apiLevel":30},{"apiLevel":31}]},"apis":[
                  {"api":"La/B;->m(I)V","since":30,"levels":[{"from":30,"to":30,"allOf":["p.P"]},{"from":31,"allOf":["p.Q"],"conditional":true}]},
                  {"api":"La/B;->F:I","levels":[{"from":30,"read":{"anyOf":["p.R","p.S"]}}]}],
                 "permissions":[{"name":"p.Q","addedIn":31,"protection":"dangerous"}]}""");
        assertEquals(2, c.size());
        assertTrue(c.permissionsFor("La/B;", "m(I)V").conditional());
        assertEquals(List.of("p.P"), c.levelsFor("La/B;", "m(I)V").get(0).value().allOf());
        assertEquals(30, c.since("La/B;", "m(I)V"));
        assertEquals(Relation.ANY_OF, c.fieldPermissionsFor("La/B;", "F:I").read().relation());
        assertEquals(Set.of("p.P", "p.Q", "p.R", "p.S"), c.permissions());
        assertEquals(31, c.platformPermission("p.Q").addedIn());
        assertEquals(List.of(30, 31), c.levels());
    }

    @Test
    void rejectsBadDocumentsWithOneLineMessages() {
        String ok = "{\"schema\":\"leakscan-api-permissions/2\",\"source\":{\"levels\":[{\"apiLevel\":30}]},"
                + "\"permissions\":[],\"apis\":";
        String[] bad = {
            "not json {",
            "[]",
            "{\"schema\":\"leakscan-api-permissions/1\",\"apis\":[]}",
            "{\"schema\":\"leakscan-api-permissions/2\"}",
            "{\"schema\":\"leakscan-api-permissions/2\",\"source\":{\"levels\":[]},\"permissions\":[],\"apis\":[]}",
            ok + "[{\"api\":\"La/B;->m()V\"}]}",
            ok + "[{\"api\":\"La/B;->m()V\",\"levels\":[]}]}",
            ok + "[{\"api\":\"La/B;->m()V\",\"levels\":[{\"from\":30,\"allOf\":[]}]}]}",
            ok + "[{\"api\":\"La/B;->m()V\",\"levels\":[{\"from\":30,\"allOf\":[\"p\"],\"read\":{\"allOf\":[\"p\"]}}]}]}",
            ok + "[{\"api\":\"nonsense\",\"levels\":[{\"from\":30,\"allOf\":[\"p\"]}]}]}",
            ok + "[{\"api\":\"La/B;->m()V\",\"levels\":[{\"from\":30,\"allOf\":{\"x\":1}}]}]}",
            ok + "[{\"api\":\"La/B;->m()V\",\"levels\":[{\"from\":31,\"allOf\":[\"p\"]},{\"from\":30,\"allOf\":[\"q\"]}]}]}",
            ok + "[{\"api\":\"La/B;->m()V\",\"levels\":[{\"from\":30,\"allOf\":[\"p\"]},{\"from\":31,\"allOf\":[\"q\"]}]}]}",
            ok + "[{\"api\":\"La/B;->m()V\",\"levels\":[{\"from\":30,\"allOf\":[\"p\"]}]},"
                    + "{\"api\":\"La/B;->m()V\",\"levels\":[{\"from\":30,\"anyOf\":[\"q\"]}]}]}",
        };
        for (String json : bad) {
            CatalogException e = assertThrows(CatalogException.class, () -> load(json), json);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void userDirectoryOverridesOnlyWhenTheFileIsThere(@TempDir Path dir) throws IOException {
        assertSame(CATALOG, ApiPermissionCatalog.loadFrom(dir));
        Files.writeString(dir.resolve(ApiPermissionCatalog.FILE_NAME),
                "{\"schema\":\"leakscan-api-permissions/2\",\"source\":{\"levels\":[{\"apiLevel\":30}]},\"permissions\":[],"
                        + "\"apis\":[{\"api\":\"La/B;->m()V\",\"levels\":[{\"from\":30,\"allOf\":[\"p.Q\"]}]}]}");
        assertEquals(1, ApiPermissionCatalog.loadFrom(dir).size());
        Files.writeString(dir.resolve(ApiPermissionCatalog.FILE_NAME), "{}");
        CatalogException e = assertThrows(CatalogException.class, () -> ApiPermissionCatalog.loadFrom(dir));
        assertTrue(e.getMessage().contains(ApiPermissionCatalog.FILE_NAME), e.getMessage());
    }

    @Test
    void requirementShapes() {
        PermissionRequirement any = new PermissionRequirement(Relation.ANY_OF, List.of("a", "b"), false);
        assertEquals(List.of(), any.allOf());
        assertEquals(List.of("a", "b"), any.permissions());
        assertThrows(IllegalArgumentException.class, () -> new PermissionRequirement(Relation.ALL_OF, List.of(), false));
        assertThrows(IllegalArgumentException.class,
                () -> new PermissionRequirement(Relation.ALL_OF_AND_ANY_OF, List.of("a"), false));
        assertEquals(List.of("a", "b"), new PermissionRequirement(List.of("a"), List.of("b"), true).permissions());
    }

    private static ApiPermissionCatalog load(String json) {
        return ApiPermissionCatalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
