package org.leakscan.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the generated part of the {@code analysis-bomb} fixture (issue #11): code no real app has
 * in this density, built to make a data-flow analysis run long, so a test can check that the flow
 * time limit holds. Generated rather than committed because it is large (about 1.5 MB of Java):
 * <ul>
 *   <li>{@value #CLASSES} classes of {@value #METHODS} huge methods (about 25 KB of bytecode each),
 *       each a run of {@value #BLOCKS} blocks;</li>
 *   <li>every block reads a source, branches on it, loops over tainted data and calls a sink:
 *       about {@value #CLASSES}&times;{@value #METHODS}&times;{@value #BLOCKS} sources and as many
 *       sinks, all feeding two variables that carry every label onwards;</li>
 *   <li>a ring of {@value #RING} small helpers that call each other recursively, twice per call.</li>
 * </ul>
 * The output depends only on these constants: same sources every build.
 */
public final class AnalysisBombSources {

    static final int CLASSES = 8;
    static final int METHODS = 3;
    static final int BLOCKS = 140;
    static final int RING = 16;

    private static final String PACKAGE = "org.leakscan.fixture.bomb";
    private static final String[] SOURCES = {
        "tm.getDeviceId()", "tm.getSubscriberId()", "tm.getLine1Number()", "tm.getSimSerialNumber()",
        "android.provider.Settings.Secure.getString(c.getContentResolver(), \"android_id\")",
    };

    private AnalysisBombSources() {
    }

    /** Writes the generated classes under {@code sourceRoot} (a javac source root). */
    public static void write(Path sourceRoot) throws IOException {
        Path dir = sourceRoot.resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Ring.java"), ring(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("Bombs.java"), bombs(), StandardCharsets.UTF_8);
        for (int k = 0; k < CLASSES; k++) {
            Files.writeString(dir.resolve("Huge" + k + ".java"), huge(k), StandardCharsets.UTF_8);
        }
    }

    private static String ring() {
        StringBuilder s = new StringBuilder("package " + PACKAGE + ";\n\n/** Small helpers that recurse into each other. */\n"
                + "final class Ring {\n\n    private Ring() {\n    }\n");
        for (int k = 0; k < RING; k++) {
            s.append("\n    static String r").append(k).append("(String a, String b) {\n")
                    .append("        if (a.length() > ").append(40 + k).append(") {\n            return a;\n        }\n")
                    .append("        if (a.hashCode() % 3 == ").append(k % 3).append(") {\n")
                    .append("            return r").append((k + 1) % RING).append("(b + a, a);\n        }\n")
                    .append("        return r").append((k + 5) % RING).append("(a + b.length(), r").append((k + 3) % RING)
                    .append("(b, a));\n    }\n");
        }
        return s.append("}\n").toString();
    }

    private static String bombs() {
        StringBuilder s = new StringBuilder("package " + PACKAGE + ";\n\nimport android.content.Context;\n\n"
                + "/** Calls every huge method, each with what the one before returned. */\nfinal class Bombs {\n\n"
                + "    private Bombs() {\n    }\n\n    static String runAll(Context c, String seed) {\n"
                + "        String acc = seed;\n");
        for (int k = 0; k < CLASSES; k++) {
            for (int m = 0; m < METHODS; m++) {
                s.append("        acc = Huge").append(k).append(".m").append(m).append("(c, acc);\n");
            }
        }
        return s.append("        return acc;\n    }\n}\n").toString();
    }

    private static String huge(int k) {
        StringBuilder s = new StringBuilder("package " + PACKAGE + ";\n\nimport android.content.Context;\n"
                + "import android.content.Intent;\nimport android.telephony.SmsManager;\n"
                + "import android.telephony.TelephonyManager;\nimport android.util.Log;\n\n"
                + "/** Huge methods: " + BLOCKS + " blocks of source, branch, loop and sink each. */\nfinal class Huge" + k
                + " {\n\n    private Huge" + k + "() {\n    }\n");
        for (int m = 0; m < METHODS; m++) {
            s.append("\n    static String m").append(m).append("(Context c, String v) {\n")
                    .append("        TelephonyManager tm = (TelephonyManager) c.getSystemService(Context.TELEPHONY_SERVICE);\n")
                    .append("        SmsManager sms = SmsManager.getDefault();\n")
                    .append("        String w = v;\n");
            for (int j = 0; j < BLOCKS; j++) {
                block(s, k * 1000 + m * 100 + j, j);
            }
            s.append("        return v + w;\n    }\n");
        }
        return s.append("}\n").toString();
    }

    private static void block(StringBuilder s, int id, int j) {
        String v = "s" + j;
        String i = "i" + j;
        s.append("        String ").append(v).append(" = ").append(SOURCES[id % SOURCES.length]).append(";\n")
                .append("        if (").append(v).append(" != null && ").append(v).append(".length() > ").append(j % 7)
                .append(") {\n            v = v + ").append(v).append(";\n        } else {\n")
                .append("            w = Ring.r").append(id % RING).append("(w, ").append(v).append(");\n        }\n")
                .append("        for (int ").append(i).append(" = 0; ").append(i).append(" < v.length() % ").append(3 + j % 5)
                .append("; ").append(i).append("++) {\n")
                .append("            w = w + v.charAt(").append(i).append(");\n")
                .append("            if (w.hashCode() == ").append(id).append(") {\n                v = ").append(v)
                .append(";\n            }\n        }\n");
        switch (id % 4) {
            case 0 -> s.append("        Log.d(\"b").append(id).append("\", w);\n");
            case 1 -> s.append("        Log.i(\"b").append(id).append("\", v + ").append(v).append(");\n");
            case 2 -> s.append("        sms.sendTextMessage(\"+1555").append(id).append("\", null, w, null, null);\n");
            default -> s.append("        c.sendBroadcast(new Intent(\"org.leakscan.bomb.B").append(id)
                    .append("\").putExtra(\"v\", v));\n");
        }
    }
}
