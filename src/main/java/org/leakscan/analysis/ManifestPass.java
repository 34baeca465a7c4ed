package org.leakscan.analysis;

import org.leakscan.analysis.findings.AppInfo;
import org.leakscan.android.AndroidManifest;

/** The app's identity and the manifest flags that matter for privacy and security. */
public final class ManifestPass implements Pass {

    public static final PassInfo INFO = PassInfo.of("manifest",
            "package, versions, SDK levels and application flags from the manifest");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public void run(AnalysisContext context) {
        AndroidManifest m = context.manifest();
        if (m == null) {
            return;
        }
        org.leakscan.android.Application a = m.application();
        context.setAppInfo(new AppInfo(m.packageName(), m.versionName(), m.versionCode(), m.minSdk(), m.targetSdk(),
                a == null ? null : a.debuggable(), a == null ? null : a.allowBackup(),
                usesCleartextTraffic(m), a == null ? null : a.networkSecurityConfig(),
                a == null ? null : a.className()));
    }

    /**
     * The explicit attribute when present; otherwise Android's default, which is true for apps
     * targeting API 27 and lower and false from API 28 (a network security config can still
     * change it per domain).
     */
    static Boolean usesCleartextTraffic(AndroidManifest m) {
        if (m.application() != null && m.application().usesCleartextTraffic() != null) {
            return m.application().usesCleartextTraffic();
        }
        Integer target = m.targetSdk();
        return target == null ? null : target < 28;
    }
}
