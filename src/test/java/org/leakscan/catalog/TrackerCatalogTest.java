package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.testing.JsonSchemaAssert;

/** The shipped tracker catalogue: schema, consistency of every signature, the two lookups, and bad input. */
class TrackerCatalogTest {

    private static final TrackerCatalog TRACKERS = TrackerCatalog.loadDefault();
    private static final Path SIGNATURES = JsonSchemaAssert.projectDir().resolve("signatures");
    private static final Path SCHEMA = SIGNATURES.resolve("schema/trackers.schema.json");
    private static final Pattern JAVA_IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private static List<JsonObject> rawEntries() throws IOException {
        JsonElement root = JsonParser.parseString(Files.readString(SIGNATURES.resolve(TrackerCatalog.FILE_NAME)));
        List<JsonObject> out = new ArrayList<>();
        root.getAsJsonObject().getAsJsonArray("trackers").forEach(e -> out.add(e.getAsJsonObject()));
        return out;
    }

    private static String id(String className) {
        Tracker t = TRACKERS.trackerForClass(className);
        return t == null ? null : t.id();
    }

    private static String hostId(String host) {
        Tracker t = TRACKERS.trackerForHost(host);
        return t == null ? null : t.id();
    }

    // ------------------------------------------------------------------ the file

    @Test
    void fileIsValidAgainstItsSchema() throws IOException {
        JsonSchemaAssert.assertValid(SCHEMA, SIGNATURES.resolve(TrackerCatalog.FILE_NAME));
    }

    private static Set<String> violations(String entry) throws IOException {
        return JsonSchemaAssert.violations(SCHEMA, "{\"schema\":\"leakscan-trackers/1\",\"trackers\":[" + entry + "]}");
    }

    private static final String OK = "\"id\":\"x-sdk\",\"name\":\"X\",\"owner\":\"x-corp\",\"categories\":[\"analytics\"],"
            + "\"website\":\"https://x.example\",\"packages\":[\"com.x.sdk.\"],\"hosts\":[\"x.example\"]";

    @Test
    void schemaAcceptsEveryShapeAndRejectsBadEntries() throws IOException {
        assertEquals(Set.of(), violations("{" + OK + "}"));
        assertEquals(Set.of(), violations("{" + OK.replace("[\"x.example\"]", "[]") + ",\"strings\":[\"com.x.sdk.Init\"],"
                + "\"manifestKeys\":[\"com.google.firebase.components:com.x.Registrar\"],\"excludedPackages\":[\"com.x.sdk.id.\"],"
                + "\"notes\":\"n\"}"));
        String[] bad = {
            "{" + OK.replace("com.x.sdk.", "com.x.sdk") + "}",            // no trailing dot
            "{" + OK.replace("com.x.sdk.", "com.") + "}",                 // one label
            "{" + OK.replace("com.x.sdk.", "com..x.") + "}",              // empty label
            "{" + OK.replace("com.x.sdk.", "com.1x.") + "}",              // not a Java identifier
            "{" + OK.replace("[\"com.x.sdk.\"]", "[]") + "}",             // no package
            "{" + OK.replace("x.example\"", "X.example\"") + "}",         // upper case host
            "{" + OK.replace("x.example\"", "x.example/path\"") + "}",    // not a host
            "{" + OK.replace("x.example\"", "localhost\"") + "}",         // one label
            "{" + OK.replace("x.example\"", "-x.example\"") + "}",        // label starts with a hyphen
            "{" + OK.replace("\"analytics\"", "\"tracking\"") + "}",      // unknown category
            "{" + OK.replace("[\"analytics\"]", "[]") + "}",              // no category
            "{" + OK.replace("\"x-sdk\"", "\"X SDK\"") + "}",             // id not a slug
            "{" + OK.replace("\"x-corp\"", "\"X Corp\"") + "}",           // owner not a slug
            "{" + OK.replace("https://x.example", "x.example") + "}",     // website without scheme
            "{" + OK.replace(",\"hosts\":[\"x.example\"]", "") + "}",     // hosts are required, even if empty
            "{" + OK + ",\"strings\":[]}",                                // optional lists are left out, not empty
            "{" + OK + ",\"manifestKeys\":[\"a key\"]}",                  // not a manifest name
            "{" + OK + ",\"owners\":\"x\"}",                              // unknown key
        };
        for (String entry : bad) {
            assertFalse(violations(entry).isEmpty(), entry);
        }
    }

