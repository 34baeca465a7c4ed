package org.leakscan.android;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an app's network security config ({@code android:networkSecurityConfig}, a
 * {@code res/xml/} file) says about cleartext traffic, trusted certificate authorities and
 * certificate pinning. Read as Android's {@code XmlConfigSource} reads it: {@code <base-config>},
 * nested {@code <domain-config>}s (a nested one inherits what it does not set), and
 * {@code <debug-overrides>} (which applies only to debuggable builds).
 *
 * @param baseCleartextPermitted  {@code cleartextTrafficPermitted} of {@code <base-config>}, or
 *                                null when the file does not set it (the manifest's default applies)
 * @param baseUserCertificates    whether {@code <base-config>} trusts user-added CAs
 * @param domains                 every {@code <domain-config>}, nested ones flattened with what they inherit
 * @param debugUserCertificates   whether {@code <debug-overrides>} trusts user-added CAs
 */
public record NetworkSecurityConfig(Boolean baseCleartextPermitted, boolean baseUserCertificates,
                                    List<DomainConfig> domains, boolean debugUserCertificates) {

    public NetworkSecurityConfig {
        domains = List.copyOf(domains);
    }

    /**
     * One {@code <domain-config>}.
     *
     * @param domains            its domains, {@code *.} in front when {@code includeSubdomains="true"}
     * @param cleartextPermitted its own or inherited {@code cleartextTrafficPermitted}, null when neither says
     * @param userCertificates   whether its trust anchors (own, or inherited from the enclosing
     *                           domain-config; base-config anchors do not apply) include user CAs
     * @param pins               {@code <pin digest="SHA-256">} values as {@code sha256/<base64>}
     * @param pinExpiration      the pin set's {@code expiration} date, or null
     */
    public record DomainConfig(List<String> domains, Boolean cleartextPermitted, Boolean userCertificates,
                               List<String> pins, String pinExpiration) {
        public DomainConfig {
            domains = List.copyOf(domains);
            pins = List.copyOf(pins);
        }
    }

    /** Reads the config from the root element ({@code <network-security-config>}) of the file. */
    public static NetworkSecurityConfig parse(XmlElement root) {
        if (!"network-security-config".equals(root.name())) {
            throw new MalformedXmlException("network security config: root element is <" + root.name()
                    + ">, not <network-security-config>", -1);
        }
        Boolean baseCleartext = null;
        boolean baseUser = false;
        Optional<XmlElement> base = root.child("base-config");
        if (base.isPresent()) {
            baseCleartext = bool(base.get(), "cleartextTrafficPermitted");
            baseUser = Boolean.TRUE.equals(trustsUser(base.get()));
        }
        List<DomainConfig> domains = new ArrayList<>();
        for (XmlElement d : root.children("domain-config")) {
            domainConfig(d, null, null, domains, 0);
        }
        boolean debugUser = root.child("debug-overrides").map(NetworkSecurityConfig::trustsUser)
                .map(Boolean.TRUE::equals).orElse(false);
        return new NetworkSecurityConfig(baseCleartext, baseUser, domains, debugUser);
    }

    private static void domainConfig(XmlElement e, Boolean inheritedCleartext, Boolean inheritedUser,
                                     List<DomainConfig> out, int depth) {
        if (depth > 32) {
            return;
        }
        Boolean cleartext = bool(e, "cleartextTrafficPermitted");
        if (cleartext == null) {
            cleartext = inheritedCleartext;
        }
        Boolean user = trustsUser(e);
        if (user == null) {
            user = inheritedUser;
        }
        List<String> names = new ArrayList<>();
        for (XmlElement d : e.children("domain")) {
            if (d.text() != null) {
                names.add((Boolean.TRUE.equals(bool(d, "includeSubdomains")) ? "*." : "") + d.text());
            }
        }
        List<String> pins = new ArrayList<>();
        String expiration = null;
        Optional<XmlElement> pinSet = e.child("pin-set");
        if (pinSet.isPresent()) {
            expiration = pinSet.get().attribute(null, "expiration").map(XmlAttribute::stringValue).orElse(null);
            for (XmlElement pin : pinSet.get().children("pin")) {
                String digest = pin.attribute(null, "digest").map(XmlAttribute::stringValue).orElse("SHA-256");
                if (pin.text() != null) {
                    pins.add(digest.replace("-", "").toLowerCase(java.util.Locale.ROOT) + "/" + pin.text());
                }
            }
        }
        out.add(new DomainConfig(names, cleartext, user, pins, expiration));
        for (XmlElement nested : e.children("domain-config")) {
            domainConfig(nested, cleartext, user, out, depth + 1);
        }
    }

    /** Whether {@code <trust-anchors>} lists {@code <certificates src="user">}; null without trust anchors. */
    private static Boolean trustsUser(XmlElement config) {
        Optional<XmlElement> anchors = config.child("trust-anchors");
        if (anchors.isEmpty()) {
            return null;
        }
        for (XmlElement c : anchors.get().children("certificates")) {
            if (c.attribute(null, "src").map(XmlAttribute::stringValue).filter("user"::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static Boolean bool(XmlElement e, String name) {
        return e.attribute(null, name).flatMap(XmlAttribute::asBoolean).orElse(null);
    }
}
