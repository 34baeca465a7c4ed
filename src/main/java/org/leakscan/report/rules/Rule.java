package org.leakscan.report.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The built-in rules: one per kind of finding, each with an ID that never changes (a renumbering
 * is a report-schema change). IDs are grouped: {@code LS0xx} personal data reaching a sink (one
 * per sink kind), {@code LS1xx} permissions, {@code LS2xx} trackers, {@code LS3xx} network
 * endpoints and traffic, {@code LS4xx} components, {@code LS5xx} build and signing,
 * {@code LS6xx} the app's own Play Data safety declaration against its code, {@code LS9xx} the
 * analysis itself. New rules are appended, so a rule's position (its SARIF index) never changes. Each has {@code docs/rules/<ID>.md}, shipped in the jar and
 * used as the rule's help in SARIF.
 */
public enum Rule {
    LS001("PersonalDataToNetwork", Severity.HIGH, "network",
            "Personal data can be sent over the network",
            "Personal data read by the app's code reaches a network sink (HTTP client, socket, WebView, cloud SDK)."),
    LS002("PersonalDataBySms", Severity.HIGH, "sms",
            "Personal data can be sent by SMS",
            "Personal data reaches an SMS or MMS send call."),
    LS003("PersonalDataToLog", Severity.MEDIUM, "log",
            "Personal data can be written to the system log",
            "Personal data reaches logcat or standard output, readable over adb and by privileged apps."),
    LS004("PersonalDataToFile", Severity.LOW, "file",
            "Personal data can be written to a file",
            "Personal data reaches a file write; files can be backed up, shared or read by other apps on external storage."),
    LS005("PersonalDataToOtherApps", Severity.MEDIUM, "ipc",
            "Personal data can be handed to other apps",
            "Personal data reaches an intent, content provider, messenger or JavaScript bridge that leaves the app."),
    LS006("PersonalDataToClipboard", Severity.MEDIUM, "clipboard",
            "Personal data can be put on the clipboard",
            "Personal data reaches the clipboard, readable by other apps and input methods."),
    LS007("PersonalDataOverBluetooth", Severity.MEDIUM, "bluetooth",
            "Personal data can be sent over Bluetooth",
            "Personal data reaches a Bluetooth socket, GATT write or advertisement."),
    LS008("PersonalDataOverNearby", Severity.MEDIUM, "nearby",
            "Personal data can be sent over Nearby",
            "Personal data reaches Google Nearby connections or messages."),
    LS009("PersonalDataToOtherSink", Severity.MEDIUM, null,
            "Personal data can reach another sink",
            "Personal data reaches a sink of a kind that has no rule of its own."),
    LS101("DangerousPermission", Severity.LOW, null,
            "The app asks for a dangerous permission",
            "The manifest requests a runtime ('dangerous') permission, which guards personal data."),
    LS102("PermissionUsedNotDeclared", Severity.LOW, null,
            "Code uses a permission the manifest does not ask for",
            "Code calls an API that needs a permission the manifest does not declare: dead code, or a crash at run time."),
    LS103("PrivilegedOnlyApi", Severity.INFO, null,
            "Code calls an API that only privileged apps can use on some Android versions",
            "On some of the Android versions the app runs on, the API needs a permission that only system or privileged apps get: there it fails or returns nothing."),
    LS201("TrackerPresent", Severity.MEDIUM, null,
            "The app contains a tracker",
            "Code or network endpoints of a known tracking or analytics SDK are in the app."),
    LS301("CleartextEndpoint", Severity.MEDIUM, null,
            "The app names a cleartext endpoint",
            "A URL with a scheme that sends in clear (http, ws, ftp) is written in the app."),
    LS302("CleartextTrafficAllowed", Severity.LOW, null,
            "The manifest allows cleartext traffic",
            "android:usesCleartextTraffic is true, so the platform lets the app talk plain HTTP."),
    LS401("ExportedComponentWithoutPermission", Severity.LOW, null,
            "A component other apps can reach needs no permission",
            "An activity, service, receiver or provider is exported (explicitly or by an intent filter) and names no permission."),
    LS501("Debuggable", Severity.HIGH, null,
            "The app is debuggable",
            "android:debuggable is true: anyone with adb can attach a debugger and read the app's data."),
    LS502("BackupAllowed", Severity.LOW, null,
            "The app's data can be backed up",
            "android:allowBackup is not false, so the app's private files can leave the device in a backup."),
    LS503("DebugCertificate", Severity.MEDIUM, null,
            "The app is signed with the debug certificate",
            "The APK is signed with the Android SDK's well-known debug key, which anyone has."),
    LS901("AnalysisBlindSpot", Severity.INFO, null,
            "The analysis could not see into part of the app",
            "Native code, unresolved reflection, code loaded at run time or a limit hid part of the app from the data-flow analysis."),
    LS601("UndeclaredDataCollection", Severity.HIGH, null,
            "Data the Data safety declaration does not collect can leave the device",
            "A flow of a Play data type can leave the device (network, SMS, Bluetooth, Nearby), and the app's Data safety declaration does not say the type is collected."),
    LS602("UndeclaredDataSharing", Severity.HIGH, null,
            "Data the Data safety declaration does not share can reach a third party",
            "A flow of a Play data type can reach a third party (an SDK's code sends it, or a host the app does not own receives it), and the declaration does not say the type is shared."),
    LS603("CleartextDespiteDeclaration", Severity.MEDIUM, null,
            "Declared encrypted in transit, but personal data can travel in cleartext",
            "The Data safety declaration says all user data is encrypted in transit, and a flow of personal data goes to an http, ws or ftp URL."),
    LS604("DeclaredDataWithoutEvidence", Severity.INFO, null,
            "A declared data type shows no evidence in the code",
            "The Data safety declaration says a type is collected or shared and the code shows no flow of it leaving the device; static analysis cannot prove absence, so this is information only.");

