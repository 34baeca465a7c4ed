package org.leakscan.analysis;

import java.net.IDN;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds network endpoints in one string: URLs, e-mail addresses, and (when a token is nothing
 * else) bare host names and IPv4 addresses.
 *
 * <p>Precision matters more than recall here: apps are full of strings shaped like host names
 * (package names {@code com.google.android}, file names {@code config.json}, versions
 * {@code 1.2.3.4}). So URLs and e-mail addresses are found anywhere in a string, but a bare host
 * or IP counts only when it is a whole token, a host needs a known top-level domain and must not
 * look like a Java package or a file name, and an IP needs four octets of at most 255.
 */
public final class EndpointExtractor {

    /** One endpoint found in a string. */
    public record Candidate(String kind, String url, String host, String scheme, String value) {
        public boolean cleartext() {
            return scheme != null && (scheme.equals("http") || scheme.equals("ws") || scheme.equals("ftp"));
        }
    }

    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(https?|wss?|ftp)://[^\\s\"'<>\\\\^`{|}]+");
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})+)");
    private static final Pattern HOST = Pattern.compile(
            "(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+([a-z]{2,63})");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?::\\d{1,5})?");
    private static final Pattern TOKEN_SPLIT = Pattern.compile("[\\s\"'=,;()\\[\\]{}<>]+");

    /** Generic top-level domains seen in apps; country codes come from ISO 3166 (see {@link #isKnownTld}). */
    private static final Set<String> GENERIC_TLDS = Set.of("com", "net", "org", "info", "biz", "io", "co", "app",
            "dev", "ai", "me", "tv", "cc", "xyz", "top", "online", "site", "club", "cloud", "tech", "store", "shop",
            "live", "pro", "mobi", "name", "asia", "edu", "gov", "mil", "int", "eu", "uk", "su", "ac", "global",
            "network", "link", "click", "agency", "digital", "media", "news", "world", "space", "website", "email",
            "services", "solutions", "games", "game", "fun", "ltd", "group", "company", "center", "one", "plus",
            "google", "amazon", "apple", "microsoft", "yandex", "baidu", "alibaba", "tencent", "samsung", "huawei",
            "xiaomi", "facebook", "youtube", "android", "goog", "aws", "azure", "bing", "windows", "office",
            "mozilla", "firefox", "chrome", "page", "blog", "studio", "health", "bank", "money", "finance", "pay",
            "travel", "video", "music", "radio", "social", "chat", "inc", "llc", "run", "host", "today", "land",
            "systems", "software", "technology", "zone", "works", "express", "guru", "team", "support", "help",
            "red", "blue", "pink", "gold", "vip", "win", "bet", "casino", "poker", "loan", "work", "life", "love",
            "art", "design", "photo", "photos", "pics", "film", "movie", "show", "events", "market", "sale",
            "deals", "shopping", "buzz", "wiki", "ninja", "rocks", "city", "tokyo", "moscow", "berlin", "london",
            "paris", "nyc", "kiwi", "africa", "arpa", "local");

    /** File-name endings that are (also) TLDs: a bare token ending in them is almost always a file. */
    private static final Set<String> FILE_ENDINGS = Set.of("json", "xml", "png", "jpg", "jpeg", "gif", "webp", "txt",
            "html", "htm", "js", "css", "so", "dex", "jar", "zip", "apk", "properties", "class", "java", "kt", "db",
            "mp3", "mp4", "mov", "ogg", "wav", "ttf", "otf", "pdf", "csv", "log", "bin", "dat", "md", "sh", "py",
            "pb", "proto", "ini", "cfg", "conf", "yaml", "yml", "tmp", "bak", "gz", "tar", "rar", "sql", "svg");

    /** First labels of reversed package names: {@code com.example.app} is a package, not a host. */
    private static final Set<String> PACKAGE_ROOTS = Set.of("com", "org", "net", "io", "android", "androidx", "java",
            "javax", "kotlin", "kotlinx", "dalvik", "junit", "okhttp3", "retrofit2", "edu", "gov", "de", "uk", "fr",
            "cn", "ru", "jp", "br", "it", "nl", "es", "sun", "libcore");

    private static final Set<String> COUNTRY_CODES = countryCodes();

    private EndpointExtractor() {
    }

    /** Every endpoint in {@code text}, in order of first appearance, without duplicates. */
    public static List<Candidate> extract(String text) {
        if (text == null || text.length() < 4 || text.length() > 100_000) {
            return List.of();
        }
        Set<Candidate> out = new LinkedHashSet<>();
        boolean hasUrlOrMail = text.indexOf("://") >= 0 || text.indexOf('@') >= 0;
        if (hasUrlOrMail) {
            Matcher m = URL.matcher(text);
            while (m.find()) {
                Candidate c = url(trimTrailing(m.group()), m.group(1).toLowerCase(Locale.ROOT));
                if (c != null) {
                    out.add(c);
                }
            }
            Matcher e = EMAIL.matcher(text);
            while (e.find()) {
                String domain = e.group(1).toLowerCase(Locale.ROOT);
                String tld = domain.substring(domain.lastIndexOf('.') + 1);
                if (isKnownTld(tld) && !FILE_ENDINGS.contains(tld) && !isInsideUrl(text, e.start())) {
                    out.add(new Candidate("email", null, domain, null, e.group().toLowerCase(Locale.ROOT)));
                }
            }
        }
        if (text.indexOf('.') >= 0) {
            for (String token : TOKEN_SPLIT.split(text)) {
                Candidate c = bareToken(token);
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean isInsideUrl(String text, int at) {
        int lineStart = Math.max(text.lastIndexOf(' ', at), text.lastIndexOf('\n', at));
        int scheme = text.lastIndexOf("://", at);
        return scheme > lineStart;
    }

    private static Candidate url(String url, String scheme) {
        int hostStart = url.indexOf("://") + 3;
        int hostEnd = hostStart;
        while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String authority = url.substring(hostStart, hostEnd);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String host = authority;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            host = close > 0 ? host.substring(0, close + 1) : host;
        } else {
            int colon = host.indexOf(':');
            if (colon >= 0) {
                host = host.substring(0, colon);
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        if (!isPlausibleHost(host)) {
            return null;
        }
        return new Candidate("url", url, host, scheme, url);
    }

    /** A URL's host: a name with a dot, an IPv4/IPv6 literal, or localhost; no placeholders. */
    static boolean isPlausibleHost(String host) {
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (host.equals("localhost") || host.startsWith("[")) {
            return true;
        }
        if (IPV4.matcher(host).matches()) {
            return validIp(host);
        }
        if (host.indexOf('.') < 0 || host.startsWith(".") || host.endsWith(".") || host.contains("..")) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_')) {
                return false; // %s, $host, {placeholder}
            }
        }
        return true;
    }

    private static Candidate bareToken(String token) {
        String t = trimTrailing(token);
        if (t.length() < 4 || t.contains("://") || t.indexOf('@') >= 0) {
            return null;
        }
        Matcher ip = IPV4.matcher(t);
        if (ip.matches()) {
            String host = t.contains(":") ? t.substring(0, t.indexOf(':')) : t;
            return validIp(host) && !host.equals("0.0.0.0") && !host.equals("255.255.255.255")
                    ? new Candidate("ip", null, host, null, t) : null;
        }
        Matcher h = HOST.matcher(t);
        if (!h.matches()) {
            return null;
        }
        String tld = h.group(1);
        String first = t.substring(0, t.indexOf('.'));
        if (!isKnownTld(tld) || FILE_ENDINGS.contains(tld) || PACKAGE_ROOTS.contains(first)) {
            return null;
        }
        return new Candidate("host", null, t, null, t);
    }

    private static boolean validIp(String host) {
        String[] parts = host.split("\\.");
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.length() > 1 && p.startsWith("0")) {
                return false; // 01.02.03.04 is a date or a version, not an address
            }
            if (Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Drops sentence punctuation and unbalanced closing brackets that trail a match. */
    static String trimTrailing(String s) {
        int end = s.length();
        while (end > 0) {
            char c = s.charAt(end - 1);
            if (".,;:!?'\"".indexOf(c) >= 0) {
                end--;
            } else if (c == ')' && s.lastIndexOf('(', end - 1) < 0) {
                end--;
            } else if (c == ']' && s.lastIndexOf('[', end - 1) < 0) {
                end--;
            } else {
                break;
            }
        }
        return s.substring(0, end);
    }

    /** True for ISO 3166 country codes and the generic TLDs apps use. */
    public static boolean isKnownTld(String tld) {
        String t = tld.toLowerCase(Locale.ROOT);
        return GENERIC_TLDS.contains(t) || COUNTRY_CODES.contains(t) || t.startsWith("xn--") && IDN.toUnicode(t) != null;
    }

    private static Set<String> countryCodes() {
        Set<String> codes = new java.util.HashSet<>();
        for (String c : Locale.getISOCountries()) {
            codes.add(c.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(codes);
    }
}
