package org.leakscan.android;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads the audit-relevant facts of a manifest from its element tree, with Android's rules for
 * defaults and names.
 *
 * <ul>
 * <li>{@code android:} attributes are read by framework resource id
 * ({@link XmlElement#androidAttribute}), as Android reads them.</li>
 * <li>References ({@code @0x7f0a0001}, or {@code @string/name} in text manifests) are resolved
 * through the resource table when one is given; otherwise, or when the table lacks the entry,
 * they are kept as {@code @0x7f…}.</li>
 * <li>Class names that start with {@code .} or contain no dot are prefixed with the package
 * ({@code PackageParser.buildClassName}).</li>
 * <li>{@code versionCode} is {@code versionCodeMajor << 32 | versionCode}.</li>
 * <li>{@code minSdk} is 1 without {@code <uses-sdk>}; {@code targetSdk} defaults to
 * {@code minSdk}; a codename (a non-numeric string) counts as 10000; the last
 * {@code <uses-sdk>} wins, as each one overwrites the previous on Android.</li>
 * <li>A component is exported when {@code android:exported} says so; without the attribute an
 * activity, alias, service or receiver is exported iff it has an intent filter (the rule before
 * API 31, which is also what such an app gets on older devices), and a provider iff the target
 * SDK is 16 or lower.</li>
 * <li>Only the first {@code <application>} counts, as on Android. Components without a name,
 * filters' elements without a name and unknown elements are skipped.</li>
 * </ul>
 */
public final class ManifestParser {

    /** {@code Build.VERSION_CODES.CUR_DEVELOPMENT}: what a codename {@code minSdkVersion} means. */
    public static final int CODENAME_SDK = 10000;

    private static final Pattern RESOURCE_NAME = Pattern.compile("@\\+?([\\w.]+:)?[\\w.]+/[\\w.$-]+");

    private final ResourceTable resources;
    private String packageName;

    private ManifestParser(ResourceTable resources) {
        this.resources = resources;
    }

    /**
     * Reads a manifest.
     *
     * @param root      the document's root element, from {@link BinaryXmlParser} or {@link TextXmlParser}
     * @param resources the app's resource table, or {@code null} when there is none (AAR, JAR)
     * @throws MalformedManifestException when the root element is not {@code <manifest>}
     */
    public static AndroidManifest parse(XmlElement root, ResourceTable resources) {
        Objects.requireNonNull(root, "root");
        if (!"manifest".equals(root.name())) {
            throw new MalformedManifestException("manifest: the root element is <" + root.name() + ">, not <manifest>");
        }
        return new ManifestParser(resources).read(root);
    }

    private AndroidManifest read(XmlElement manifest) {
        packageName = manifest.attribute(null, "package").map(this::resolved).map(XmlAttribute::stringValue)
                .filter(name -> !name.isEmpty()).orElse(null);
        Integer versionCode = integer(manifest, "versionCode");
        Integer versionCodeMajor = integer(manifest, "versionCodeMajor");
        Long combinedVersionCode = null;
        if (versionCode != null || versionCodeMajor != null) {
            long minor = versionCode == null ? 0 : versionCode & 0xffffffffL;
            long major = versionCodeMajor == null ? 0 : versionCodeMajor;
            combinedVersionCode = major << 32 | minor;
        }

        Integer minSdk = 1;
        Integer targetSdk = null;
        Integer maxSdk = null;
        List<XmlElement> usesSdk = manifest.children("uses-sdk");
        if (!usesSdk.isEmpty()) {
            XmlElement sdk = usesSdk.get(usesSdk.size() - 1);
            minSdk = sdkLevel(sdk, "minSdkVersion").orElse(1);
            targetSdk = sdkLevel(sdk, "targetSdkVersion").orElse(null);
            maxSdk = sdkLevel(sdk, "maxSdkVersion").orElse(null);
        }
        int effectiveTargetSdk = targetSdk == null ? minSdk : targetSdk;

        List<UsesPermission> usesPermissions = new ArrayList<>();
        List<PermissionDeclaration> declared = new ArrayList<>();
        List<String> queried = new ArrayList<>();
        for (XmlElement child : manifest.children()) {
            String element = child.name() == null ? "" : child.name();
            switch (element) {
                case "uses-permission" -> usesPermission(child, false).ifPresent(usesPermissions::add);
                case "uses-permission-sdk-23", "uses-permission-sdk-m" ->
                        usesPermission(child, true).ifPresent(usesPermissions::add);
                case "permission" -> permission(child).ifPresent(declared::add);
                case "queries" -> child.children("package").forEach(pkg -> nonEmpty(string(pkg, "name")).ifPresent(queried::add));
                default -> {
                    // Other manifest elements carry nothing this audit reads.
                }
            }
        }

        Application application = Application.NONE;
        List<Component> components = new ArrayList<>();
        List<MetaData> metaData = new ArrayList<>();
        Optional<XmlElement> applicationElement = manifest.child("application");
        if (applicationElement.isPresent()) {
            XmlElement app = applicationElement.get();
            application = new Application(className(string(app, "name")), bool(app, "debuggable"),
                    bool(app, "allowBackup"), bool(app, "usesCleartextTraffic"),
                    resourceName(app, "networkSecurityConfig"), string(app, "label"));
            for (XmlElement child : app.children()) {
                kind(child.name()).flatMap(kind -> component(kind, child, effectiveTargetSdk)).ifPresent(components::add);
            }
            metaData.addAll(metaData(app));
        }
        return new AndroidManifest(packageName, string(manifest, "versionName"), combinedVersionCode, minSdk,
                effectiveTargetSdk,
                maxSdk, usesPermissions, declared, application, components, metaData, queried);
    }

    private Optional<Integer> sdkLevel(XmlElement usesSdk, String attribute) {
        Optional<XmlAttribute> value = attribute(usesSdk, attribute);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        XmlAttribute level = value.get();
        if (level.type() == ValueTypes.TYPE_STRING) {
            String text = level.rawValue() == null ? "" : level.rawValue().trim();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(ValueTypes.parseInt(text).orElse(CODENAME_SDK));
        }
        return level.asInt();
    }

    private Optional<UsesPermission> usesPermission(XmlElement element, boolean sdk23) {
        return nonEmpty(string(element, "name"))
                .map(name -> new UsesPermission(name, integer(element, "maxSdkVersion"), sdk23));
    }

    private Optional<PermissionDeclaration> permission(XmlElement element) {
        Optional<String> name = nonEmpty(string(element, "name"));
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String level = attribute(element, "protectionLevel")
                .map(value -> ValueTypes.isInteger(value.type()) ? ProtectionLevel.format(value.data()) : value.stringValue())
                .orElse(ProtectionLevel.format(0));
        return Optional.of(new PermissionDeclaration(name.get(), level, string(element, "permissionGroup")));
    }

    private static Optional<Component.Kind> kind(String elementName) {
        return Arrays.stream(Component.Kind.values()).filter(kind -> kind.elementName().equals(elementName)).findFirst();
    }

    private Optional<Component> component(Component.Kind kind, XmlElement element, int targetSdk) {
        String name = className(string(element, "name"));
        if (name == null) {
            return Optional.empty();
        }
        List<IntentFilter> filters = new ArrayList<>();
        for (XmlElement filter : element.children("intent-filter")) {
            filters.add(intentFilter(filter));
        }
        Boolean exportedAttribute = bool(element, "exported");
        boolean exported;
        String reason;
        if (exportedAttribute != null) {
            exported = exportedAttribute;
            reason = "explicit";
        } else if (kind == Component.Kind.PROVIDER) {
            exported = targetSdk <= 16;
            reason = exported ? "provider-default-pre-17" : "default";
        } else {
            exported = !filters.isEmpty();
            reason = exported ? "intent-filter" : "default";
        }
        String targetActivity = kind == Component.Kind.ACTIVITY_ALIAS ? className(string(element, "targetActivity")) : null;
        List<String> authorities = new ArrayList<>();
        if (kind == Component.Kind.PROVIDER) {
            String declared = string(element, "authorities");
            if (declared != null) {
                for (String authority : declared.split(";")) {
                    if (!authority.isBlank()) {
                        authorities.add(authority.trim());
                    }
                }
            }
        }
        return Optional.of(new Component(kind, name, exportedAttribute, exported, reason, string(element, "permission"),
                bool(element, "enabled"), targetActivity, authorities, filters, metaData(element)));
    }

    private IntentFilter intentFilter(XmlElement filter) {
        List<String> actions = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<IntentData> data = new ArrayList<>();
        for (XmlElement child : filter.children()) {
            String element = child.name() == null ? "" : child.name();
            switch (element) {
                case "action" -> nonEmpty(string(child, "name")).ifPresent(actions::add);
                case "category" -> nonEmpty(string(child, "name")).ifPresent(categories::add);
                case "data" -> data.add(new IntentData(string(child, "scheme"), string(child, "host"),
                        string(child, "port"), string(child, "path"), string(child, "pathPrefix"),
                        string(child, "pathPattern"), string(child, "mimeType")));
                default -> {
                    // Android ignores other elements inside a filter too.
                }
            }
        }
        Integer priority = integer(filter, "priority");
        return new IntentFilter(actions, categories, data, priority == null ? 0 : priority);
    }

    private List<MetaData> metaData(XmlElement parent) {
        List<MetaData> result = new ArrayList<>();
        for (XmlElement element : parent.children("meta-data")) {
            nonEmpty(string(element, "name")).ifPresent(name -> result.add(
                    new MetaData(name, string(element, "value"), resourceName(element, "resource"))));
        }
        return result;
    }

    /** Android's {@code buildClassName}: {@code .Foo} and {@code Foo} get the package in front. */
    private String className(String declared) {
        if (declared == null || declared.isEmpty()) {
            return null;
        }
        if (packageName == null) {
            return declared;
        }
        if (declared.charAt(0) == '.') {
            return packageName + declared;
        }
        if (declared.indexOf('.') < 0) {
            return packageName + "." + declared;
        }
        return declared;
    }

    /**
     * A resource-valued attribute as a resource name ({@code xml/network_security_config}): the
     * table's name for a reference id, the text after {@code @} for a text manifest, else
     * {@code @0x7f…}.
     */
    private String resourceName(XmlElement element, String attribute) {
        Optional<XmlAttribute> value = element.androidAttribute(attribute);
        if (value.isEmpty()) {
            return null;
        }
        XmlAttribute raw = value.get();
        if (raw.isReference()) {
            String name = resources == null ? null : resources.name(raw.data());
            return name != null ? name : ValueTypes.referenceText(raw.data());
        }
        String text = raw.stringValue();
        if (text != null && RESOURCE_NAME.matcher(text).matches()) {
            return text.substring(text.startsWith("@+") ? 2 : 1);
        }
        return text;
    }

    private Optional<XmlAttribute> attribute(XmlElement element, String name) {
        return element.androidAttribute(name).map(this::resolved);
    }

    private String string(XmlElement element, String name) {
        return attribute(element, name).map(XmlAttribute::stringValue).orElse(null);
    }

    private Boolean bool(XmlElement element, String name) {
        return attribute(element, name).flatMap(XmlAttribute::asBoolean).orElse(null);
    }

    private Integer integer(XmlElement element, String name) {
        return attribute(element, name).flatMap(XmlAttribute::asInt).orElse(null);
    }

    /**
     * The attribute with a reference replaced by the value it resolves to in the default
     * configuration; unchanged without a table or when the reference leads nowhere.
     */
    private XmlAttribute resolved(XmlAttribute attribute) {
        if (resources == null) {
            return attribute;
        }
        OptionalInt target = OptionalInt.empty();
        if (attribute.isReference()) {
            target = OptionalInt.of(attribute.data());
        } else if (attribute.type() == ValueTypes.TYPE_STRING && attribute.rawValue() != null
                && RESOURCE_NAME.matcher(attribute.rawValue()).matches()) {
            target = resources.id(attribute.rawValue());
        }
        if (target.isEmpty()) {
            return attribute;
        }
        return resources.resolve(target.getAsInt())
                .filter(value -> !value.isReference())
                .map(value -> attribute.withValue(value.type(), value.data(), value.string()))
                .orElse(attribute);
    }

    private static Optional<String> nonEmpty(String text) {
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
