package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leakscan.catalog.generate.IpDatabaseGenerator;

/**
 * One fixture per basis of {@link HostClassifier}: catalogue, first party by package, by
 * certificate and by manifest, network kinds, IP literals with country and AS, ccTLD, and the
 * Public Suffix List cases ({@code *.co.uk}, {@code *.com.cn}, {@code *.appspot.com}). Runs on a
 * small catalogue and a small IP database made here, so the answers do not depend on shipped data.
 */
class HostClassifierTest {

    static final EntityCatalog ENTITIES = EntityCatalog.load(new ByteArrayInputStream("""
            {"schema": "leakscan-entities/1", "entities": [
              {"id": "acme", "name": "Acme Corp", "country": "US", "categories": ["cloud", "hosting"],
               "website": "https://acme.example", "domains": ["acme.com", "acmeapps.com", "acme-dyn.net"],
               "sharedDomains": ["acme-dyn.net"], "asns": [64500], "source": "company-site"},
              {"id": "adnet", "name": "AdNet", "country": "CN", "categories": ["advertising"],
               "website": "https://adnet.example", "domains": ["adnet.com.cn"], "source": "sdk-documentation"},
              {"id": "gapp", "name": "Gapp", "country": "US", "categories": ["hosting"],
               "website": "https://gapp.example", "domains": ["appspot.com"], "source": "company-site"}
            ]}
            """.getBytes(StandardCharsets.UTF_8)));

    /** 203.0.113.0/24 is a documentation range, so the fixture uses 1.2.3.0/24 and 5.6.0.0/16 (ranges made up here). */
    static final IpDatabase IPS = ipDatabase();