    @Test
    void coversEveryCategoryWithAtLeast500Trackers() {
        // The size issue #12 asks for: the long tail of every market, not only the famous SDKs.
        assertTrue(TRACKERS.size() >= 500, "trackers: " + TRACKERS.size());
        Map<TrackerCategory, Integer> counts = new EnumMap<>(TrackerCategory.class);
        TRACKERS.trackers().forEach(t -> t.categories().forEach(c -> counts.merge(c, 1, Integer::sum)));
        assertEquals(Set.of(TrackerCategory.values()), counts.keySet(), counts.toString());
        assertSame(TRACKERS, TrackerCatalog.loadDefault());
        assertSame(TRACKERS, Catalogs.builtIn().trackers());
    }

    @Test
    void idsAreUniqueSlugs() throws IOException {
        Set<String> seen = new HashSet<>();
        for (JsonObject e : rawEntries()) {
            String id = e.get("id").getAsString();
            assertTrue(seen.add(id), "duplicate id " + id);
            assertTrue(id.matches("[a-z0-9]+(-[a-z0-9]+)*"), id);
            assertTrue(TRACKERS.byId(id).isPresent(), id);
        }
        assertEquals(TRACKERS.size(), seen.size());
        assertTrue(TRACKERS.byId("no-such-tracker").isEmpty());
    }

    @Test
    void everyPrefixIsAPackagePrefixOfTwoOrMoreLabels() {
        for (Tracker t : TRACKERS.trackers()) {
            for (String prefix : t.packages()) {
                assertTrue(prefix.endsWith("."), t.id() + ": " + prefix);
                String[] labels = prefix.substring(0, prefix.length() - 1).split("\\.", -1);
                assertTrue(labels.length >= 2, t.id() + ": too broad: " + prefix);
                for (String label : labels) {
                    assertTrue(JAVA_IDENTIFIER.matcher(label).matches(), t.id() + ": " + prefix);
                }
                // The prefix finds its own tracker: nothing longer in another entry hides it.
                assertSame(t, TRACKERS.trackerForClass(prefix + "ZzProbe"), prefix);
            }
        }
    }

    @Test
    void noPrefixBelongsToTwoTrackersAndNestingIsDocumented() throws IOException {
        Map<String, String> owner = new HashMap<>();
        Map<String, String> notes = new HashMap<>();
        for (JsonObject e : rawEntries()) {
            String id = e.get("id").getAsString();
            notes.put(id, e.has("notes") ? e.get("notes").getAsString() : "");
            for (JsonElement p : e.getAsJsonArray("packages")) {
                String previous = owner.put(p.getAsString(), id);
                assertNull(previous, p.getAsString() + " is listed by " + previous + " and " + id);
            }
        }
        List<String> undocumented = new ArrayList<>();
        owner.forEach((inner, innerId) -> owner.forEach((outer, outerId) -> {
            if (!inner.equals(outer) && inner.startsWith(outer) && !innerId.equals(outerId)
                    && !notes.get(innerId).contains(outerId)) {
                undocumented.add(inner + " (" + innerId + ") under " + outer + " (" + outerId + ")");
            }
        }));
        assertEquals(List.of(), undocumented);
    }

