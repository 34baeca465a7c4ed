package org.leakscan.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.leakscan.android.BinaryXmlParser;
import org.leakscan.android.MalformedManifestException;
import org.leakscan.android.MalformedXmlException;
import org.leakscan.android.ManifestParser;
import org.leakscan.android.XmlAttribute;
import org.leakscan.android.XmlElement;

/**
 * Coverage-guided fuzzing of the binary XML reader and the manifest facts built on it. Contract:
 * a tree, or {@link MalformedXmlException} / {@link MalformedManifestException}; anything else is
 * a bug.
 */
class AxmlFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void parseManifest(byte[] data) {
        XmlElement root;
        try {
            root = BinaryXmlParser.parse(data);
        } catch (MalformedXmlException e) {
            Contract.oneLine(e.getMessage());
            return;
        }
        walk(root, 0);
        if ("manifest".equals(root.name())) {
            try {
                ManifestParser.parse(root, null);
            } catch (MalformedManifestException e) {
                Contract.oneLine(e.getMessage());
            }
        }
    }

    private static void walk(XmlElement e, int depth) {
        for (XmlAttribute a : e.attributes()) {
            a.stringValue();
        }
        for (XmlElement child : e.children()) {
            walk(child, depth + 1);
        }
    }
}