    static IpDatabase ipDatabase() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            IpDatabaseGenerator.write("2026-01-02", "test ranges",
                    List.<String[]>of(new String[] {"1.2.3.0", "1.2.3.255", "DE"}, new String[] {"5.6.0.0", "5.6.255.255", "JP"}),
                    List.<String[]>of(new String[] {"1.2.3.0", "1.2.3.127", "64500", "Acme Corp"},
                            new String[] {"5.6.0.0", "5.6.255.255", "64501", "Example Transit KK"}),
                    List.<String[]>of(new String[] {"2001:db9::", "2001:db9:ffff:ffff:ffff:ffff:ffff:ffff", "FR"}),
                    List.<String[]>of(new String[] {"2001:db9::", "2001:db9:ffff:ffff:ffff:ffff:ffff:ffff", "64502", "Six SA"}),
                    out);
            return IpDatabase.read(new ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final HostClassifier CLASSIFIER = new HostClassifier(ENTITIES, () -> IPS);

    private static HostClassification classify(String host) {
        return CLASSIFIER.classify(host, AppFacts.NONE);
    }

    @Test
    void catalogue() {
        HostClassification c = classify("api.acme.com");
        assertEquals(List.of("acme", "Acme Corp", "US", "third", "catalogue", "public", "acme.com"),
                List.of(c.entity(), c.name(), c.country(), c.party(), c.basis(), c.network(), c.domain()));
        assertNull(c.shared());
        assertEquals("adnet", classify("sdk.adnet.com.cn").entity());
    }

    @Test
    void aCustomersNameUnderASharedDomainIsMarked() {
        HostClassification c = classify("c2.victim.acme-dyn.net");
        assertEquals("acme", c.entity());
        assertEquals(Boolean.TRUE, c.shared());
        assertEquals("victim.acme-dyn.net", c.domain());
        // appspot.com is a public suffix (PSL private section): each app there is a site of its own.
        HostClassification g = classify("www.myapp.appspot.com");
        assertEquals("gapp", g.entity());
        assertEquals("myapp.appspot.com", g.domain());
        assertEquals(Boolean.TRUE, g.shared());
    }

    @Test
    void firstPartyByPackage() {
        AppFacts app = new AppFacts("uk.co.tinybank.mobile", List.of(), null, List.of());
        HostClassification c = CLASSIFIER.classify("api.tinybank.co.uk", app);
        assertEquals(List.of("app", "first", "first-party-package", "GB", "cctld", "tinybank.co.uk"),
                List.of(c.entity(), c.party(), c.basis(), c.country(), c.countryBasis(), c.domain()));
        // Only the registrable domain counts: another site under co.uk is not the app's.
        assertEquals("third", CLASSIFIER.classify("api.otherbank.co.uk", app).party());
        // A package under a shared suffix names the tenant, not the provider.
        HostClassification tenant = CLASSIFIER.classify("myapp.appspot.com",
                new AppFacts("com.appspot.myapp", List.of(), null, List.of()));
        assertEquals(List.of("gapp", "first", "catalogue", "first-party-package"),
                List.of(tenant.entity(), tenant.party(), tenant.basis(), tenant.partyBasis()));
    }

    @Test
    void aCataloguedCompanysNamespaceInThePackageNameIsNotEnough() {
        // Anybody can call a package com.acme.something; only the certificate makes Acme the maker.
        AppFacts app = new AppFacts("com.acme.fakeupdate", List.of(), null, List.of());
        assertEquals("third", CLASSIFIER.classify("api.acme.com", app).party());
        AppFacts signed = new AppFacts("com.acme.tools", List.of("Acme Corp."), "US", List.of());
        HostClassification c = CLASSIFIER.classify("api.acme.com", signed);
        assertEquals(List.of("acme", "first", "catalogue", "first-party-certificate"),
                List.of(c.entity(), c.party(), c.basis(), c.partyBasis()));
    }

    @Test
    void firstPartyByCertificate() {
        AppFacts app = new AppFacts("com.example.whatever", List.of("Oriole Software GmbH"), "AT", List.of());
        HostClassification c = CLASSIFIER.classify("cdn.oriole.io", app);
        assertEquals(List.of("app", "Oriole Software GmbH", "AT", "first", "first-party-certificate", "certificate"),
                List.of(c.entity(), c.name(), c.country(), c.party(), c.basis(), c.countryBasis()));
        assertEquals("third", CLASSIFIER.classify("oriolex.io", app).party());
    }

    @Test
    void firstPartyByManifest() {
        AppFacts app = new AppFacts(null, List.of(), null, List.of("*.shopfront.com.cn", "links.acme.com"));
        HostClassification c = CLASSIFIER.classify("img.shopfront.com.cn", app);
        assertEquals(List.of("app", "first", "first-party-manifest", "CN", "shopfront.com.cn"),
                List.of(c.entity(), c.party(), c.basis(), c.country(), c.domain()));
        // A catalogued company's domain in the manifest (a pin, a link) does not make it the maker.
        assertEquals("third", CLASSIFIER.classify("api.acme.com", app).party());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "127.0.0.1,          loopback,        none",
        "localhost,          loopback,        none",
        "api.localhost,      loopback,        none",
        "[::1],              loopback,        none",
        "192.168.1.20,       private,         none",
        "10.1.2.3,           private,         none",
        "172.20.0.5,         private,         none",
        "fd00::1,            private,         none",
        "169.254.10.10,      link-local,      none",
        "100.70.0.1,         carrier-nat,     none",
        "10.0.0.172,         carrier-gateway, third",
        "10.0.2.2,           emulator,        none",
        "192.0.2.5,          documentation,   none",
        "www.example.com,    documentation,   none",
        "api.example,        documentation,   none",
        "printer.local,      local-name,      none",
        "nas.home.arpa,      local-name,      none",
        "server,             local-name,      none",
        "abcdefghijklmnop.onion, onion,       third",
        "224.0.0.251,        multicast,       none",
        "0.0.0.0,            reserved,        none",
        "::ffff:192.168.0.1, private,         none",
    })
    void networkKinds(String host, String network, String party) {
        HostClassification c = classify(host);
        assertEquals(List.of(network, network, party, "network-kind"),
                List.of(c.network(), c.entity(), c.party(), c.basis()), host);
        assertNotNull(c.name(), host);
    }

