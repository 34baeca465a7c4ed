package org.leakscan.android;

/**
 * Parses an XML document in whichever of Android's three encodings it is in: binary AXML (APKs),
 * protobuf (AABs) or text (AARs, source folders), told apart by their first bytes.
 */
public final class XmlDocuments {

    private XmlDocuments() {
    }

    /**
     * Parses the document.
     *
     * @throws MalformedXmlException when it is none of the three or is malformed
     */
    public static XmlElement parse(byte[] bytes) {
        if (BinaryXmlParser.looksBinary(bytes)) {
            return BinaryXmlParser.parse(bytes);
        }
        if (looksText(bytes)) {
            return TextXmlParser.parse(bytes);
        }
        return ProtoXmlParser.parse(bytes);
    }

    /** {@code <} after optional white space, or a UTF-8 byte-order mark. */
    private static boolean looksText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                continue;
            }
            return b == '<' || b == (byte) 0xEF;
        }
        return false;
    }
}
