package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Host to owner: longest domain suffix on label boundaries, then the country-code TLD, never a guess. */
class HostOwnerTest {

    private static final EntityCatalog SHIPPED = EntityCatalog.loadDefault();

    /** A small catalogue whose answers do not depend on the shipped data. */
    private static final EntityCatalog SMALL = EntityCatalog.load(new ByteArrayInputStream("""
            {"schema": "leakscan-entities/1", "entities": [
              {"id": "acme", "name": "Acme", "country": "US", "categories": ["cloud"], "website": "https://acme.example",
               "domains": ["acme.com", "acme-cdn.net"]},
              {"id": "acme-ads", "name": "Acme Ads", "country": "FR", "parent": "acme", "categories": ["advertising"],
               "website": "https://ads.acme.com", "domains": ["ads.acme.com"]},
              {"id": "tracker", "name": "Tracker", "country": "IL", "categories": ["analytics"], "website": "https://t.example",
               "domains": ["sdk.ads.acme.com", "tracker.co.uk"]}
            ]}
            """.getBytes(StandardCharsets.UTF_8)));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "acme.com,                acme",
        "www.acme.com,            acme",
        "a.b.c.acme.com,          acme",
        "ads.acme.com,            acme-ads",
        "x.ads.acme.com,          acme-ads",
        "sdk.ads.acme.com,        tracker",
        "eu.sdk.ads.acme.com,     tracker",
        "notads.acme.com,         acme",
        "cdn.acme-cdn.net,        acme",
        "tracker.co.uk,           tracker",
        "api.tracker.co.uk,       tracker",
    })
    void theLongestMatchingSuffixWins(String host, String entity) {
        assertEquals(entity, SMALL.ownerOf(host).entity());
    }

    @Test
    void anOwnerCarriesNameAndCountry() {
        assertEquals(new HostOwner("acme-ads", "Acme Ads", "FR"), SMALL.ownerOf("ads.acme.com"));
        assertEquals(new HostOwner("acme", "Acme", "US"), SMALL.ownerOf("acme.com"));
        assertTrue(SMALL.ownerOf("acme.com").known());
        assertEquals("acme", SMALL.entityOfHost("img.acme.com").orElseThrow().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"notacme.com", "acme.com.evil.org", "acme.co", "cme.com", "acme-cdn.net.example", "xacme-cdn.net"})
    void lookAlikesDoNotMatch(String host) {
        assertFalse(SMALL.ownerOf(host).known(), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACME.COM", "Www.Acme.Com", "acme.com.", "www.acme.com.", " acme.com ", "*.acme.com"})
    void caseTrailingDotAndWildcardDoNotMatter(String host) {
        assertEquals("acme", SMALL.ownerOf(host).entity(), host);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "shop.example.de,      DE",
        "example.fr,           FR",
        "shop.example.co.uk,   GB",
        "example.uk,           GB",
        "example.gb,           GB",
        "www.example.com.cn,   CN",
        "example.co.jp,        JP",
        "example.com.br,       BR",
        "example.ru,           RU",
        "example.gov.co,       CO",
        "ministry.edu.ly,      LY",
        "xn--80ak6aa92e.xn--p1ai, RU",
        "example.xn--90ae,        BG",
    })
    void anUnknownHostGetsTheCountryOfItsCountryCodeTld(String host, String country) {
        HostOwner owner = SMALL.ownerOf(host);
        assertEquals(HostOwner.UNKNOWN_VALUE, owner.entity());
        assertEquals(null, owner.name());
        assertEquals(country, owner.country());
    }

    @Test
    void unicodeHostsAreReadInTheirAsciiForm() {
        assertEquals("RU", SMALL.ownerOf("пример.рф").country());
        assertEquals("CN", SMALL.ownerOf("例子.中国").country());
        assertEquals("RU", SMALL.ownerOf("ПРИМЕР.РФ").country());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // generic ccTLDs: no country
        "api.example.io", "example.co", "example.tv", "example.me", "example.ai", "bit.ly", "example.fm", "example.gg",
        "example.to", "example.cc", "example.ws", "example.nu", "example.com.co", "www.example.co.io",
        // not countries
        "example.eu", "example.su", "example.ac", "example.com", "example.org", "example.app", "example.xn--11b4c3d",
        // not host names
        "192.168.1.1", "10.0.0.1.", "::1", "[2001:db8::1]", "de", "com", "uk", "", " ", ".", "example..com",
        "-example.de", "example.de:8080", "exa mple.de", "https://example.de/",
    })
    void otherwiseNothingIsKnown(String host) {
        assertEquals(HostOwner.UNKNOWN, SMALL.ownerOf(host), host);
    }

    @Test
    void nullIsUnknown() {
        assertEquals(HostOwner.UNKNOWN, SMALL.ownerOf(null));
        assertTrue(SMALL.entityOfHost(null).isEmpty());
    }

    @Test
    void anEntityMatchBeatsTheCountryCodeTld() {
        assertEquals(new HostOwner("tracker", "Tracker", "IL"), SMALL.ownerOf("x.tracker.co.uk"));
    }

    // ------------------------------------------------------------------ the shipped catalogue

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "graph.facebook.com,                 meta,        US",
        "facebook.com,                       meta,        US",
        "scontent.xx.fbcdn.net,              meta,        US",
        "googleads.g.doubleclick.net,        google,      US",
        "app-measurement.com,                google,      US",
        "firebaseinstallations.googleapis.com, google,    US",
        "launches.appsflyersdk.com,          appsflyer,   IL",
        "app.adjust.net.in,                  adjust,      DE",
        "api.mixpanel.com,                   mixpanel,    US",
        "s3.eu-west-1.amazonaws.com,         aws,         US",
        "aws.amazon.com,                     aws,         US",
        "console.aws.amazon.com,             aws,         US",
        "www.amazon.com,                     amazon,      US",
        "mc.yandex.ru,                       yandex,      RU",
        "api16-normal-c-useast1a.tiktokv.com, bytedance,  CN",
        "ulogs.umeng.com,                    alibaba,     CN",
        "bugly.qq.com,                       tencent,     CN",
        "a1234.dscb.akamai.net,              akamai,      US",
        "top-fwz1.mail.ru,                   vk,          RU",
        "o123.ingest.sentry.io,              sentry,      US",
        "www.yahoo.co.jp,                    ly-corp,     JP",
        "data.flurry.com,                    yahoo,       US",
    })
    void shippedLookups(String host, String entity, String country) {
        HostOwner owner = SHIPPED.ownerOf(host);
        assertEquals(entity, owner.entity(), host);
        assertEquals(country, owner.country(), host);
        assertEquals(SHIPPED.entity(entity).orElseThrow().name(), owner.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"notfacebook.com", "facebook.com.phish.example", "fakeappsflyer.com", "amazonaws.com.evil.io"})
    void shippedLookAlikesAreUnknown(String host) {
        assertFalse(SHIPPED.ownerOf(host).known(), host);
    }
}
