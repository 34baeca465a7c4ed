package org.leakscan.catalog.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

/**
 * Generates {@code signatures/framework-types.json}: the direct supertypes of every public SDK
 * class and interface, so that a call on an app's {@code MainActivity} can be matched to a
 * catalogue entry declared on {@code android.content.Context} although the app does not contain
 * the framework.
 *
 * <p>Which types: the public SDK classes of the framework jar, decided by {@link PublicSdk} (SDK
 * package, public nesting chain, no {@code @SystemApi}, {@code @Hide} or
 * {@code @UnsupportedAppUsage}, not AIDL), plus the public classes of Android's libcore SDK
 * packages taken from the running JDK (see {@link JdkClasses}). A public type whose superclass or
 * interface is hidden (for example {@code android.text.SpannedString} extends the hidden
 * {@code SpannableStringInternal}) gets the hidden type's supertypes instead, transitively, so no
 * hidden name appears and nothing reachable is lost.
 *
 * <p>Numbers for android-all-14 on JDK 17, counted when this was written: 48,226 framework
 * classes; left after each filter: SDK package 18,528; accessible 12,224; no {@code @SystemApi}
 * 10,942; no {@code @Hide} 10,941; no {@code @UnsupportedAppUsage} 10,939; not AIDL 8,481. The JDK
 * adds 1,425 public classes of the 3,540 in libcore's SDK packages. Written: 9,906 types (2,925
 * interfaces), 138 of them with a collapsed hidden supertype; about 1.1 MB. Classes hidden only by
 * Javadoc {@code @hide} or {@code @TestApi} inside SDK packages (for example
 * {@code android.app.ActivityTaskManager}, {@code android.view.Window$OnWindowDismissedCallback})
 * cannot be told apart in bytecode and remain.
 */
public final class FrameworkTypesGenerator {

    private FrameworkTypesGenerator() {
    }

    /** Arguments: the framework jar, the output file. Prints a one-line summary to stderr. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: FrameworkTypesGenerator <android-all.jar> <framework-types.json>");
            System.exit(2);
        }
        FrameworkTypeTable table = generate(FrameworkJar.read(Path.of(args[0])), JdkClasses.ofRunningJdk());
        String json = table.toJson();
        Files.writeString(Path.of(args[1]), json, StandardCharsets.UTF_8);
        System.err.printf("framework-types: %d types (%d from JDK %d), %d bytes -> %s%n", table.types().size(),
                table.source().jdkTypes(), table.source().jdk(), json.getBytes(StandardCharsets.UTF_8).length, args[1]);
    }

    /** The table for the public SDK types of {@code jar} and the libcore types of {@code jdk}. */
    public static FrameworkTypeTable generate(FrameworkJar jar, JdkClasses jdk) {
        PublicSdk sdk = new PublicSdk(jar::get, jdk::get);
        Map<PublicSdk.Filter, Integer> failures = new EnumMap<>(PublicSdk.Filter.class);
        List<String> kept = new ArrayList<>();
        for (String name : new TreeSet<>(jar.classes().keySet())) {
            PublicSdk.Filter failed = sdk.classFailure(name);
            if (failed == null) {
                kept.add(name);
            } else {
                failures.merge(failed, 1, Integer::sum);
            }
        }
        List<ApiPermissionMap.FilterCount> filters = new ArrayList<>();
        int remaining = jar.classes().size();
        for (PublicSdk.Filter f : PublicSdk.Filter.values()) {
            if (f == PublicSdk.Filter.SDK_SIGNATURE) {
                continue; // a member filter
            }
            remaining -= failures.getOrDefault(f, 0);
            filters.add(new ApiPermissionMap.FilterCount(f.id, f.description, remaining));
        }
        int jdkClasses = 0;
        int jdkTypes = 0;
        for (String name : jdk.classesIn(SdkPackages.LIBCORE::contains)) {
            if (jar.get(name) != null) {
                continue;
            }
            jdkClasses++;
            if (sdk.isSdkClass(name)) {
                kept.add(name);
                jdkTypes++;
            }
        }

        TreeMap<String, FrameworkTypeTable.TypeEntry> types = new TreeMap<>();
        int collapsed = 0;
        for (String name : kept) {
            ClassNode node = sdk.find(name);
            boolean passedHidden = false;
            String superType = null;
            Set<String> interfaces = new TreeSet<>();
            Deque<String> pendingInterfaces = new ArrayDeque<>(node.interfaces);
            String s = node.superName;
            while (s != null && !sdk.isSdkClass(s)) {
                passedHidden = true;
                ClassNode hidden = sdk.find(s);
                if (hidden == null) {
                    throw new IllegalStateException("superclass " + s + " of " + name + " is in neither the jar nor the JDK");
                }
                pendingInterfaces.addAll(hidden.interfaces);
                s = hidden.superName;
            }
            if (s != null) {
                superType = "L" + s + ";";
            }
            Set<String> seen = new HashSet<>();
            while (!pendingInterfaces.isEmpty()) {
                String i = pendingInterfaces.poll();
                if (!seen.add(i)) {
                    continue;
                }
                if (sdk.isSdkClass(i)) {
                    interfaces.add("L" + i + ";");
                } else {
                    passedHidden = true;
                    ClassNode hidden = sdk.find(i);
                    if (hidden != null) {
                        pendingInterfaces.addAll(hidden.interfaces);
                    }
                }
            }
            if (passedHidden) {
                collapsed++;
            }
            boolean isInterface = (node.access & Opcodes.ACC_INTERFACE) != 0;
            types.put("L" + name + ";", new FrameworkTypeTable.TypeEntry(superType, List.copyOf(interfaces), isInterface));
        }
        FrameworkTypeTable.Source source = new FrameworkTypeTable.Source(jar.artifact(), jar.apiLevel(),
                jdk.featureVersion(), jar.classes().size(), filters, jdkClasses, jdkTypes, collapsed);
        return new FrameworkTypeTable(source, types);
    }
}