    @Test
    void hostsAreDomainNamesListedOnce() {
        Map<String, String> owner = new HashMap<>();
        for (Tracker t : TRACKERS.trackers()) {
            for (String host : t.hosts()) {
                String previous = owner.put(host, t.id());
                assertNull(previous, host + " is listed by " + previous + " and " + t.id());
                assertTrue(host.length() <= 253, host);
                String[] labels = host.split("\\.", -1);
                assertTrue(labels.length >= 2, t.id() + ": " + host);
                for (String label : labels) {
                    assertTrue(HOST_LABEL.matcher(label).matches(), t.id() + ": " + host);
                }
                assertTrue(Character.isLetter(labels[labels.length - 1].charAt(0)), t.id() + ": top-level label of " + host);
                assertSame(t, TRACKERS.trackerForHost(host), host);
            }
        }
        assertTrue(owner.size() > 200, "hosts: " + owner.size());
    }

    // ------------------------------------------------------------------ lookups on the shipped file

    @Test
    void knownSdkClassesFindTheirTracker() {
        assertEquals("appsflyer", id("com.appsflyer.AppsFlyerLib"));
        assertEquals("appsflyer", id("com/appsflyer/internal/AFa1xSDK"));
        assertEquals("facebook-analytics", id("com.facebook.appevents.AppEventsLogger"));
        assertEquals("facebook-login", id("com.facebook.login.LoginManager"));
        assertEquals("facebook-ads", id("com.facebook.ads.AdView"));
        assertEquals("google-admob", id("com.google.android.gms.ads.AdView"));
        assertEquals("google-admob", id("com.google.android.gms.internal.ads.zzbzr"));
        assertEquals("firebase-analytics", id("com.google.firebase.analytics.FirebaseAnalytics"));
        assertEquals("firebase-analytics", id("com.google.android.gms.measurement.internal.zzfr"));
        assertEquals("firebase-crashlytics", id("com.google.firebase.crashlytics.FirebaseCrashlytics"));
        assertEquals("yandex-appmetrica", id("io.appmetrica.analytics.AppMetrica"));
        assertEquals("unity-ads", id("com.unity3d.ads.UnityAds"));
        assertEquals("ironsource", id("com.unity3d.mediation.LevelPlay"));
        assertEquals("moat", id("com.moat.analytics.mobile.inm.MoatFactory"));
        assertEquals("sentry", id("io.sentry.Sentry$OptionsConfiguration"));
        // The SDKs of 2010-2013 under their own packages, and the nested prefixes beside them.
        assertEquals("google-admob", id("com.google.ads.AdView"));
        assertEquals("google-admob", id("com.admob.android.ads.AdView"));
        assertEquals("google-ima", id("com.google.ads.interactivemedia.v3.api.AdsLoader"));
        assertEquals("google-analytics", id("com.google.android.apps.analytics.GoogleAnalyticsTracker"));
        assertEquals("yandex-appmetrica", id("com.yandex.metrica.YandexMetrica"));
        assertEquals("appmetrica-push", id("com.yandex.metrica.push.YandexMetricaPush"));
        assertEquals("adbrix", id("com.igaworks.IgawCommon"));
        assertEquals("adpopcorn", id("com.igaworks.adpopcorn.IgawAdpopcorn"));
        assertEquals("alibaba-accs", id("com.taobao.accs.ACCSManager"));
        assertEquals("auth0", id("com.auth0.android.provider.WebAuthProvider"));
    }

    @Test
    void excludedPackagesMatchNoTracker() {
        assertNull(id("com.google.android.gms.ads.identifier.AdvertisingIdClient"));
        assertNull(id("com.google.android.gms.ads.identifier.AdvertisingIdClient$Info"));
        assertNull(id("com.huawei.hms.ads.identifier.AdvertisingIdClient"));
        assertEquals("huawei-ads", id("com.huawei.hms.ads.banner.BannerView"));
    }

