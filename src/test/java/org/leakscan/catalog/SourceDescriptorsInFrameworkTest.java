package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.leakscan.program.FieldRef;
import org.leakscan.program.MethodRef;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Every {@code android.*} and {@code java.*} descriptor in {@code sources.json} names a real member:
 * framework members are looked up in AOSP 14's class files (org.robolectric:android-all:14), libcore
 * members in the running JDK, because android-all carries no {@code java.*} core classes. A member
 * counts when the named class or one of its superclasses or interfaces declares it with exactly
 * that name and descriptor. An entry's {@code verifiedIn} must say where it was found, and must be
 * absent when it was not; skipped when the jar is not in the local Maven repository.
 */
class SourceDescriptorsInFrameworkTest {

    private static final Path ANDROID_ALL = Path.of(System.getProperty("user.home"),
            ".m2/repository/org/robolectric/android-all/14-robolectric-10818077/android-all-14-robolectric-10818077.jar");

    @Test
    void frameworkDescriptorsExistAndAreMarked(TestReporter reporter) throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(ANDROID_ALL), "android-all 14 jar not in ~/.m2; skipped");
        SourceCatalog catalog = SourceCatalog.loadDefault();
        try (ClassFiles classes = new ClassFiles(ANDROID_ALL)) {
            List<String> problems = new ArrayList<>();
            List<String> notFound = new ArrayList<>();
            List<String> notCheckable = new ArrayList<>();
            int verified = 0;
            for (Source s : catalog.sources()) {
                String owner = s.owner();
                String where = checkedIn(owner);
                if (where == null) {
                    notCheckable.add(s.api());
                    if (s.verifiedIn() != null) {
                        problems.add(s.api() + ": verifiedIn " + s.verifiedIn() + " but nothing can check this package");
                    }
                    continue;
                }
                boolean found = s.kind() == Source.Kind.FIELD ? classes.hasField(s.field()) : classes.hasMethod(s.method());
                if (found) {
                    verified++;
                    if (!where.equals(s.verifiedIn())) {
                        problems.add(s.api() + ": found in " + where + " but verifiedIn is " + s.verifiedIn());
                    }
                } else {
                    notFound.add(s.api());
                    if (s.verifiedIn() != null) {
                        problems.add(s.api() + ": not found in " + where + " but marked verifiedIn " + s.verifiedIn());
                    }
                }
            }
            for (ContentUriSource u : catalog.contentUris()) {
                for (FieldRef f : u.fields()) {
                    if (checkedIn(f.owner()) != null && !classes.hasField(f)) {
                        problems.add(u.uri() + ": field " + f + " not found");
                    }
                }
            }
            for (UriReader r : catalog.uriReaders()) {
                if (checkedIn(r.method().owner()) != null && !classes.hasMethod(r.method())) {
                    problems.add("uriReader " + r.method() + " not found");
                }
            }
            reporter.publishEntry("verified", verified + " of " + catalog.sources().size() + " sources");
            reporter.publishEntry("android/java descriptors not found (marked unverified)", notFound.isEmpty() ? "none" : String.join(", ", notFound));
            reporter.publishEntry("third-party descriptors (not checkable here)", notCheckable.size() + ": " + String.join(", ", notCheckable));
            assertTrue(problems.isEmpty(), String.join("\n", problems));
        }
    }

    /** Where a member of {@code owner} can be checked: {@code android-all-14}, {@code jdk-17}, or null. */
    private static String checkedIn(String owner) {
        if (owner.startsWith("Landroid/")) {
            return "android-all-14";
        }
        if (owner.startsWith("Ljava/") || owner.startsWith("Ljavax/")) {
            return "jdk-17";
        }
        return null;
    }

    /** Members of classes read with ASM from the android-all jar or, for java.*, from the JDK. */
    private static final class ClassFiles implements AutoCloseable {
        private final ZipFile jar;
        private final Map<String, ClassInfo> cache = new HashMap<>();

        ClassFiles(Path jarPath) throws IOException {
            this.jar = new ZipFile(jarPath.toFile());
        }

        boolean hasMethod(MethodRef m) throws IOException {
            return declares(m.owner(), m.name() + m.descriptor(), new HashSet<>());
        }

        boolean hasField(FieldRef f) throws IOException {
            return declares(f.owner(), f.name() + ":" + f.type(), new HashSet<>());
        }

        private boolean declares(String typeDescriptor, String member, Set<String> visited) throws IOException {
            String internal = typeDescriptor.substring(1, typeDescriptor.length() - 1);
            if (!visited.add(internal)) {
                return false;
            }
            ClassInfo info = load(internal);
            if (info == null) {
                return false;
            }
            if (info.members.contains(member)) {
                return true;
            }
            for (String parent : info.supertypes) {
                if (declares("L" + parent + ";", member, visited)) {
                    return true;
                }
            }
            return false;
        }

        private ClassInfo load(String internal) throws IOException {
            if (cache.containsKey(internal)) {
                return cache.get(internal);
            }
            ClassInfo info = null;
            try (InputStream in = open(internal)) {
                if (in != null) {
                    info = new ClassInfo();
                    new ClassReader(in).accept(info.visitor(), ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                }
            }
            cache.put(internal, info);
            return info;
        }

        private InputStream open(String internal) throws IOException {
            if (internal.startsWith("java/") || internal.startsWith("javax/")) {
                return ClassLoader.getSystemResourceAsStream(internal + ".class");
            }
            ZipEntry entry = jar.getEntry(internal + ".class");
            return entry == null ? null : jar.getInputStream(entry);
        }

        @Override
        public void close() throws IOException {
            jar.close();
        }
    }

    /** Declared members ({@code name(desc)ret} and {@code name:type}) and direct supertypes of one class. */
    private static final class ClassInfo {
        final Set<String> members = new HashSet<>();
        final List<String> supertypes = new ArrayList<>();

        ClassVisitor visitor() {
            return new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                    if (superName != null) {
                        supertypes.add(superName);
                    }
                    if (interfaces != null) {
                        supertypes.addAll(List.of(interfaces));
                    }
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    members.add(name + descriptor);
                    return null;
                }

                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                    members.add(name + ":" + descriptor);
                    return null;
                }
            };
        }
    }
}
