package org.leakscan.catalog.generate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Generates {@code signatures/framework-callbacks.json}: for every public SDK class an app can
 * extend and every public SDK interface it can implement, the methods it can override. The
 * Android framework calls these on app objects (lifecycle methods, listeners, {@code Runnable.run},
 * {@code AsyncTask.doInBackground}...), so the data-flow analysis treats an app's override of one
 * as an entry point, and an app method that overrides none as reachable only through calls.
 *
 * <p>Which methods: declared on that type (not inherited), public or protected, neither static,
 * final, private, synthetic nor a constructor, public SDK by the same rules as the other generated
 * catalogues ({@link PublicSdk}), and not one of {@code java.lang.Object}'s own methods
 * ({@code toString}, {@code equals}...), which the framework does not call as callbacks. Final
 * classes are left out: nothing can extend them.
 */
public final class FrameworkCallbacksGenerator {

    public static final String SCHEMA = "leakscan-framework-callbacks/1";

    private static final Set<String> OBJECT_METHODS = Set.of("toString()Ljava/lang/String;",
            "equals(Ljava/lang/Object;)Z", "hashCode()I", "finalize()V", "clone()Ljava/lang/Object;");

    private FrameworkCallbacksGenerator() {
    }

    /** Arguments: the framework jar, the output file. Prints a one-line summary to stderr. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: FrameworkCallbacksGenerator <android-all.jar> <framework-callbacks.json>");
            System.exit(2);
        }
        String json = generate(FrameworkJar.read(Path.of(args[0])), JdkClasses.ofRunningJdk());
        Files.writeString(Path.of(args[1]), json, StandardCharsets.UTF_8);
        System.err.printf("framework-callbacks: %d bytes -> %s%n", json.getBytes(StandardCharsets.UTF_8).length, args[1]);
    }

    /** The catalogue as JSON text. */
    public static String generate(FrameworkJar jar, JdkClasses jdk) {
        PublicSdk sdk = new PublicSdk(jar::get, jdk::get);
        List<String> candidates = new ArrayList<>(new TreeSet<>(jar.classes().keySet()));
        for (String name : jdk.classesIn(SdkPackages.LIBCORE::contains)) {
            if (jar.get(name) == null) {
                candidates.add(name);
            }
        }
        TreeMap<String, TreeSet<String>> callbacks = new TreeMap<>();
        int methods = 0;
        for (String name : candidates) {
            if (!sdk.isSdkClass(name)) {
                continue;
            }
            ClassNode node = sdk.find(name);
            boolean isInterface = (node.access & Opcodes.ACC_INTERFACE) != 0;
            if (!isInterface && (node.access & Opcodes.ACC_FINAL) != 0) {
                continue;
            }
            TreeSet<String> signatures = new TreeSet<>();
            for (MethodNode m : node.methods) {
                int bad = Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC
                        | Opcodes.ACC_BRIDGE;
                String signature = m.name + m.desc;
                if ((m.access & bad) != 0 || m.name.startsWith("<") || OBJECT_METHODS.contains(signature)) {
                    continue;
                }
                if (sdk.memberFailure(node, m.access, PublicSdk.concat(m.visibleAnnotations, m.invisibleAnnotations),
                        m.desc) != null) {
                    continue;
                }
                signatures.add(signature);
            }
            if (!signatures.isEmpty()) {
                callbacks.put("L" + name + ";", signatures);
                methods += signatures.size();
            }
        }
        JsonObject source = new JsonObject();
        source.addProperty("artifact", jar.artifact());
        source.addProperty("apiLevel", jar.apiLevel());
        source.addProperty("jdk", jdk.featureVersion());
        source.addProperty("types", callbacks.size());
        source.addProperty("methods", methods);
        JsonObject types = new JsonObject();
        callbacks.forEach((type, sigs) -> {
            JsonArray a = new JsonArray();
            sigs.forEach(a::add);
            types.add(type, a);
        });
        JsonObject top = new JsonObject();
        top.addProperty("schema", SCHEMA);
        top.add("source", source);
        top.add("types", types);
        StringBuilder out = new StringBuilder();
        CatalogueJson.writeObject(out, top, "", List.of("types"), List.of("source"));
        return out.append('\n').toString();
    }
}