    @Test
    void commonLibrariesMatchNoTracker() {
        String[] lookAlikes = {
            "okhttp3.OkHttpClient", "okhttp3.internal.http2.Http2Connection", "retrofit2.Retrofit",
            "com.squareup.okhttp.OkHttpClient", "com.squareup.picasso.Picasso", "com.squareup.moshi.Moshi",
            "com.google.gson.Gson", "androidx.appcompat.app.AppCompatActivity", "androidx.work.WorkManager",
            "android.support.v4.app.Fragment", "kotlin.collections.CollectionsKt", "kotlinx.coroutines.BuildersKt",
            "com.google.common.collect.ImmutableList", "com.facebook.react.ReactActivity",
            "com.facebook.react.bridge.ReactContext", "com.facebook.imagepipeline.core.ImagePipeline",
            "com.facebook.soloader.SoLoader", "com.facebook.fresco.animation.backend.AnimationBackend",
            "com.facebook.drawee.view.SimpleDraweeView", "com.facebook.common.references.CloseableReference",
            "com.facebook.yoga.YogaNode", "com.facebook.hermes.reactexecutor.HermesExecutor",
            "com.facebook.jni.HybridData", "com.facebook.infer.annotation.Nullsafe", "com.facebook.flipper.core.FlipperClient",
            "com.facebook.shimmer.ShimmerFrameLayout", "com.facebook.stetho.Stetho",
            "com.bumptech.glide.Glide", "io.reactivex.Observable", "io.reactivex.rxjava3.core.Flowable",
            "org.apache.http.client.HttpClient", "org.apache.commons.lang3.StringUtils",
            "com.google.android.material.button.MaterialButton", "com.google.protobuf.GeneratedMessageLite",
            "com.google.android.gms.common.GoogleApiAvailability", "com.google.android.gms.tasks.Task",
            "com.google.android.gms.location.FusedLocationProviderClient", "com.google.android.gms.maps.GoogleMap",
            "com.google.firebase.FirebaseApp", "com.google.firebase.firestore.FirebaseFirestore",
            "com.google.firebase.auth.FirebaseAuth", "com.google.android.play.core.review.ReviewManager",
            "com.android.installreferrer.api.InstallReferrerClient", "com.android.billingclient.api.BillingClient",
            "com.unity3d.player.UnityPlayerActivity", "org.jetbrains.annotations.NotNull", "javax.inject.Inject",
            "dagger.hilt.android.HiltAndroidApp", "io.ktor.client.HttpClient", "org.json.JSONObject",
            "com.airbnb.lottie.LottieAnimationView", "com.jakewharton.timber.Timber", "timber.log.Timber",
            "com.iab.omid.library.applovin.Omid", "com.auth0.android.jwt.JWT",
            // Names that start like a tracker's prefix but are not under it.
            "com.appsflyerx.Lib", "com.adjustments.sdk.Adjuster", "com.google.android.gms.adsense.Api",
            "com.google.android.gms.internal.ads_identifier.zza", "com.google.android.gms.internal.measurement_base.zza",
            "com.facebook.ads", "com.flurryx.Agent",
        };
        for (String className : lookAlikes) {
            assertNull(TRACKERS.trackerForClass(className), className + " matched " + id(className));
        }
    }

    @Test
    void hostsMatchOnLabelBoundaries() {
        assertEquals("firebase-analytics", hostId("app-measurement.com"));
        assertEquals("firebase-analytics", hostId("region1.app-measurement.com"));
        assertEquals("firebase-analytics", hostId("Region1.App-Measurement.COM."));
        assertNull(hostId("notapp-measurement.com"));
        assertNull(hostId("app-measurement.com.evil.example"));
        assertEquals("appsflyer", hostId("launches.appsflyersdk.com"));
        assertEquals("google-admob", hostId("googleads.g.doubleclick.net"));
        assertEquals("ironsource", hostId("o-sdk.mediation.unity3d.com"));
        assertEquals("unity-ads", hostId("config.unityads.unity3d.com"));
        assertNull(hostId("unity3d.com"));
        assertNull(hostId("www.google.com"));
        assertNull(hostId("facebook.com"));
        assertNull(hostId(""));
        assertNull(hostId(null));
        assertNull(hostId("com"));
    }

    // ------------------------------------------------------------------ lookups on a small catalogue

    private static TrackerCatalog load(String json) {
        return TrackerCatalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String entry(String id, String packages, String hosts, String extra) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"owner\":\"o\",\"categories\":[\"analytics\"],"
                + "\"website\":\"https://o.example\",\"packages\":[" + packages + "],\"hosts\":[" + hosts + "]" + extra + "}";
    }

