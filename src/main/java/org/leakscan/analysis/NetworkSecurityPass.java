package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.leakscan.analysis.findings.NetworkSecurity;
import org.leakscan.android.MalformedXmlException;
import org.leakscan.android.NetworkSecurityConfig;
import org.leakscan.android.ResourceTable;
import org.leakscan.android.XmlDocuments;
import org.leakscan.diagnostics.Messages;
import org.leakscan.diagnostics.Stage;
import org.leakscan.input.InputException;

/**
 * The network security config the manifest names ({@code android:networkSecurityConfig}): where
 * cleartext is permitted, where user-added CAs are trusted, which domains are pinned.
 */
public final class NetworkSecurityPass implements Pass {

    public static final PassInfo INFO = PassInfo.of("network-security",
            "cleartext, user CAs and pinning from the network security config", ManifestPass.INFO.id());

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public void run(AnalysisContext context) {
        String resource = context.appInfo().networkSecurityConfig();
        if (resource == null) {
            return;
        }
        String file = fileOf(resource, context.resources(), context.app().entries().names());
        if (file == null) {
            context.diagnostics().unit(Stage.ANDROID, "AndroidManifest.xml",
                    "network security config " + resource + " not found in the package");
            return;
        }
        NetworkSecurityConfig config;
        try {
            config = NetworkSecurityConfig.parse(XmlDocuments.parse(context.app().entries().read(file)));
        } catch (InputException | MalformedXmlException e) {
            context.diagnostics().unit(Stage.ANDROID, file, "network security config unreadable: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            context.diagnostics().unit(Stage.ANDROID, file, "network security config unreadable ("
                    + Messages.describe(e) + ")");
            return;
        }
        context.setNetworkSecurity(summarise(file, config, context.appInfo().usesCleartextTraffic()));
    }

    /** The finding for one parsed config; {@code manifestCleartext} is the manifest's (or default) setting. */
    static NetworkSecurity summarise(String file, NetworkSecurityConfig config, Boolean manifestCleartext) {
        Boolean base = config.baseCleartextPermitted() != null ? config.baseCleartextPermitted() : manifestCleartext;
        List<String> cleartext = new ArrayList<>();
        List<String> user = new ArrayList<>();
        List<NetworkSecurity.PinSet> pins = new ArrayList<>();
        if (config.baseUserCertificates()) {
            user.add("base-config");
        }
        for (NetworkSecurityConfig.DomainConfig d : config.domains()) {
            Boolean clear = d.cleartextPermitted() != null ? d.cleartextPermitted() : base;
            if (Boolean.TRUE.equals(clear)) {
                cleartext.addAll(d.domains());
            }
            if (Boolean.TRUE.equals(d.userCertificates())) {
                for (String domain : d.domains()) {
                    user.add("domain " + domain);
                }
            }
            if (!d.pins().isEmpty()) {
                pins.add(new NetworkSecurity.PinSet(d.domains(), d.pins(), d.pinExpiration()));
            }
        }
        if (config.debugUserCertificates()) {
            user.add("debug-overrides");
        }
        return new NetworkSecurity(file, base, cleartext.stream().distinct().sorted().toList(),
                user.stream().distinct().toList(), pins);
    }

    /**
     * The file behind a resource name such as {@code xml/network_security_config}: the path the
     * resource table gives (shrunk apps rename files, {@code res/Zx.xml}), else the conventional
     * {@code res/<type>/<name>.xml}.
     */
    static String fileOf(String resource, ResourceTable table, List<String> entries) {
        if (table != null) {
            OptionalInt id = resource.startsWith("@0x")
                    ? OptionalInt.of(Integer.parseUnsignedInt(resource.substring(3), 16))
                    : table.id(resource);
            if (id.isPresent()) {
                String path = table.string(id.getAsInt());
                if (path != null && entries.contains(path)) {
                    return path;
                }
            }
        }
        String conventional = "res/" + (resource.startsWith("@") ? resource.substring(1) : resource) + ".xml";
        return entries.contains(conventional) ? conventional : null;
    }
}
