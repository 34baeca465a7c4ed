package org.leakscan.bytecode.dex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.junit.jupiter.api.Test;
import org.leakscan.bytecode.MalformedCodeException;
import org.leakscan.bytecode.RefPool;
import org.leakscan.diagnostics.AnalysisError;
import org.leakscan.diagnostics.Diagnostics;
import org.leakscan.input.CodeFile;
import org.leakscan.input.PackageReader;
import org.leakscan.program.ClassDef;
import org.leakscan.testing.FixtureApps;

/**
 * Counts and lengths in a DEX file size what the reader allocates. A few bytes that declare two
 * billion items must cost an error, never gigabytes of heap (a fuzzer found such an input).
 */
class HostileDexTest {

    @Test
    void anIdSectionLongerThanTheFileIsMalformed() throws Exception {
        for (int sizeField : new int[] {0x38, 0x40, 0x48, 0x50, 0x58, 0x60}) {
            byte[] dex = fixtureDex();
            le(dex).putInt(sizeField, 0x7fff_ffff);
            MalformedCodeException e = assertThrows(MalformedCodeException.class, () -> read(dex, new Diagnostics("t")));
            assertTrue(e.getMessage().contains("run past the end of the file"), e.getMessage());
        }
    }

    @Test
    void aStringLongerThanTheFileCostsOnlyTheClassesThatNameIt() throws Exception {
        byte[] original = fixtureDex();
        List<ClassDef> all = read(original, new Diagnostics("t"));
        // Point the string that names the first class's type at a length of 2^31-1 UTF-16 units.
        byte[] dex = Arrays.copyOf(original, original.length + 5);
        ByteBuffer b = le(dex);
        int classDefs = b.getInt(0x64);
        int typeIndex = b.getInt(classDefs);
        int stringIndex = b.getInt(b.getInt(0x44) + 4 * typeIndex);
        b.putInt(b.getInt(0x3c) + 4 * stringIndex, original.length);
        System.arraycopy(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07}, 0, dex,
                original.length, 5);
        Diagnostics diagnostics = new Diagnostics("t");
        List<ClassDef> read = read(dex, diagnostics);
        assertTrue(read.size() < all.size() && !read.isEmpty(), read.size() + " of " + all.size());
        assertTrue(diagnostics.errors().stream().map(AnalysisError::message)
                .anyMatch(m -> m.contains("UTF-16 units")), diagnostics.errors().toString());
    }

    @Test
    void aTypeListLongerThanTheFileCostsOnlyItsClass() throws Exception {
        byte[] original = fixtureDex();
        int classes = read(original, new Diagnostics("t")).size();
        byte[] dex = original.clone();
        ByteBuffer b = le(dex);
        int classDefs = b.getInt(0x64);
        int withInterfaces = -1;
        for (int i = 0; i < b.getInt(0x60) && withInterfaces < 0; i++) {
            if (b.getInt(classDefs + 32 * i + 12) != 0) {
                withInterfaces = i;
            }
        }
        assertTrue(withInterfaces >= 0, "the fixture has a class that implements an interface");
        b.putInt(b.getInt(classDefs + 32 * withInterfaces + 12), 0x7fff_ffff);
        Diagnostics diagnostics = new Diagnostics("t");
        assertTrue(read(dex, diagnostics).size() < classes);
        assertTrue(diagnostics.errors().stream().map(AnalysisError::message)
                .anyMatch(m -> m.contains("type_list")), diagnostics.errors().toString());
    }

    @Test
    void theFixtureItselfReadsWithoutErrors() throws Exception {
        Diagnostics diagnostics = new Diagnostics("t");
        assertTrue(read(fixtureDex(), diagnostics).size() > 3);
        assertEquals(List.of(), diagnostics.errors());
        List<DexBackedDexFile> sections = DexFrontEnd.sections(fixtureDex());
        assertEquals(1, sections.size());
    }

    private static List<ClassDef> read(byte[] dex, Diagnostics diagnostics) throws MalformedCodeException {
        return new DexFrontEnd(new RefPool()).read(new CodeFile("classes.dex", dex), diagnostics);
    }

    private static byte[] fixtureDex() throws Exception {
        return new PackageReader().read(FixtureApps.get("sample").apk()).dexFiles().get(0).bytes().clone();
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
