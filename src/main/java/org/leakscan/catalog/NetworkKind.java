package org.leakscan.catalog;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;

/**
 * What kind of network an address or special-use name is on, when that alone says where data
 * goes: the device itself, a local or private network, a carrier's gateway, the Android emulator's
 * host, a documentation or reserved range. {@link #PUBLIC} is every other address, and every name
 * not reserved for special use. From the IANA special-purpose address registries (RFC 6890) and
 * special-use domain names (RFC 2606, 6761, 6762, 7686, 8375).
 */
public enum NetworkKind {
    /** An address or name on the public internet. */
    PUBLIC("public", "the public internet"),
    /** 127.0.0.0/8, ::1, {@code localhost}: the device itself. */
    LOOPBACK("loopback", "this device (loopback)"),
    /** RFC 1918 (10/8, 172.16/12, 192.168/16) and RFC 4193 (fc00::/7) private networks. */
    PRIVATE("private", "a private network (RFC 1918/4193)"),
    /** 169.254/16 and fe80::/10: the local link only. */
    LINK_LOCAL("link-local", "the local link (link-local address)"),
    /** 100.64/10 (RFC 6598): behind a carrier's or ISP's NAT. */
    CARRIER_NAT("carrier-nat", "a carrier's shared address space (RFC 6598)"),
    /** Well-known WAP/MMS proxies of mobile carriers (10.0.0.172, 10.0.0.200 in China). */
    CARRIER_GATEWAY("carrier-gateway", "a mobile carrier's WAP/MMS gateway"),
    /** The Android emulator's virtual router: 10.0.2.2 is the host computer's loopback. */
    EMULATOR("emulator", "the Android emulator's host computer"),
    /** Names and addresses for examples only (RFC 2606, RFC 5737, RFC 3849). */
    DOCUMENTATION("documentation", "a documentation/example address, never a real server"),
    /** Names only a local network resolves ({@code .local}, {@code .home.arpa}, {@code .internal}, {@code .lan}, one label). */
    LOCAL_NAME("local-name", "a name on the local network"),
    /** Tor onion services ({@code .onion}, RFC 7686): reached through Tor, owner hidden. */
    ONION("onion", "a Tor onion service (owner hidden)"),
    /** Multicast groups (224/4, ff00::/8). */
    MULTICAST("multicast", "a multicast group on the local network"),
    /** 0.0.0.0/8, ::, 255.255.255.255, 240/4 and the other reserved ranges: no server. */
    RESERVED("reserved", "a reserved address (no server)");

    private final String id;
    private final String description;

    NetworkKind(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The report's value, e.g. {@code private}. */
    public String id() {
        return id;
    }

    /** A phrase for reports, e.g. "a private network (RFC 1918/4193)". */
    public String description() {
        return description;
    }

    /** Carrier WAP proxies hard-coded by apps of the feature-phone era (China Mobile/Unicom CMWAP/UNIWAP, China Telecom CTWAP). */
    private static final Map<String, String> CARRIER_GATEWAYS = Map.of("10.0.0.172", "CN", "10.0.0.200", "CN");

    /** The country of a carrier gateway address, or null. */
    static String carrierGatewayCountry(InetAddress address) {
        return CARRIER_GATEWAYS.get(address.getHostAddress());
    }

    /** The address {@code host} spells (IPv4 dotted quad, or IPv6 with or without brackets), or null. No DNS. */
    public static InetAddress literal(String host) {
        if (host == null) {
            return null;
        }
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (!InetAddresses.isInetAddress(h)) {
            return null;
        }
        InetAddress a = InetAddresses.forString(h);
        if (a instanceof Inet6Address six && InetAddresses.isMappedIPv4Address(h)) {
            return InetAddresses.getEmbeddedIPv4ClientAddress(six);
        }
        return a;
    }

    /** The kind of network {@code address} is on. */
    public static NetworkKind of(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int a0 = b[0] & 0xff;
            int a1 = b[1] & 0xff;
            int a2 = b[2] & 0xff;
            if (CARRIER_GATEWAYS.containsKey(address.getHostAddress())) {
                return CARRIER_GATEWAY;
            }
            if (a0 == 10 && a1 == 0 && a2 == 2) {
                return EMULATOR; // 10.0.2.0/24: the emulator's virtual router (host 10.0.2.2, DNS 10.0.2.3, device 10.0.2.15)
            }
            if (a0 == 127) {
                return LOOPBACK;
            }
            if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
                return PRIVATE;
            }
            if (a0 == 169 && a1 == 254) {
                return LINK_LOCAL;
            }
            if (a0 == 100 && a1 >= 64 && a1 <= 127) {
                return CARRIER_NAT;
            }
            if ((a0 == 192 && a1 == 0 && a2 == 2) || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
                return DOCUMENTATION;
            }
            if (a0 >= 224 && a0 <= 239) {
                return MULTICAST;
            }
            if (a0 == 0 || a0 >= 240 || (a0 == 192 && a1 == 0 && a2 == 0) || (a0 == 198 && (a1 == 18 || a1 == 19))) {
                return RESERVED;
            }
            return PUBLIC;
        }
        if (address.isLoopbackAddress()) {
            return LOOPBACK;
        }
        if (address.isAnyLocalAddress()) {
            return RESERVED;
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if ((b0 & 0xfe) == 0xfc) {
            return PRIVATE;
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if (b0 == 0xff) {
            return MULTICAST;
        }
        if (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return DOCUMENTATION;
        }
        return (b0 & 0xe0) == 0x20 ? PUBLIC : RESERVED; // 2000::/3 is the global unicast space
    }

    /**
     * The kind of a host name ({@code lower case}, no trailing dot) reserved for special use, or
     * {@link #PUBLIC}.
     */
    public static NetworkKind ofName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost") || h.equals("localhost.localdomain")) {
            return LOOPBACK;
        }
        if (h.equals("example.com") || h.endsWith(".example.com") || h.equals("example.net") || h.endsWith(".example.net")
                || h.equals("example.org") || h.endsWith(".example.org") || endsWithLabel(h, "example")
                || endsWithLabel(h, "test") || endsWithLabel(h, "invalid")) {
            return DOCUMENTATION;
        }
        if (endsWithLabel(h, "onion")) {
            return ONION;
        }
        if (h.indexOf('.') < 0 || endsWithLabel(h, "local") || h.equals("home.arpa") || h.endsWith(".home.arpa")
                || endsWithLabel(h, "internal") || endsWithLabel(h, "lan") || endsWithLabel(h, "localdomain")
                || endsWithLabel(h, "intranet")) {
            return LOCAL_NAME;
        }
        return PUBLIC;
    }

    private static boolean endsWithLabel(String host, String tld) {
        return host.equals(tld) || host.endsWith("." + tld);
    }
}
