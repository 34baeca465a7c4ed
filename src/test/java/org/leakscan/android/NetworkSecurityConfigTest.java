package org.leakscan.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakscan.testing.Bundles;

/** The network security config as Android reads it, from each of the three XML encodings. */
class NetworkSecurityConfigTest {

    static final String CONFIG = Bundles.NETWORK_SECURITY_CONFIG;

    static void assertExpected(NetworkSecurityConfig c) {
        assertEquals(Boolean.FALSE, c.baseCleartextPermitted());
        assertFalse(c.baseUserCertificates(), "system CAs only in base-config");
        assertTrue(c.debugUserCertificates());
        assertEquals(3, c.domains().size());
        NetworkSecurityConfig.DomainConfig clear = c.domains().get(0);
        assertEquals(List.of("*.insecure.example.com", "10.0.2.2"), clear.domains());
        assertEquals(Boolean.TRUE, clear.cleartextPermitted());
        NetworkSecurityConfig.DomainConfig nested = c.domains().get(1);
        assertEquals(List.of("secure.insecure.example.com"), nested.domains());
        assertEquals(Boolean.FALSE, nested.cleartextPermitted(), "a nested domain-config overrides its parent");
        NetworkSecurityConfig.DomainConfig pinned = c.domains().get(2);
        assertNull(pinned.cleartextPermitted(), "not set here: the base config decides");
        assertEquals(Boolean.TRUE, pinned.userCertificates());
        assertEquals(List.of("sha256/7HIpactkIAq2Y49orFOOQKurWxmmSFZhBCoQYcRhJ3Y=",
                "sha256/fwza0LRMXouZHRC8Ei+4PyuldPDcf3UKgO/04cDM1oE="), pinned.pins());
        assertEquals("2030-01-01", pinned.pinExpiration());
    }

    @Test
    void textXml() {
        assertExpected(NetworkSecurityConfig.parse(TextXmlParser.parse(CONFIG.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void binaryXmlKeepsTheDomainsCharacterData() {
        byte[] axml = Bundles.binaryXml(CONFIG);
        assertTrue(BinaryXmlParser.looksBinary(axml));
        assertExpected(NetworkSecurityConfig.parse(XmlDocuments.parse(axml)));
    }

    @Test
    void protobufXmlOfAnAppBundle() {
        byte[] proto = Bundles.protoXml(CONFIG.getBytes(StandardCharsets.UTF_8));
        assertExpected(NetworkSecurityConfig.parse(XmlDocuments.parse(proto)));
    }

    @Test
    void anotherRootElementIsRejected() {
        XmlElement root = TextXmlParser.parse("<resources/>".getBytes(StandardCharsets.UTF_8));
        assertThrows(MalformedXmlException.class, () -> NetworkSecurityConfig.parse(root));
    }

    @Test
    void garbageIsMalformedXmlNotACrash() {
        assertThrows(MalformedXmlException.class, () -> XmlDocuments.parse(new byte[] {0x0a, 0x7f, 1, 2, 3}));
    }
}