    private static String document(String... entries) {
        return "{\"schema\":\"leakscan-trackers/1\",\"trackers\":[" + String.join(",", entries) + "]}";
    }

    @Test
    void longestPrefixAndLongestHostWin() {
        TrackerCatalog c = load(document(
                entry("outer", "\"com.vendor.\"", "\"vendor.example\"", ",\"excludedPackages\":[\"com.vendor.util.\"]"),
                entry("inner", "\"com.vendor.ads.\"", "\"ads.vendor.example\"", ""),
                entry("deep", "\"com.vendor.util.crash.\"", "", "")));
        assertEquals("outer", c.trackerForClass("com.vendor.Sdk").id());
        assertEquals("outer", c.trackerForClass("com.vendor.analytics.a$b").id());
        assertEquals("inner", c.trackerForClass("com.vendor.ads.Banner").id());
        assertEquals("inner", c.trackerForClass("com.vendor.ads.internal.X").id());
        assertNull(c.trackerForClass("com.vendor.util.Strings"));
        assertEquals("deep", c.trackerForClass("com.vendor.util.crash.Reporter").id());
        assertEquals("outer", c.trackerForClass("com/vendor/Sdk").id());
        assertNull(c.trackerForClass("com.vendor"));
        assertNull(c.trackerForClass("com.vendorx.Sdk"));
        assertNull(c.trackerForClass("com.vendo.Sdk"));
        assertNull(c.trackerForClass("org.other.Sdk"));
        assertNull(c.trackerForClass(""));
        assertEquals("outer", c.trackerForHost("vendor.example").id());
        assertEquals("outer", c.trackerForHost("api.vendor.example").id());
        assertEquals("inner", c.trackerForHost("ads.vendor.example").id());
        assertEquals("inner", c.trackerForHost("eu.ads.vendor.example").id());
        assertNull(c.trackerForHost("xads.vendor.examplex"));
        assertEquals(3, c.size());
        Tracker outer = c.byId("outer").orElseThrow();
        assertEquals(List.of(TrackerCategory.ANALYTICS), outer.categories());
        assertEquals(List.of("vendor.example"), outer.hosts());
        assertEquals(List.of(), outer.strings());
        assertThrows(UnsupportedOperationException.class, () -> outer.packages().add("x."));
    }

