package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leakscan.program.MethodRef;
import org.leakscan.program.Types;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Every platform API named in {@code sinks.json} and {@code models.json} exists, with the
 * descriptor written, on its owner type or an ancestor, and {@code "static": true} is written
 * exactly where the method is static. {@code android.*}, {@code org.json} and {@code dalvik.*}
 * members are read from android-all API 34; {@code java.*} and {@code javax.*} ones from the
 * running JDK (Android 14's libcore follows OpenJDK 17). Framework members must also be public
 * SDK as far as bytecode shows ({@code @SystemApi}, {@code @UnsupportedAppUsage} and
 * {@code @Hide} mark them hidden). Third-party APIs cannot be checked here and must say
 * {@code "verified": false}; platform APIs must not. Skipped when the android-all jar is absent.
 */
class FlowCatalogueApisExistTest {

    /** Packages this test can check; everything else is third-party. */
    private static final List<String> PLATFORM = List.of("Landroid/", "Ljava/", "Ljavax/", "Lorg/json/", "Ldalvik/");
    private static final List<String> NOT_PLATFORM = List.of("Landroid/support/");
    private static final Set<String> HIDDEN = Set.of("Landroid/annotation/SystemApi;",
            "Landroid/compat/annotation/UnsupportedAppUsage;", "Landroid/annotation/Hide;");

    private static ZipFile framework;
    private static final Map<String, Optional<ClassNode>> CLASSES = new HashMap<>();

    static Path frameworkJar() {
        String override = System.getProperty("leakscan.androidAllJar");
        if (override != null) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "robolectric", "android-all",
                "14-robolectric-10818077", "android-all-14-robolectric-10818077.jar");
    }

    @BeforeAll
    static void openJar() throws IOException {
        Path jar = frameworkJar();
        assumeTrue(Files.isRegularFile(jar), "android-all-14 jar not present: " + jar);
        framework = new ZipFile(jar.toFile());
    }

    @AfterAll
    static void closeJar() throws IOException {
        if (framework != null) {
            framework.close();
        }
        CLASSES.clear();
    }

    static boolean isPlatform(String owner) {
        return PLATFORM.stream().anyMatch(owner::startsWith) && NOT_PLATFORM.stream().noneMatch(owner::startsWith);
    }

    /** The class, from the JDK for java.* and javax.*, else from the framework jar; null when absent. */
    private static ClassNode find(String internalName) {
        return CLASSES.computeIfAbsent(internalName, name -> {
            try {
                if (name.startsWith("java/") || name.startsWith("javax/")) {
                    try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
                        if (in != null) {
                            return Optional.of(read(in.readAllBytes()));
                        }
                    }
                }
                ZipEntry entry = framework.getEntry(name + ".class");
                if (entry == null) {
                    return Optional.empty();
                }
                try (InputStream in = framework.getInputStream(entry)) {
                    return Optional.of(read(in.readAllBytes()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(null);
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
        return node;
    }

    /** The declaring class and method found on {@code owner} or its ancestors, superclasses first. */
    private record Found(ClassNode owner, MethodNode method) {
    }

    private static Found resolve(MethodRef api) {
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        queue.add(Types.toInternalName(api.owner()));
        while (!queue.isEmpty()) {
            ClassNode c = find(queue.poll());
            if (c == null) {
                continue;
            }
            for (MethodNode m : c.methods) {
                if (m.name.equals(api.name()) && m.desc.equals(api.descriptor())
                        && (m.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) == 0) {
                    return new Found(c, m);
                }
            }
            if (api.isConstructor()) {
                break; // constructors are not inherited
            }
            if (c.superName != null && seen.add(c.superName)) {
                queue.add(c.superName);
            }
            for (String i : c.interfaces) {
                if (seen.add(i)) {
                    queue.add(i);
                }
            }
        }
        return null;
    }

    private static boolean hidden(List<AnnotationNode> visible, List<AnnotationNode> invisible) {
        for (List<AnnotationNode> list : Arrays.asList(visible, invisible)) {
            if (list != null) {
                for (AnnotationNode a : list) {
                    if (HIDDEN.contains(a.desc)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Checks one API and adds a line per problem. */
    private static void check(String where, MethodRef api, boolean isStatic, boolean checkStatic, boolean verified, List<String> problems) {
        boolean platform = isPlatform(api.owner());
        if (!platform) {
            if (verified) {
                problems.add(where + " third-party, must say \"verified\": false: " + api);
            }
            return;
        }
        if (!verified) {
            problems.add(where + " platform API marked \"verified\": false: " + api);
        }
        if (find(Types.toInternalName(api.owner())) == null) {
            problems.add(where + " no such class: " + api.owner());
            return;
        }
        Found found = resolve(api);
        if (found == null) {
            problems.add(where + " no such method on the class or its ancestors: " + api);
            return;
        }
        boolean actuallyStatic = (found.method().access & Opcodes.ACC_STATIC) != 0;
        if (checkStatic && actuallyStatic != isStatic) {
            problems.add(where + " \"static\" should be " + actuallyStatic + ": " + api);
        }
        // A public method of a package-private superclass (AbstractStringBuilder) is public API of its public subclasses.
        boolean ownerPublic = (find(Types.toInternalName(api.owner())).access & Opcodes.ACC_PUBLIC) != 0;
        if ((found.method().access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) == 0 || !ownerPublic) {
            problems.add(where + " not public (declared in " + found.owner().name + "): " + api);
        }
        if (hidden(found.method().visibleAnnotations, found.method().invisibleAnnotations)
                || hidden(found.owner().visibleAnnotations, found.owner().invisibleAnnotations)) {
            problems.add(where + " hidden API (@SystemApi, @UnsupportedAppUsage or @Hide in " + found.owner().name + "): " + api);
        }
    }

    private static List<String> problemsOf(String api, boolean isStatic, boolean verified) {
        List<String> problems = new ArrayList<>();
        check("x", MethodRef.parse(api), isStatic, true, verified, problems);
        return problems;
    }

    @Test
    void checkerCatchesMistakes() {
        String log = "Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I";
        assertEquals(List.of(), problemsOf(log, true, true));
        assertEquals(List.of("x \"static\" should be true: " + log), problemsOf(log, false, true));
        assertEquals(List.of("x platform API marked \"verified\": false: " + log), problemsOf(log, true, false));
        assertEquals(1, problemsOf("Landroid/util/Log;->d(Ljava/lang/String;)I", true, true).size());
        assertEquals(List.of("x no such class: Landroid/util/Nope;"), problemsOf("Landroid/util/Nope;->d()V", true, true));
        // Constructors are not inherited; other methods are found on ancestors, interfaces included.
        assertEquals(1, problemsOf("Ljava/io/BufferedWriter;-><init>()V", false, true).size());
        assertEquals(List.of(), problemsOf("Ljava/util/ArrayList;->iterator()Ljava/util/Iterator;", false, true));
        assertEquals(List.of(), problemsOf("Landroid/app/Activity;->sendBroadcast(Landroid/content/Intent;)V", false, true));
        assertEquals(List.of(), problemsOf("Ljava/lang/StringBuilder;->charAt(I)C", false, true));
        // @UnsupportedAppUsage: not public SDK.
        List<String> hidden = problemsOf("Landroid/telephony/SmsManager;->sendTextMessage(Ljava/lang/String;Ljava/lang/String;"
                + "Ljava/lang/String;Landroid/app/PendingIntent;Landroid/app/PendingIntent;IZI)V", false, true);
        assertEquals(1, hidden.size());
        assertTrue(hidden.get(0).contains("hidden API"), hidden.get(0));
        assertEquals(1, problemsOf("Lokhttp3/Call;->execute()Lokhttp3/Response;", false, true).size());
        assertEquals(List.of(), problemsOf("Lokhttp3/Call;->execute()Lokhttp3/Response;", false, false));
        assertEquals(1, problemsOf("Landroid/support/v4/content/LocalBroadcastManager;->sendBroadcast(Landroid/content/Intent;)Z",
                false, true).size());
    }

    @Test
    void sinkApisExist() {
        List<String> problems = new ArrayList<>();
        List<Sink> sinks = SinkCatalog.loadDefault().sinks();
        for (int i = 0; i < sinks.size(); i++) {
            Sink s = sinks.get(i);
            check("sinks[" + i + "]", s.api(), s.isStatic(), true, s.verified(), problems);
        }
        assertEquals(List.of(), problems, problems.size() + " sink problems");
    }

    @Test
    void modelApisExist() {
        List<String> problems = new ArrayList<>();
        ModelCatalog catalog = ModelCatalog.loadDefault();
        List<MethodModel> models = catalog.models();
        for (int i = 0; i < models.size(); i++) {
            MethodModel m = models.get(i);
            String where = "models[" + i + "]";
            if (m.isClassWide()) {
                boolean platform = isPlatform(m.owner());
                if (platform != m.verified()) {
                    problems.add(where + " \"verified\" must be " + platform + " for " + m.owner());
                } else if (platform && find(Types.toInternalName(m.owner())) == null) {
                    problems.add(where + " no such class: " + m.owner());
                }
            } else {
                check(where, m.api(), m.isStatic(), true, m.verified(), problems);
            }
        }
        int i = 0;
        for (String api : catalog.neutral()) {
            // The neutral list has no flags: it must name checkable platform methods; static does not matter.
            check("neutral[" + i++ + "]", MethodRef.parse(api), false, false, true, problems);
        }
        assertEquals(List.of(), problems, problems.size() + " model problems");
    }
}
