package org.leakscan.bytecode.dex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jf.dexlib2.dexbacked.DexBackedClassDef;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.dexbacked.DexBackedField;
import org.jf.dexlib2.dexbacked.DexBackedMethod;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.leakscan.bytecode.RefPool;
import org.leakscan.diagnostics.Diagnostics;
import org.leakscan.input.AppPackage;
import org.leakscan.input.CodeFile;
import org.leakscan.input.PackageReader;
import org.leakscan.program.Annotation;
import org.leakscan.program.ClassDef;
import org.leakscan.program.FieldDef;
import org.leakscan.program.MethodDef;
import org.leakscan.testing.FixtureApps;
import org.leakscan.testing.SharedApps;

/**
 * {@link DexFrontEnd} reads class definitions and class data itself (dexlib2's iterators decode
 * every member's strings to look for duplicates). Checked here against dexlib2's own reading of
 * the same files: types, flags, fields with their static values, methods and whether they have
 * code, and the annotations on classes, fields, methods and parameters.
 */
class DexClassReadingTest {

    private static final long MAX_SHARED_APP_BYTES = 12L << 20;

    @Test
    void classesReadAsDexlib2ReadsThemInEveryFixture() throws Exception {
        List<Path> apks = FixtureApps.apks();
        assertTrue(compare(apks) > 20, "classes compared");
    }

    @Test
    void classesReadAsDexlib2ReadsThemInEverySharedApp() throws Exception {
        List<Path> apks = SharedApps.apks(MAX_SHARED_APP_BYTES, "droidbench/apk", "corpus");
        Assumptions.assumeTrue(!apks.isEmpty(), "../shared is not here");
        assertTrue(compare(apks) > 5_000, "classes compared");
    }

    private static int compare(List<Path> apks) throws Exception {
        int compared = 0;
        for (Path apk : apks) {
            AppPackage app = new PackageReader().read(apk);
            for (CodeFile file : app.dexFiles()) {
                List<DexBackedDexFile> sections;
                try {
                    sections = DexFrontEnd.sections(file.bytes());
                } catch (org.leakscan.bytecode.MalformedCodeException e) {
                    continue;
                }
                List<ClassDef> ours = new DexFrontEnd(new RefPool()).read(file, new Diagnostics(apk.toString()));
                List<DexBackedClassDef> theirs = new ArrayList<>();
                for (DexBackedDexFile dex : sections) {
                    theirs.addAll(dex.getClassSection());
                }
                assertEquals(theirs.size(), ours.size(), apk + "!" + file.name());
                for (int i = 0; i < ours.size(); i++) {
                    assertEquals(expected(theirs.get(i)), actual(ours.get(i)), apk + "!" + file.name());
                    compared++;
                }
            }
        }
        return compared;
    }

    private static List<String> expected(DexBackedClassDef c) {
        List<String> out = new ArrayList<>();
        out.add("class " + c.getType() + " extends " + c.getSuperclass() + " implements " + c.getInterfaces()
                + " flags " + c.getAccessFlags() + " " + types(c.getAnnotations()));
        for (DexBackedField f : c.getFields()) {
            out.add("field " + f.getName() + ":" + f.getType() + " flags " + f.getAccessFlags() + " = "
                    + DexFrontEnd.constantOf(f.getInitialValue()) + " " + types(f.getAnnotations()));
        }
        for (DexBackedMethod m : c.getMethods()) {
            List<String> params = new ArrayList<>();
            m.getParameterAnnotations().forEach(set -> params.add(types(set).toString()));
            while (!params.isEmpty() && params.get(params.size() - 1).equals("[]")) {
                params.remove(params.size() - 1);
            }
            out.add("method " + m.getName() + " flags " + (m.getAccessFlags() & 0xffff) + " code "
                    + (m.getImplementation() != null) + " " + types(m.getAnnotations()) + " params " + params);
        }
        return out;
    }

    private static List<String> actual(ClassDef c) {
        List<String> out = new ArrayList<>();
        out.add("class " + c.type() + " extends " + c.superType() + " implements " + c.interfaces() + " flags "
                + c.access() + " " + ours(c.annotations()));
        for (FieldDef f : c.fields()) {
            out.add("field " + f.ref().name() + ":" + f.ref().type() + " flags " + f.access() + " = "
                    + f.constantValue() + " " + ours(f.annotations()));
        }
        for (MethodDef m : c.methods()) {
            List<String> params = new ArrayList<>();
            m.parameterAnnotations().forEach(list -> params.add(ours(list).toString()));
            while (!params.isEmpty() && params.get(params.size() - 1).equals("[]")) {
                params.remove(params.size() - 1);
            }
            out.add("method " + m.ref().name() + " flags " + m.access() + " code " + m.hasCode() + " "
                    + ours(m.annotations()) + " params " + params);
        }
        return out;
    }

    /** Annotation types, as the front-end keeps them (dalvik.annotation.* dropped). */
    private static List<String> types(java.util.Set<? extends org.jf.dexlib2.iface.Annotation> set) {
        return set.stream().map(org.jf.dexlib2.iface.Annotation::getType)
                .filter(t -> !t.startsWith("Ldalvik/annotation/")).sorted().toList();
    }

    private static List<String> ours(List<Annotation> list) {
        return list.stream().map(Annotation::type).filter(Objects::nonNull).sorted().toList();
    }
}
