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

/** The shipped API to permission map: the sanity rows of API-FACTS §1.3, lookups, and bad input. */
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
    void loadsSmallDocument() {
        ApiPermissionCatalog c = load("""
                {"schema":"leakscan-api-permissions/1","source":{},"apis":[
                  {"api":"La/B;->m(I)V","allOf":["p.Q"],"conditional":true},
                  {"api":"La/B;->F:I","read":{"anyOf":["p.R","p.S"]}}]}""");
        assertEquals(2, c.size());
        assertTrue(c.permissionsFor("La/B;", "m(I)V").conditional());
        assertEquals(Relation.ANY_OF, c.fieldPermissionsFor("La/B;", "F:I").read().relation());
        assertEquals(Set.of("p.Q", "p.R", "p.S"), c.permissions());
    }

    @Test
    void rejectsBadDocumentsWithOneLineMessages() {
        String[] bad = {
            "not json {",
            "[]",
            "{\"schema\":\"leakscan-api-permissions/2\",\"apis\":[]}",
            "{\"schema\":\"leakscan-api-permissions/1\"}",
            "{\"schema\":\"leakscan-api-permissions/1\",\"apis\":[{\"api\":\"La/B;->m()V\"}]}",
            "{\"schema\":\"leakscan-api-permissions/1\",\"apis\":[{\"api\":\"La/B;->m()V\",\"allOf\":[]}]}",
            "{\"schema\":\"leakscan-api-permissions/1\",\"apis\":[{\"api\":\"La/B;->m()V\",\"allOf\":[\"p\"],\"read\":{\"allOf\":[\"p\"]}}]}",
            "{\"schema\":\"leakscan-api-permissions/1\",\"apis\":[{\"api\":\"nonsense\",\"allOf\":[\"p\"]}]}",
            "{\"schema\":\"leakscan-api-permissions/1\",\"apis\":[{\"api\":\"La/B;->m()V\",\"allOf\":{\"x\":1}}]}",
            "{\"schema\":\"leakscan-api-permissions/1\",\"apis\":[{\"api\":\"La/B;->m()V\",\"allOf\":[[1]]}]}",
            "{\"schema\":\"leakscan-api-permissions/1\",\"apis\":[{\"api\":\"La/B;->m()V\",\"allOf\":[\"p\"]},"
                    + "{\"api\":\"La/B;->m()V\",\"anyOf\":[\"q\"]}]}",
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
                "{\"schema\":\"leakscan-api-permissions/1\",\"apis\":[{\"api\":\"La/B;->m()V\",\"allOf\":[\"p.Q\"]}]}");
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