    @Test
    void carrierGatewaysHaveTheirCountry() {
        assertEquals("CN", classify("10.0.0.172").country());
        assertEquals("unknown", classify("192.168.0.1").country());
    }

    @Test
    void ipLiteralWithCountryAndAs() {
        HostClassification c = classify("5.6.7.8");
        assertEquals(List.of("as64501", "Example Transit KK", "JP", "third", "ip-database", "public"),
                List.of(c.entity(), c.name(), c.country(), c.party(), c.basis(), c.network()));
        assertEquals(64501, c.asn());
        assertEquals("Example Transit KK", c.asName());
        // An AS the catalogue lists names the company; the address's country stays the database's.
        HostClassification acme = classify("1.2.3.4");
        assertEquals(List.of("acme", "DE", "ip-database"), List.of(acme.entity(), acme.country(), acme.basis()));
        assertEquals(64500, acme.asn());
        // Country without AS.
        HostClassification de = classify("1.2.3.200");
        assertEquals(List.of("unknown", "DE", "ip-database"), List.of(de.entity(), de.country(), de.basis()));
        HostClassification six = classify("2001:db9::1");
        assertEquals(List.of("as64502", "FR"), List.of(six.entity(), six.country()));
        HostClassification none = classify("9.9.9.9");
        assertEquals(List.of("unknown", "unknown", "none"), List.of(none.entity(), none.country(), none.basis()));
        assertTrue(none.reason().contains("IP database"), none.reason());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "shop.example.de,      DE, example.de",
        "shop.example.co.uk,   GB, example.co.uk",
        "a.b.shop.com.cn,      CN, shop.com.cn",
        "www.tienda.com.mx,    MX, tienda.com.mx",
        "x.y.co.jp,            JP, y.co.jp",
    })
    void countryCodeTld(String host, String country, String domain) {
        HostClassification c = classify(host);
        assertEquals(List.of("unknown", country, "cctld", "third", domain),
                List.of(c.entity(), c.country(), c.basis(), c.party(), c.domain()), host);
    }

    @Test
    void noEvidenceSaysWhy() {
        HostClassification c = classify("api.unheard-of.com");
        assertEquals(List.of("unknown", "unknown", "none", "third", "unheard-of.com"),
                List.of(c.entity(), c.country(), c.basis(), c.party(), c.domain()));
        assertTrue(c.reason().contains("unheard-of.com") && c.reason().contains(".com names no country"), c.reason());
        // Generic ccTLDs (.io) name no country either.
        assertEquals("none", classify("api.startup.io").basis());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Oray Technology Co., Ltd.   | oray",
        "Google Inc.                 | google",
        "Société Générale S.A.       | societegenerale",
        "The Example Company Limited | example",
    })
    void companyNamesAreReducedToWhatIdentifiesThem(String name, String expected) {
        assertEquals(expected, HostClassifier.normaliseName(name));
    }

    @Test
    void theShippedCatalogueAndDatabaseAnswerTogether() {
        HostClassifier shipped = EntityCatalog.loadDefault().classifier();
        // AS15169 has been Google's since 2000, and 8.8.8.8 its public DNS resolver.
        HostClassification google = shipped.classify("8.8.8.8", AppFacts.NONE);
        assertEquals(List.of("google", "ip-database"), List.of(google.entity(), google.basis()));
        assertEquals(15169, google.asn());
        HostClassification oray = shipped.classify("home.xicp.net", AppFacts.NONE);
        assertEquals(List.of("oray", "CN", "catalogue"), List.of(oray.entity(), oray.country(), oray.basis()));
        assertEquals(Boolean.TRUE, oray.shared());
        assertEquals("home.xicp.net", oray.domain());
    }
}