    private final String ruleName;
    private final Severity severity;
    private final String sinkKind;
    private final String title;
    private final String description;

    Rule(String ruleName, Severity severity, String sinkKind, String title, String description) {
        this.ruleName = ruleName;
        this.severity = severity;
        this.sinkKind = sinkKind;
        this.title = title;
        this.description = description;
    }

    public String id() {
        return name();
    }

    /** SARIF's {@code name}: an UpperCamelCase identifier. */
    public String ruleName() {
        return ruleName;
    }

    /** The default severity of its findings. */
    public Severity severity() {
        return severity;
    }

    /** One line: what was found. */
    public String title() {
        return title;
    }

    /** A sentence or two: what it means. */
    public String description() {
        return description;
    }

    /** The data-flow rule for a sink kind ({@code network}...); {@link #LS009} for a kind without its own. */
    public static Rule forSinkKind(String kind) {
        for (Rule r : values()) {
            if (r.sinkKind != null && r.sinkKind.equals(kind)) {
                return r;
            }
        }
        return LS009;
    }

    /** True for the data-flow rules (LS001 to LS009). */
    public boolean isFlowRule() {
        return id().startsWith("LS00");
    }

    /** True for the rules that check the app's Data safety declaration (LS601 to LS604). */
    public boolean isDeclarationRule() {
        return id().startsWith("LS6");
    }

    /** The repository-relative path of its documentation. */
    public String docPath() {
        return "docs/rules/" + id() + ".md";
    }

    /** The documentation ({@code docs/rules/<ID>.md}, shipped in the jar) as Markdown. */
    public String documentation() {
        String resource = "/org/leakscan/rules/" + id() + ".md";
        try (InputStream in = Rule.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule documentation missing from the build: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rule with this ID, any case.
     *
     * @throws IllegalArgumentException when there is none
     */
    public static Rule fromId(String id) {
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown rule '" + id + "'");
        }
    }
}