    @Test
    void rejectsBadDocumentsWithOneLineMessagesNamingTheEntry() {
        String[][] bad = {
            {document(entry("a", "\"com.a.\"", "", ""), entry("a", "\"com.b.\"", "", "")), "trackers[1] (a): id already used"},
            {document(entry("a", "\"com.a.\"", "", ""), entry("b", "\"com.a.\"", "", "")), "trackers[1] (b): package prefix com.a. is also a's"},
            {document(entry("a", "\"com.a.\"", "\"a.example\"", ""), entry("b", "\"com.b.\"", "\"a.example\"", "")), "trackers[1] (b): host a.example"},
            {document(entry("a", "\"com.a.\"", "", ",\"excludedPackages\":[\"com.b.\"]")), "trackers[0] (a): excluded package com.b."},
            {document(entry("a", "\"com.a.\"", "", ",\"excludedPackages\":[\"com.a.\"]")), "trackers[0] (a): excluded package com.a."},
            {document(entry("a", "\"com.a.\"", "", ",\"excludedPackages\":[\"com.a.b.\"]"), entry("b", "\"com.a.b.\"", "", "")), "b's package prefix"},
            {document(entry("a", "\"com.a\"", "", "")), "trackers[0] (a): \"packages\"[0]: not a package prefix"},
            {document(entry("a", "\"com.\"", "", "")), "trackers[0] (a): \"packages\"[0]: not a package prefix"},
            {document(entry("a", "", "", "")), "trackers[0] (a): \"packages\" is empty"},
            {document(entry("a", "\"com.a.\"", "\"A.example\"", "")), "trackers[0] (a): \"hosts\"[0]: not a lower-case host name"},
            {document(entry("a", "\"com.a.\"", "\"a.example\",\"a.example\"", "")), "trackers[0] (a): \"hosts\"[1]: a.example twice"},
            {document(entry("a", "\"com.a.\"", "", "").replace("\"analytics\"", "\"tracking\"")), "trackers[0]: not a tracker category: tracking"},
            {document(entry("a", "\"com.a.\"", "", "").replace("\"id\":\"a\"", "\"id\":\"A b\"")), "trackers[0]: not an id"},
            {document(entry("a", "\"com.a.\"", "", ",\"extra\":1")), "trackers[0]: unknown member extra"},
            {document(entry("a", "\"com.a.\"", "", "").replace(",\"hosts\":[]", "")), "trackers[0] (a): missing \"hosts\""},
        };
        for (String[] c : bad) {
            CatalogException e = assertThrows(CatalogException.class, () -> load(c[0]), c[0]);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().startsWith("trackers.json: "), e.getMessage());
            assertTrue(e.getMessage().contains(c[1]), e.getMessage() + " should contain " + c[1]);
        }
        for (String json : new String[] {"nope {", "[]", "{\"schema\":\"leakscan-trackers/2\",\"trackers\":[]}",
            "{\"schema\":\"leakscan-trackers/1\"}"}) {
            CatalogException e = assertThrows(CatalogException.class, () -> load(json), json);
            assertTrue(e.getMessage().startsWith("trackers.json: "), e.getMessage());
        }
    }

    @Test
    void aSignaturesFolderReplacesTheShippedFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(TrackerCatalog.FILE_NAME), document(entry("mine", "\"com.mine.\"", "\"mine.example\"", "")));
        Catalogs catalogs = Catalogs.load(dir);
        assertEquals(1, catalogs.trackers().size());
        assertEquals("mine", catalogs.trackers().trackerForClass("com.mine.Sdk").id());
        assertNull(catalogs.trackers().trackerForClass("com.appsflyer.AppsFlyerLib"));
        assertSame(TRACKERS, TrackerCatalog.loadFrom(dir.resolve("elsewhere")));
        Files.writeString(dir.resolve(TrackerCatalog.FILE_NAME), document(entry("mine", "\"com.mine\"", "", "")));
        CatalogException e = assertThrows(CatalogException.class, () -> Catalogs.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve(TrackerCatalog.FILE_NAME) + ": trackers[0] (mine)"), e.getMessage());
    }
    /**
     * Every owner is an entity, and a tracker's hosts belong to that owner, its group or one of its
     * subsidiaries (or to nobody the entities catalogue knows): the SDK and where it sends data
     * must not name two unrelated companies.
     */
    @Test
    void ownersAreEntitiesThatAgreeWithTheOwnersOfTheirHosts() {
        EntityCatalog entities = EntityCatalog.loadDefault();
        List<String> problems = new ArrayList<>();
        for (Tracker t : TRACKERS.trackers()) {
            if (entities.entity(t.owner()).isEmpty()) {
                problems.add(t.id() + ": owner " + t.owner() + " is not in entities.json");
                continue;
            }
            for (String host : t.hosts()) {
                String hostOwner = entities.ownerOf(host).entity();
                if (hostOwner.equals(HostOwner.UNKNOWN_VALUE) || hostOwner.equals(t.owner())) {
                    continue;
                }
                // a host of a subsidiary or of the parent group is fine; of an unrelated company is not
                boolean related = owners(entities, hostOwner).contains(t.owner())
                        || owners(entities, t.owner()).contains(hostOwner);
                if (!related) {
                    problems.add(t.id() + ": host " + host + " belongs to " + hostOwner + ", not " + t.owner());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The entity and the chain of its parents. */
    private static List<String> owners(EntityCatalog entities, String id) {
        List<String> out = new ArrayList<>();
        for (String e = id; e != null && !out.contains(e); e = entities.entity(e).flatMap(Entity::parentId).orElse(null)) {
            out.add(e);
        }
        return out;
    }
}
