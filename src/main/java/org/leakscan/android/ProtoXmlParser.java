package org.leakscan.android;

import com.android.aapt.Resources;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the XML of an Android App Bundle: aapt2 stores the manifest and {@code res/xml/} files of an
 * AAB as protobuf {@code XmlNode} messages ({@code Resources.proto}), not as binary AXML. The tree
 * becomes the same {@link XmlElement} the other parsers give.
 *
 * <p>Compiled values map to the {@code Res_value} types binary XML would carry (booleans, integers,
 * strings). A reference keeps its id; when aapt2 kept its name as well ({@code @xml/config}), the
 * attribute is given as that text, as a text manifest gives it, because an AAB has no
 * {@code resources.arsc} to look the id up in.
 */
public final class ProtoXmlParser {

    /** Nesting deeper than this is hostile, not a manifest. */
    private static final int MAX_DEPTH = 256;

    private ProtoXmlParser() {
    }

    /**
     * Parses one protobuf XML document.
     *
     * @throws MalformedXmlException when the bytes are not an {@code XmlNode} with an element at its root
     */
    public static XmlElement parse(byte[] bytes) {
        Resources.XmlNode node;
        try {
            node = Resources.XmlNode.parseFrom(bytes);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new MalformedXmlException("protobuf XML: " + e.getMessage(), -1);
        }
        if (!node.hasElement()) {
            throw new MalformedXmlException("protobuf XML: no root element", -1);
        }
        return element(node.getElement(), 0);
    }

    private static XmlElement element(Resources.XmlElement e, int depth) {
        if (depth > MAX_DEPTH) {
            throw new MalformedXmlException("protobuf XML: elements nested deeper than " + MAX_DEPTH, -1);
        }
        List<XmlAttribute> attributes = new ArrayList<>();
        for (Resources.XmlAttribute a : e.getAttributeList()) {
            attributes.add(attribute(a));
        }
        List<XmlElement> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Resources.XmlNode child : e.getChildList()) {
            if (child.hasElement()) {
                children.add(element(child.getElement(), depth + 1));
            } else if (child.hasText()) {
                text.append(child.getText());
            }
        }
        return new XmlElement(emptyToNull(e.getNamespaceUri()), e.getName(), attributes, children, text.toString());
    }

    private static XmlAttribute attribute(Resources.XmlAttribute a) {
        String namespace = emptyToNull(a.getNamespaceUri());
        int id = a.getResourceId();
        if (id == 0 && XmlAttribute.ANDROID_NAMESPACE.equals(namespace)) {
            id = AndroidAttributes.id(a.getName());
        }
        String raw = a.getValue();
        if (!a.hasCompiledItem()) {
            return new XmlAttribute(namespace, a.getName(), id, ValueTypes.TYPE_STRING, 0, raw);
        }
        Resources.Item item = a.getCompiledItem();
        if (item.hasRef()) {
            Resources.Reference ref = item.getRef();
            if (!ref.getName().isEmpty()) {
                String name = ref.getName();
                return XmlAttribute.ofString(namespace, a.getName(), id, name.startsWith("@") ? name : "@" + name);
            }
            return new XmlAttribute(namespace, a.getName(), id, ValueTypes.TYPE_REFERENCE, ref.getId(), raw);
        }
        if (item.hasPrim()) {
            Resources.Primitive p = item.getPrim();
            if (p.hasBooleanValue()) {
                return new XmlAttribute(namespace, a.getName(), id, ValueTypes.TYPE_INT_BOOLEAN,
                        p.getBooleanValue() ? -1 : 0, raw);
            }
            if (p.hasIntDecimalValue()) {
                return new XmlAttribute(namespace, a.getName(), id, ValueTypes.TYPE_INT_DEC, p.getIntDecimalValue(), raw);
            }
            if (p.hasIntHexadecimalValue()) {
                return new XmlAttribute(namespace, a.getName(), id, ValueTypes.TYPE_INT_HEX,
                        p.getIntHexadecimalValue(), raw);
            }
        }
        if (item.hasStr()) {
            return XmlAttribute.ofString(namespace, a.getName(), id, item.getStr().getValue());
        }
        return new XmlAttribute(namespace, a.getName(), id, ValueTypes.TYPE_STRING, 0, raw);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
