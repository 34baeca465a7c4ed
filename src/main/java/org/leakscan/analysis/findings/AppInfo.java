package org.leakscan.analysis.findings;

import com.google.gson.annotations.SerializedName;

/**
 * Facts from the manifest. Null where the input has no manifest (a JAR, a folder of classes) or
 * the manifest does not say.
 */
public record AppInfo(@SerializedName("package") String packageName, String versionName, Long versionCode,
                      Integer minSdk, Integer targetSdk, Boolean debuggable, Boolean allowBackup,
                      Boolean usesCleartextTraffic, String networkSecurityConfig, String applicationClass) {

    public static final AppInfo NONE = new AppInfo(null, null, null, null, null, null, null, null, null, null);
}
