package org.leakscan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointExtractorTest {

    private static List<String> values(String text) {
        return EndpointExtractor.extract(text).stream().map(c -> c.kind() + " " + c.value()).toList();
    }

    @Test
    void urlWithPathAndQueryKeepsSchemeAndHost() {
        EndpointExtractor.Candidate c = EndpointExtractor.extract("https://api.example.com/v1/x?a=1").get(0);
        assertEquals("url", c.kind());
        assertEquals("api.example.com", c.host());
        assertEquals("https", c.scheme());
        assertFalse(c.cleartext());
    }

    @Test
    void cleartextSchemesAreFlagged() {
        assertTrue(EndpointExtractor.extract("http://collect.tinymetrics.io/v2").get(0).cleartext());
        assertTrue(EndpointExtractor.extract("ws://push.example.net:8080/socket").get(0).cleartext());
    }

    @Test
    void urlInsideSentenceLosesTrailingPunctuation() {
        assertEquals(List.of("url https://example.org/help"), values("See https://example.org/help."));
    }

    @Test
    void urlHostIsLowerCasedAndPortAndUserDropped() {
        EndpointExtractor.Candidate c = EndpointExtractor.extract("HTTP://user:pw@API.Example.COM:8443/x").get(0);
        assertEquals("api.example.com", c.host());
        assertEquals("http", c.scheme());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://%s/api", "http://", "https://${host}/x", "https://.example.com/", "https://a..b/"})
    void placeholderHostsAreNotEndpoints(String s) {
        assertEquals(List.of(), values(s));
    }

    @Test
    void emailAddressesAnywhereInText() {
        assertEquals(List.of("email privacy@example.co.uk"), values("Write to Privacy@Example.co.uk today"));
    }

    @Test
    void emailInsideUrlIsNotAnAddress() {
        assertEquals(List.of("url https://user@example.com/"), values("https://user@example.com/"));
    }

    @Test
    void bareHostNeedsWholeTokenAndKnownTld() {
        assertEquals(List.of("host graph.facebook.com"), values("graph.facebook.com"));
        assertEquals(List.of("host api.adjust.com"), values("host=api.adjust.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.google.android.gms", "java.lang.String", "config.json", "libfoo.so",
            "org.example.notahost", "de.ecspride.MainActivity", "a.b", "index.html", "1.2.3", "classes2.dex"})
    void packageNamesFilesAndVersionsAreNotHosts(String s) {
        assertEquals(List.of(), values(s));
    }

    @Test
    void ipAddressesAsWholeTokensOnly() {
        assertEquals(List.of("ip 8.8.8.8"), values("dns=8.8.8.8"));
        assertEquals(List.of("ip 10.0.2.2:3000"), values("10.0.2.2:3000"));
        assertEquals(List.of(), values("version=1.2.3.4-beta"));
        assertEquals(List.of(), values("300.1.1.1"));
        assertEquals(List.of(), values("0.0.0.0"));
        assertEquals(List.of(), values("01.02.03.04"));
    }

    @Test
    void ipInUrlIsUrl() {
        EndpointExtractor.Candidate c = EndpointExtractor.extract("http://203.0.113.17:8080/ingest").get(0);
        assertEquals("url", c.kind());
        assertEquals("203.0.113.17", c.host());
    }

    @Test
    void severalEndpointsInOneStringKeepTheirOrder() {
        assertEquals(List.of("url https://a.example.com/x", "url http://b.example.org", "email me@example.net"),
                values("https://a.example.com/x and http://b.example.org, or me@example.net"));
    }

    @Test
    void hugeOrTinyStringsAreSkipped() {
        assertEquals(List.of(), values("a.b"));
        assertEquals(List.of(), values("x".repeat(200_000) + " https://example.com"));
    }
}
