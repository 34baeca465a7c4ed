package org.leakscan.android;

import java.util.List;

/**
 * The facts of an {@code AndroidManifest.xml} that an audit needs, read by {@link ManifestParser}.
 *
 * @param packageName         {@code <manifest package>}, {@code null} when absent
 * @param versionName         {@code android:versionName}, resolved through the resource table
 * @param versionCode         {@code android:versionCode} combined with {@code versionCodeMajor}
 *                            (major in the high 32 bits), {@code null} when neither is present
 * @param minSdk              {@code <uses-sdk minSdkVersion>}, 1 when absent; a codename reads as
 *                            10000 ({@code CUR_DEVELOPMENT}) as on Android
 * @param targetSdk           {@code <uses-sdk targetSdkVersion>}, defaulting to {@code minSdk}
 * @param maxSdk              {@code <uses-sdk maxSdkVersion>}, {@code null} when absent
 * @param usesPermissions     {@code <uses-permission>}, {@code <uses-permission-sdk-23>} (and its
 *                            alias {@code <uses-permission-sdk-m>}) in file order
 * @param declaredPermissions {@code <permission>} elements
 * @param application         the first {@code <application>} (Android ignores further ones); all
 *                            fields {@code null} when there is none
 * @param components          activities, aliases, services, receivers and providers of that
 *                            application, in file order
 * @param metaData            {@code <meta-data>} directly inside the application
 * @param queriedPackages     {@code <queries><package android:name>} entries
 */
public record AndroidManifest(String packageName, String versionName, Long versionCode, Integer minSdk, Integer targetSdk,
        Integer maxSdk, List<UsesPermission> usesPermissions, List<PermissionDeclaration> declaredPermissions,
        Application application, List<Component> components, List<MetaData> metaData, List<String> queriedPackages) {

    public AndroidManifest {
        usesPermissions = List.copyOf(usesPermissions);
        declaredPermissions = List.copyOf(declaredPermissions);
        components = List.copyOf(components);
        metaData = List.copyOf(metaData);
        queriedPackages = List.copyOf(queriedPackages);
    }
}
