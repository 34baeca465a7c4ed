package org.leakscan.android;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of an XML document, the same shape whether it came from binary AXML
 * ({@link BinaryXmlParser}) or plain text ({@link TextXmlParser}). Immutable.
 *
 * @param namespace  namespace URI of the element, {@code null} for none
 * @param name       local name, {@code null} when a binary file's name string is unreadable
 * @param attributes attributes in file order
 * @param children   child elements in file order
 * @param text       the element's own character data, trimmed ({@code <domain>example.com</domain>}),
 *                   or {@code null} when it has none
 */
public record XmlElement(String namespace, String name, List<XmlAttribute> attributes, List<XmlElement> children,
                         String text) {

    public XmlElement {
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** An element without character data. */
    public XmlElement(String namespace, String name, List<XmlAttribute> attributes, List<XmlElement> children) {
        this(namespace, name, attributes, children, null);
    }

    /**
     * The {@code android:} attribute {@code name}, found as Android finds it.
     *
     * <p>Android reads manifest attributes through {@code obtainAttributes}, which matches them by
     * framework resource id, not by name: obfuscators rename attributes in the string pool and
     * keep the ids. So an attribute that carries a resource id matches exactly when its id is the
     * framework id of {@code name} (from {@link AndroidAttributes}); its spelled name and namespace
     * do not matter. Android's matching walks the attributes and the wanted ids together in
     * ascending id order, so an attribute whose id is not greater than every id before it is never
     * seen by Android; this method skips it the same way (aapt always writes attributes sorted, so
     * only tampered files are affected). An attribute without a resource id (text XML with an
     * unknown name, or a binary file without resource map) falls back to matching by
     * {@code android:} namespace and name; note that Android itself ignores such attributes in
     * binary manifests.
     */
    public Optional<XmlAttribute> androidAttribute(String name) {
        Objects.requireNonNull(name, "name");
        int id = AndroidAttributes.id(name);
        if (id != 0) {
            int highestSeen = 0;
            for (XmlAttribute attribute : attributes) {
                int attributeId = attribute.resourceId();
                if (attributeId == 0) {
                    continue;
                }
                if (Integer.compareUnsigned(attributeId, highestSeen) <= 0) {
                    continue;
                }
                if (attributeId == id) {
                    return Optional.of(attribute);
                }
                highestSeen = attributeId;
            }
        }
        for (XmlAttribute attribute : attributes) {
            if (attribute.resourceId() == 0 && attribute.isAndroid() && name.equals(attribute.name())) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    /**
     * The first attribute with this namespace ({@code null} for none) and name, matched by the
     * spelled name as Android's {@code getAttributeValue(namespace, name)} does; this is how
     * Android reads {@code <manifest package="…">}.
     */
    public Optional<XmlAttribute> attribute(String namespace, String name) {
        for (XmlAttribute attribute : attributes) {
            if (Objects.equals(namespace, attribute.namespace()) && Objects.equals(name, attribute.name())) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    /** The {@link XmlAttribute#stringValue() string value} of an {@code android:} attribute, if present. */
    public Optional<String> androidString(String name) {
        return androidAttribute(name).map(XmlAttribute::stringValue);
    }

    /** The child elements called {@code name} (no namespace check, as Android's manifest parser). */
    public List<XmlElement> children(String name) {
        return children.stream().filter(child -> Objects.equals(name, child.name())).toList();
    }

    /** The first child element called {@code name}. */
    public Optional<XmlElement> child(String name) {
        for (XmlElement child : children) {
            if (Objects.equals(name, child.name())) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }
}
