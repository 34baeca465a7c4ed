package org.leakscan.android;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a plain-text XML file (the {@code AndroidManifest.xml} of an AAR library, a manifest in a
 * source folder) into the same {@link XmlElement} tree as {@link BinaryXmlParser}.
 *
 * <p>Hardened: the JDK's StAX parser runs with DTDs and external entities switched off, and a
 * document that contains a DOCTYPE at all is rejected, so neither external entities (XXE) nor
 * entity expansion (billion laughs) can happen.
 *
 * <p>So that callers see the same tree for both formats, {@code android:} attributes get their
 * framework resource id from {@link AndroidAttributes}, and their values are typed the way aapt
 * types the common cases: {@code true}/{@code false} become {@code TYPE_INT_BOOLEAN}
 * (data 0xffffffff or 0), decimal integers {@code TYPE_INT_DEC}, {@code 0x} integers
 * {@code TYPE_INT_HEX}. Everything else, including references such as {@code @string/app_name}
 * (no resource table exists yet to give them an id) and all attributes outside the
 * {@code android:} namespace, stays {@code TYPE_STRING} with the literal text. Unlike aapt, this
 * does not know each attribute's declared format, so {@code android:versionName="2"} becomes an
 * integer; its {@link XmlAttribute#stringValue()} is still {@code "2"}. The literal text is always
 * kept in {@link XmlAttribute#rawValue()}.
 *
 * <p>Attributes that carry a resource id are put first, in ascending id order, followed by the
 * others in file order: that is how aapt compiles them, and Android's attribute lookup (mirrored
 * by {@link XmlElement#androidAttribute}) only sees ids in ascending order.
 */
public final class TextXmlParser {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,10}");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]{1,8}");

    /** Attributes with a resource id first, ascending by id; the rest keep their order (the sort is stable). */
    private static final Comparator<XmlAttribute> AAPT_ORDER = Comparator.comparingLong(
            attribute -> attribute.resourceId() == 0 ? Long.MAX_VALUE : attribute.resourceId() & 0xffffffffL);

    private TextXmlParser() {
    }

    /**
     * Parses text XML.
     *
     * @return the root element
     * @throws MalformedXmlException when the text is not well-formed XML or declares a DOCTYPE
     */
    public static XmlElement parse(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        XMLStreamReader reader = null;
        try {
            reader = newFactory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            return read(reader);
        } catch (XMLStreamException e) {
            throw new MalformedXmlException("text XML: " + where(e.getLocation()) + oneLine(e.getMessage()), -1);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // Closing an in-memory reader cannot lose data; the parse result stands.
                }
            }
        }
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static void setIfSupported(XMLInputFactory factory, String property, Object value) {
        if (factory.isPropertySupported(property)) {
            factory.setProperty(property, value);
        }
    }

    /** Character data kept per element: configuration values, not documents. */
    private static final int MAX_TEXT = 64 * 1024;

    private static XmlElement read(XMLStreamReader reader) throws XMLStreamException {
        Deque<Builder> open = new ArrayDeque<>();
        XmlElement root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD:
                    throw new MalformedXmlException("text XML: " + where(reader.getLocation())
                            + "DOCTYPE declarations are not accepted", -1);
                case XMLStreamConstants.START_ELEMENT:
                    open.push(startElement(reader));
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    XmlElement element = open.pop().build();
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.peek().children.add(element);
                    }
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                    if (!open.isEmpty() && open.peek().text.length() < MAX_TEXT) {
                        open.peek().text.append(reader.getText());
                    }
                    break;
                default:
                    break;
            }
        }
        if (root == null) {
            throw new MalformedXmlException("text XML: no root element", -1);
        }
        return root;
    }

    private static Builder startElement(XMLStreamReader reader) {
        Builder element = new Builder(emptyToNull(reader.getNamespaceURI()), reader.getLocalName());
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String namespace = emptyToNull(reader.getAttributeNamespace(i));
            String name = reader.getAttributeLocalName(i);
            String value = reader.getAttributeValue(i);
            element.attributes.add(attribute(namespace, name, value));
        }
        element.attributes.sort(AAPT_ORDER);
        return element;
    }

    private static XmlAttribute attribute(String namespace, String name, String value) {
        if (!XmlAttribute.ANDROID_NAMESPACE.equals(namespace)) {
            return XmlAttribute.ofString(namespace, name, 0, value);
        }
        int id = AndroidAttributes.id(name);
        if (id == 0) {
            return XmlAttribute.ofString(namespace, name, 0, value);
        }
        if (value.equals("true") || value.equals("false")) {
            return new XmlAttribute(namespace, name, id, ValueTypes.TYPE_INT_BOOLEAN, value.equals("true") ? -1 : 0, value);
        }
        if (DECIMAL.matcher(value).matches()) {
            long number = Long.parseLong(value);
            if (number == (int) number) {
                return new XmlAttribute(namespace, name, id, ValueTypes.TYPE_INT_DEC, (int) number, value);
            }
        }
        if (HEX.matcher(value).matches()) {
            return new XmlAttribute(namespace, name, id, ValueTypes.TYPE_INT_HEX,
                    (int) Long.parseLong(value.substring(2), 16), value);
        }
        return XmlAttribute.ofString(namespace, name, id, value);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String where(Location location) {
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return "line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ": ";
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "not well-formed";
        }
        String text = message.replaceAll("\\s+", " ").trim();
        // The JDK prefixes its own "ParseError at [row,col]:[3,5] Message: "; the location is already given.
        int marker = text.indexOf("Message: ");
        return marker >= 0 ? text.substring(marker + "Message: ".length()) : text;
    }

    /** An element whose end tag has not been read yet. */
    private static final class Builder {
        final String namespace;
        final String name;
        final List<XmlAttribute> attributes = new ArrayList<>();
        final List<XmlElement> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Builder(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }

        XmlElement build() {
            return new XmlElement(namespace, name, attributes, children, text.toString());
        }
    }
}
