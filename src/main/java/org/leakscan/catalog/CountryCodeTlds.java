package org.leakscan.catalog;

import java.net.IDN;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The country a host's country-code top-level domain names, for hosts no catalogued entity owns
 * ({@code shop.example.de} is in Germany; {@code shop.example.co.uk} in GB). Never guesses:
 *
 * <ul>
 *   <li>Only the last label decides, so second-level forms ({@code .co.uk}, {@code .com.cn},
 *       {@code .co.jp}) need no list of their own. {@code uk} is GB; every other two-letter TLD is
 *       its country only when it is an ISO 3166-1 alpha-2 code ({@link Locale#getISOCountries()}),
 *       so {@code .eu}, {@code .su} and {@code .ac} name no country.</li>
 *   <li>{@link #GENERIC} lists the ccTLDs sold and used worldwide as if they were generic
 *       ({@code .io}, {@code .co}, {@code .tv}, {@code .me}, {@code .ai}, {@code .ly}, ...): a
 *       name under them says nothing about where its owner is, so they give no country, except
 *       under a government or academic second level ({@code gov.co}, {@code edu.ly}), which only
 *       that country's institutions use.</li>
 *   <li>Internationalised ccTLDs ({@code .рф}, {@code .中国}, ...) count in their {@code xn--} form.</li>
 * </ul>
 */
final class CountryCodeTlds {

    /**
     * ccTLDs used generically. Google's list of ccTLDs it treats as generic (ad as bz cc cd co dj
     * fm io la me ms nu sc sr su tv tk ws), plus those this project sees marketed the same way:
     * word puns (ai am ag ly md so st to vc gg gl gd im sh cx gs) and the free or near-free
     * registries (pw ml ga cf gq).
     */
    static final Set<String> GENERIC = Set.of(
            "ad", "as", "bz", "cc", "cd", "co", "dj", "fm", "io", "la", "me", "ms", "nu", "sc", "sr", "su", "tv", "tk", "ws",
            "ai", "am", "ag", "ly", "md", "so", "st", "to", "vc", "gg", "gl", "gd", "im", "sh", "cx", "gs",
            "pw", "ml", "ga", "cf", "gq");

    /** Second-level labels under a generic ccTLD that only that country's institutions use. */
    private static final Set<String> INSTITUTIONAL = Set.of("gov", "gob", "edu", "mil");

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    /** Internationalised ccTLDs, written in Unicode and looked up in their ASCII (xn--) form. */
    private static final Map<String, String> IDN_TLDS = idnTlds(
            "рф", "RU", "中国", "CN", "中國", "CN", "香港", "HK", "澳門", "MO", "台灣", "TW", "台湾", "TW", "한국", "KR",
            "新加坡", "SG", "ไทย", "TH", "भारत", "IN", "укр", "UA", "бел", "BY", "қаз", "KZ", "срб", "RS", "мкд", "MK",
            "ελ", "GR", "бг", "BG", "հայ", "AM", "გე", "GE", "مصر", "EG", "السعودية", "SA", "امارات", "AE", "ایران", "IR", "قطر", "QA");

    private CountryCodeTlds() {
    }

    /** True when {@code code} is an ISO 3166-1 alpha-2 country code (upper case). */
    static boolean isCountry(String code) {
        return ISO_COUNTRIES.contains(code);
    }

    /**
     * The country {@code host}'s top-level domain names, if any. {@code host} is lower case,
     * ASCII (IDNs in xn-- form), without a trailing dot, and has at least two labels.
     */
    static Optional<String> countryOf(String host) {
        int lastDot = host.lastIndexOf('.');
        String tld = host.substring(lastDot + 1);
        if (tld.startsWith("xn--")) {
            return Optional.ofNullable(IDN_TLDS.get(tld));
        }
        if (tld.length() != 2) {
            return Optional.empty();
        }
        if (GENERIC.contains(tld)) {
            String rest = host.substring(0, lastDot);
            String second = rest.substring(rest.lastIndexOf('.') + 1);
            if (!INSTITUTIONAL.contains(second)) {
                return Optional.empty();
            }
        }
        String code = tld.equals("uk") ? "GB" : tld.toUpperCase(Locale.ROOT);
        return isCountry(code) ? Optional.of(code) : Optional.empty();
    }

    private static Map<String, String> idnTlds(String... unicodeAndCountry) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < unicodeAndCountry.length; i += 2) {
            String country = unicodeAndCountry[i + 1];
            if (!isCountry(country)) {
                throw new IllegalStateException("not an ISO 3166-1 code: " + country);
            }
            map.put(IDN.toASCII(unicodeAndCountry[i]).toLowerCase(Locale.ROOT), country);
        }
        return Map.copyOf(map);
    }
}
