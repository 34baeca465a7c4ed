package org.leakscan.bytecode.dex;

import org.leakscan.diagnostics.Messages;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jf.dexlib2.Opcode;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedClassDef;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.iface.ExceptionHandler;
import org.jf.dexlib2.iface.MethodImplementation;
import org.jf.dexlib2.iface.instruction.FiveRegisterInstruction;
import org.jf.dexlib2.iface.instruction.Instruction;
import org.jf.dexlib2.iface.instruction.NarrowLiteralInstruction;
import org.jf.dexlib2.iface.instruction.OffsetInstruction;
import org.jf.dexlib2.iface.instruction.OneRegisterInstruction;
import org.jf.dexlib2.iface.instruction.RegisterRangeInstruction;
import org.jf.dexlib2.iface.instruction.SwitchElement;
import org.jf.dexlib2.iface.instruction.SwitchPayload;
import org.jf.dexlib2.iface.instruction.ThreeRegisterInstruction;
import org.jf.dexlib2.iface.instruction.TwoRegisterInstruction;
import org.jf.dexlib2.iface.instruction.WideLiteralInstruction;
import org.jf.dexlib2.iface.reference.CallSiteReference;
import org.jf.dexlib2.iface.reference.MethodReference;
import org.jf.dexlib2.iface.value.AnnotationEncodedValue;
import org.jf.dexlib2.iface.value.ArrayEncodedValue;
import org.jf.dexlib2.iface.value.BooleanEncodedValue;
import org.jf.dexlib2.iface.value.ByteEncodedValue;
import org.jf.dexlib2.iface.value.CharEncodedValue;
import org.jf.dexlib2.iface.value.DoubleEncodedValue;
import org.jf.dexlib2.iface.value.EncodedValue;
import org.jf.dexlib2.iface.value.EnumEncodedValue;
import org.jf.dexlib2.iface.value.FloatEncodedValue;
import org.jf.dexlib2.iface.value.IntEncodedValue;
import org.jf.dexlib2.iface.value.LongEncodedValue;
import org.jf.dexlib2.iface.value.ShortEncodedValue;
import org.jf.dexlib2.iface.value.StringEncodedValue;
import org.jf.dexlib2.iface.value.TypeEncodedValue;
import org.leakscan.bytecode.MalformedCodeException;
import org.leakscan.bytecode.RefPool;
import org.leakscan.diagnostics.Diagnostics;
import org.leakscan.diagnostics.Stage;
import org.leakscan.input.CodeFile;
import org.leakscan.program.Annotation;
import org.leakscan.program.ClassDef;
import org.leakscan.program.FieldDef;
import org.leakscan.program.Insn;
import org.leakscan.program.Insn.InvokeKind;
import org.leakscan.program.Insn.OpKind;
import org.leakscan.program.MethodBody;
import org.leakscan.program.MethodDef;
import org.leakscan.program.MethodRef;
import org.leakscan.program.TryBlock;
import org.leakscan.program.Types;

/**
 * Reads one DEX file with dexlib2 into {@link ClassDef}s.
 *
 * <p>The opcode table is chosen from the file's own header version ({@code 035} to {@code 041}):
 * dexlib2 2.5.2's {@code Opcodes.getDefault()} rejects DEX 038 as written by current D8, and its
 * own version check stops at 039 (see {@link #sections}). Each class
 * and each method is decoded on its own: a failure is recorded in {@link Diagnostics} and the rest
 * of the file is still read (the class keeps its other methods; the method keeps its signature
 * with a null body).
 */
public final class DexFrontEnd {

    /** How an arithmetic-like opcode maps to registers. */
    private enum Shape { UNARY, BINARY, BINARY_2ADDR, BINARY_LIT, COMPARE }

    private static final Map<Opcode, Shape> SHAPES = shapes();

    private final RefPool pool;
    private final boolean annotations;

    public DexFrontEnd(RefPool pool) {
        this(pool, true);
    }

    /**
     * @param annotations whether to read annotations; only the data flow's models of HTTP libraries
     *                    (Retrofit's {@code @POST}, {@code @Url}) use them, and decoding them was a
     *                    sixth of reading a large app's classes
     */
    public DexFrontEnd(RefPool pool, boolean annotations) {
        this.pool = pool;
        this.annotations = annotations;
    }

    /** {@code header_size} of DEX 035 to 040, and of DEX 041 (two more fields: container size, header offset). */
    private static final int HEADER_SIZE = 0x70;
    private static final int HEADER_SIZE_V41 = 0x78;
    /** Sections of one DEX 041 container read at most: more is hostile. */
    private static final int MAX_SECTIONS = 256;
    /** Offsets in a {@code class_def_item}. */
    private static final int CLASS_DEF_ACCESS = 4;
    private static final int CLASS_DEF_SUPERCLASS = 8;
    private static final int CLASS_DEF_INTERFACES = 12;
    private static final int CLASS_DEF_ANNOTATIONS = 20;
    private static final int CLASS_DEF_DATA = 24;
    private static final int CLASS_DEF_STATIC_VALUES = 28;

    /**
     * Checks the header and opens the file; for a DEX 041 container, its first section.
     *
     * @throws MalformedCodeException when the bytes are not a DEX file dexlib2 can read
     */
    public static DexBackedDexFile open(byte[] bytes) throws MalformedCodeException {
        return sections(bytes).get(0);
    }

    /**
     * Checks the header and opens the file: one {@link DexBackedDexFile} for DEX 035 to 040, one per
     * section for a DEX 041 container.
     *
     * <p>dexlib2 2.5.2 knows versions up to 039. DEX 040 has 039's layout, so it is opened without
     * dexlib2's version check. DEX 041 (Android 15) is a container: several DEX sections one after
     * another, each with a 0x78-byte header ({@code file_size} is the distance to the next header)
     * whose offsets count from the start of the container, so sections share one string table. A
     * section is read by putting its header in front of a copy of the container; the first section
     * needs no copy.
     *
     * @throws MalformedCodeException when the bytes are not a DEX file dexlib2 can read
     */
    static List<DexBackedDexFile> sections(byte[] bytes) throws MalformedCodeException {
        int version = checkHeader(bytes, 0);
        Opcodes opcodes = Opcodes.forDexVersion(Math.min(version, 39));
        if (version < 41) {
            return List.of(newDexFile(opcodes, bytes));
        }
        List<DexBackedDexFile> out = new ArrayList<>();
        long containerSize = readInt(bytes, 0x70) & 0xffffffffL;
        long limit = Math.min(containerSize, bytes.length);
        long at = 0;
        while (at < limit) {
            if (out.size() >= MAX_SECTIONS) {
                throw new MalformedCodeException("bad DEX container: more than " + MAX_SECTIONS + " sections");
            }
            int section = (int) at;
            checkHeader(bytes, section);
            long size = readInt(bytes, section + 0x20) & 0xffffffffL;
            long headerOffset = readInt(bytes, section + 0x74) & 0xffffffffL;
            if (headerOffset != section || size < HEADER_SIZE_V41) {
                throw new MalformedCodeException(String.format(
                        "bad DEX container: section at 0x%x says it is at 0x%x with size 0x%x", section, headerOffset,
                        size));
            }
            if (section == 0) {
                out.add(newDexFile(opcodes, bytes));
            } else {
                byte[] copy = bytes.clone();
                System.arraycopy(bytes, section, copy, 0, HEADER_SIZE_V41);
                out.add(newDexFile(opcodes, copy));
            }
            at += size;
        }
        return out;
    }

    /** Checks the header at {@code offset}; returns the DEX version (35 to 41). */
    private static int checkHeader(byte[] bytes, int offset) throws MalformedCodeException {
        if (bytes.length - offset < HEADER_SIZE) {
            throw new MalformedCodeException("bad DEX header: file is " + bytes.length + " bytes, shorter than a header");
        }
        if (bytes[offset] != 'd' || bytes[offset + 1] != 'e' || bytes[offset + 2] != 'x' || bytes[offset + 3] != '\n'
                || bytes[offset + 7] != 0) {
            throw new MalformedCodeException("bad DEX header: wrong magic");
        }
        int version = (bytes[offset + 4] - '0') * 100 + (bytes[offset + 5] - '0') * 10 + (bytes[offset + 6] - '0');
        boolean digits = true;
        for (int k = 4; k < 7; k++) {
            digits &= bytes[offset + k] >= '0' && bytes[offset + k] <= '9';
        }
        // No 036: Android skipped it, as old Dalvik builds wrongly accepted files with that number.
        if (!digits || version < 35 || version == 36 || version > 41) {
            StringBuilder shown = new StringBuilder();
            for (int k = 4; k < 7; k++) {
                int b = bytes[offset + k] & 0xff;
                shown.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
            }
            throw new MalformedCodeException("bad DEX header: unknown version '" + shown + "'");
        }
        int endian = readInt(bytes, offset + 0x28);
        if (endian != 0x12345678) {
            throw new MalformedCodeException(String.format("bad DEX header: endian tag 0x%08x", endian));
        }
        int headerSize = readInt(bytes, offset + 0x24);
        int expected = version >= 41 ? HEADER_SIZE_V41 : HEADER_SIZE;
        if (headerSize != expected || bytes.length - offset < expected) {
            throw new MalformedCodeException(String.format("bad DEX header: header size 0x%x, expected 0x%x",
                    headerSize, expected));
        }
        long fileSize = readInt(bytes, offset + 0x20) & 0xffffffffL;
        if (fileSize > bytes.length - offset) {
            throw new MalformedCodeException("bad DEX header: declares " + fileSize + " bytes but the file has "
                    + (bytes.length - offset) + " (truncated?)");
        }
        checkIdSections(bytes, offset);
        return version;
    }

    /** An id section of the header: its size field (the offset field follows it) and its item size. */
    private record IdSection(String name, int sizeField, int itemBytes) {
    }

    private static final List<IdSection> ID_SECTIONS = List.of(new IdSection("string_ids", 0x38, 4),
            new IdSection("type_ids", 0x40, 4), new IdSection("proto_ids", 0x48, 12),
            new IdSection("field_ids", 0x50, 8), new IdSection("method_ids", 0x58, 8),
            new IdSection("class_defs", 0x60, 32));

    /**
     * Checks that each id section of the header at {@code offset} lies inside the bytes. The counts
     * size the reference caches ({@link DexRefs}) before any item is read: a count of two billion in
     * a few-kilobyte file must be an error, not an attempt to allocate gigabytes.
     */
    private static void checkIdSections(byte[] bytes, int offset) throws MalformedCodeException {
        for (IdSection section : ID_SECTIONS) {
            long count = readInt(bytes, offset + section.sizeField()) & 0xffffffffL;
            long start = readInt(bytes, offset + section.sizeField() + 4) & 0xffffffffL;
            if (count != 0 && start + count * section.itemBytes() > bytes.length) {
                throw new MalformedCodeException(String.format(
                        "bad DEX header: %s (%d items at 0x%x) run past the end of the file (%d bytes)",
                        section.name(), count, start, bytes.length));
            }
        }
    }

    /** Opens DEX bytes whose header is at 0, without dexlib2's check of the version (done above). */
    private static DexBackedDexFile newDexFile(Opcodes opcodes, byte[] bytes) throws MalformedCodeException {
        try {
            return new UncheckedVersionDexFile(opcodes, bytes);
        } catch (RuntimeException e) {
            throw new MalformedCodeException("bad DEX file: " + Messages.oneLine(e), e);
        }
    }

    /** dexlib2's file with its version check off: the header was checked by {@link #checkHeader}. */
    private static final class UncheckedVersionDexFile extends DexBackedDexFile {
        private final OptionalIndexedSection<String> strings;

        UncheckedVersionDexFile(Opcodes opcodes, byte[] bytes) {
            super(opcodes, bytes, 0, false);
            this.strings = new BoundedStrings(super.getStringSection(), getBuffer(), getDataBuffer(), bytes.length);
        }

        @Override
        public OptionalIndexedSection<String> getStringSection() {
            return strings;
        }

        /**
         * The code item at {@code codeOffset}, without the method object dexlib2 would build first
         * (it serves only debug info, which is not read).
         */
        MethodImplementation implementation(int codeOffset) {
            return createMethodImplementation(this, null, codeOffset);
        }
    }

    /**
     * A file's strings, each length checked before dexlib2 decodes it. dexlib2 allocates (and keeps,
     * per thread) a {@code char[]} of the declared UTF-16 length; a string of {@code n} UTF-16 units
     * takes at least {@code n} bytes of MUTF-8, so a length past the end of the file is malformed.
     * The type section and dexlib2's references read strings through this section too.
     */
    private static final class BoundedStrings extends DexBackedDexFile.OptionalIndexedSection<String> {
        private final DexBackedDexFile.OptionalIndexedSection<String> ids;
        private final org.jf.dexlib2.dexbacked.DexBuffer idBuffer;
        private final org.jf.dexlib2.dexbacked.DexBuffer data;
        private final int fileLength;

        BoundedStrings(DexBackedDexFile.OptionalIndexedSection<String> ids, org.jf.dexlib2.dexbacked.DexBuffer idBuffer,
                       org.jf.dexlib2.dexbacked.DexBuffer data, int fileLength) {
            this.ids = ids;
            this.idBuffer = idBuffer;
            this.data = data;
            this.fileLength = fileLength;
        }

        @Override
        public String get(int index) {
            int stringData = idBuffer.readSmallUint(ids.getOffset(index));
            org.jf.dexlib2.dexbacked.DexReader<?> reader = data.readerAt(stringData);
            int length = reader.readSmallUleb128();
            if (length > fileLength - reader.getOffset()) {
                throw new org.jf.util.ExceptionWithContext(
                        "string %d at 0x%x declares %d UTF-16 units, more than the file has bytes left", index,
                        stringData, length);
            }
            return reader.readString(length);
        }

        @Override
        public String getOptional(int index) {
            return index == -1 ? null : get(index);
        }

        @Override
        public int getOffset(int index) {
            return ids.getOffset(index);
        }

        @Override
        public int size() {
            return ids.size();
        }
    }

    /** Decodes every class of one DEX file; failures of single classes go to {@code diagnostics}. */
    public List<ClassDef> read(CodeFile file, Diagnostics diagnostics) throws MalformedCodeException {
        List<ClassDef> out = new ArrayList<>();
        for (Opened opened : openClasses(file)) {
            out.addAll(opened.read(0, opened.classCount(), diagnostics));
        }
        return out;
    }

    /**
     * Opens a DEX file (each section of a DEX 041 container) for decoding in slices of its class
     * table ({@link Opened#read}), so the classes of one big file can be decoded on several
     * threads. The slices of one section share one reference cache.
     *
     * @throws MalformedCodeException when a header or a class table cannot be read
     */
    public List<Opened> openClasses(CodeFile file) throws MalformedCodeException {
        List<Opened> out = new ArrayList<>();
        for (DexBackedDexFile dex : sections(file.bytes())) {
            DexBackedDexFile.IndexedSection<DexBackedClassDef> classes;
            int count;
            DexRefs refs;
            try {
                classes = dex.getClassSection();
                count = classes.size();
                refs = new DexRefs(dex);
            } catch (RuntimeException e) {
                throw new MalformedCodeException("bad DEX file: id tables unreadable (" + Messages.oneLine(e) + ")", e);
            }
            out.add(new Opened(file.name(), classes, count, refs));
        }
        return out;
    }

    /** One opened DEX section: its class table and the reference cache its slices share. Thread-safe. */
    public final class Opened {
        private final String fileName;
        private final DexBackedDexFile.IndexedSection<DexBackedClassDef> classes;
        private final int classCount;
        private final DexRefs refs;

        private Opened(String fileName, DexBackedDexFile.IndexedSection<DexBackedClassDef> classes, int classCount,
                       DexRefs refs) {
            this.fileName = fileName;
            this.classes = classes;
            this.classCount = classCount;
            this.refs = refs;
        }

        public int classCount() {
            return classCount;
        }

        /** Decodes classes {@code from} (inclusive) to {@code to} (exclusive) of the class table, in order. */
        public List<ClassDef> read(int from, int to, Diagnostics diagnostics) {
            List<ClassDef> out = new ArrayList<>(Math.max(0, to - from));
            // By index, not through the set's iterator: creating a class definition reads its
            // class_data header, and a bad offset there must cost that class only.
            for (int i = from; i < to; i++) {
                String type = "?";
                try {
                    int item = classes.getOffset(i);
                    type = refs.classType(item);
                    out.add(readClass(item, type, refs, fileName, diagnostics));
                } catch (RuntimeException | StackOverflowError e) {
                    diagnostics.member(Stage.BYTECODE, fileName, safeJavaName(type), null,
                            (type.equals("?") ? "class definition " + i : "class") + " skipped: " + Messages.oneLine(e));
                }
            }
            return out;
        }
    }

    /**
     * Decoded references of one DEX file by index. dexlib2 decodes a string every time a reference
     * is asked for, and a method reference costs it several (owner, name, each parameter type); an
     * app names the same few thousand methods millions of times. Here each string, type, prototype,
     * field and method is decoded once per file, method and field ids straight from their 8-byte
     * items. Names, types and descriptors are interned in the app's {@link RefPool}; references
     * themselves are not: the cache already makes them one object per file, and looking each up in
     * an app-wide table of half a million was, through cache misses, most of the cost of reading
     * references. Racy writes are harmless: the values are immutable and equal.
     */
    final class DexRefs {
        final DexBackedDexFile dex;
        final org.jf.dexlib2.dexbacked.DexBuffer data;
        final org.jf.dexlib2.dexbacked.DexBuffer ids;
        /** This file's opcode table by opcode byte (null where the byte is no opcode). */
        final Opcode[] opcodes = new Opcode[256];
        /** {@link DexCodeScanner}'s tables for this file's opcodes. */
        final byte[] kinds;
        final byte[] widths;
        private final String[] strings;
        private final String[] names;
        private final String[] types;
        private final String[] protos;
        private final org.leakscan.program.FieldRef[] fields;
        private final MethodRef[] methods;
        private final MethodRef[] callSites;

        DexRefs(DexBackedDexFile dex) {
            this.dex = dex;
            this.data = dex.getDataBuffer();
            this.ids = dex.getBuffer();
            for (int v = 0; v < 256; v++) {
                opcodes[v] = dex.getOpcodes().getOpcodeByValue(v);
            }
            this.kinds = DexCodeScanner.kinds(opcodes);
            this.widths = DexCodeScanner.widths(opcodes);
            this.strings = new String[dex.getStringSection().size()];
            this.names = new String[strings.length];
            this.types = new String[dex.getTypeSection().size()];
            this.protos = new String[dex.getProtoSection().size()];
            this.fields = new org.leakscan.program.FieldRef[dex.getFieldSection().size()];
            this.methods = new MethodRef[dex.getMethodSection().size()];
            int callSiteCount = dex.getCallSiteSection().size();
            if (callSiteCount < 0 || 4L * callSiteCount > ids.getBuf().length) {
                throw new org.jf.util.ExceptionWithContext("call_site_ids: %d items, more than the file holds",
                        callSiteCount & 0xffffffffL);
            }
            this.callSites = new MethodRef[callSiteCount];
        }

        /** The 16-bit reference index of a 21c/22c/35c/3rc/45cc/4rcc instruction. */
        int index16(Instruction i) {
            return data.readUshort(((org.jf.dexlib2.dexbacked.instruction.DexBackedInstruction) i).instructionStart + 2);
        }

        String string(Instruction i) {
            return string(i.getOpcode() == Opcode.CONST_STRING_JUMBO
                    ? data.readSmallUint(((org.jf.dexlib2.dexbacked.instruction.DexBackedInstruction) i).instructionStart + 2)
                    : index16(i));
        }

        /** A string constant (not interned: most are used once). */
        String string(int index) {
            String s = strings[index];
            if (s == null) {
                s = dex.getStringSection().get(index);
                strings[index] = s;
            }
            return s;
        }

        /** A member name, interned. */
        private String name(int index) {
            String s = names[index];
            if (s == null) {
                s = pool.string(string(index));
                names[index] = s;
            }
            return s;
        }

        String type(Instruction i) {
            return type(index16(i));
        }

        /** A type descriptor, interned. */
        String type(int index) {
            String t = types[index];
            if (t == null) {
                t = pool.string(dex.getTypeSection().get(index));
                types[index] = t;
            }
            return t;
        }

        /** The type a {@code class_def_item} defines. */
        String classType(int classDefItem) {
            return type(ids.readSmallUint(classDefItem));
        }

        /** The superclass a {@code class_def_item} names, or null ({@code NO_INDEX}). */
        String superType(int classDefItem) {
            int index = ids.readInt(classDefItem + CLASS_DEF_SUPERCLASS);
            return index == -1 ? null : type(index);
        }

        /** The types of the {@code type_list} at {@code list}; empty for offset 0. */
        List<String> typeList(int list) {
            if (list == 0) {
                return List.of();
            }
            int count = data.readSmallUint(list);
            if (list + 4L + 2L * count > data.getBuf().length - data.getBaseOffset()) {
                throw new org.jf.util.ExceptionWithContext("type_list at 0x%x declares %d types, past the end of the file",
                        list, count);
            }
            String[] out = new String[count];
            for (int k = 0; k < count; k++) {
                out[k] = type(data.readUshort(list + 4 + 2 * k));
            }
            return List.of(out);
        }

        /** A prototype as a method descriptor, {@code (II)V}, interned. */
        private String proto(int index) {
            String p = protos[index];
            if (p == null) {
                int item = dex.getProtoSection().getOffset(index);
                int returnType = ids.readSmallUint(item + 4);
                int parameters = ids.readSmallUint(item + 8);
                p = pool.string("(" + String.join("", typeList(parameters)) + ")" + type(returnType));
                protos[index] = p;
            }
            return p;
        }

        org.leakscan.program.FieldRef field(Instruction i) {
            return field(index16(i));
        }

        /** field_id_item: class_idx u2, type_idx u2, name_idx u4. */
        org.leakscan.program.FieldRef field(int index) {
            org.leakscan.program.FieldRef f = fields[index];
            if (f == null) {
                int item = dex.getFieldSection().getOffset(index);
                f = new org.leakscan.program.FieldRef(type(ids.readUshort(item)), name(ids.readSmallUint(item + 4)),
                        type(ids.readUshort(item + 2)));
                fields[index] = f;
            }
            return f;
        }

        MethodRef method(Instruction i) {
            return method(index16(i));
        }

        /** method_id_item: class_idx u2, proto_idx u2, name_idx u4. */
        MethodRef method(int index) {
            MethodRef m = methods[index];
            if (m == null) {
                int item = dex.getMethodSection().getOffset(index);
                m = new MethodRef(type(ids.readUshort(item)), name(ids.readSmallUint(item + 4)),
                        proto(ids.readUshort(item + 2)));
                methods[index] = m;
            }
            return m;
        }

        /**
         * What an {@code invoke-custom} calls, as a reference: the bootstrap method's class, the call
         * site's name and prototype (a lambda's interface method, a string concatenation recipe).
         */
        MethodRef callSite(int index) {
            MethodRef m = callSites[index];
            if (m == null) {
                CallSiteReference site = dex.getCallSiteSection().get(index);
                StringBuilder desc = new StringBuilder("(");
                for (CharSequence p : site.getMethodProto().getParameterTypes()) {
                    desc.append(p);
                }
                desc.append(')').append(site.getMethodProto().getReturnType());
                MethodReference bootstrap = (MethodReference) site.getMethodHandle().getMemberReference();
                m = pool.method(bootstrap.getDefiningClass(), site.getMethodName(), desc.toString());
                callSites[index] = m;
            }
            return m;
        }
    }

    /**
     * One class, read from its {@code class_def_item} and {@code class_data_item} directly: types
     * through the file's caches, members by index. dexlib2's class iterators build an immutable
     * copy of every member's reference (decoding all its strings) to compare it with the previous
     * one, which was the largest cost of reading a class; a repeated index (only a hostile file has
     * one) is skipped here instead, keeping the first as dexlib2 did. dexlib2 still decodes
     * annotations and static values, where they are.
     */
    private ClassDef readClass(int item, String type, DexRefs refs, String origin, Diagnostics diagnostics) {
        org.jf.dexlib2.dexbacked.DexBuffer ids = refs.ids;
        int access = ids.readInt(item + CLASS_DEF_ACCESS);
        List<String> interfaces = refs.typeList(ids.readSmallUint(item + CLASS_DEF_INTERFACES));
        AnnotationOffsets annotated = annotations
                ? AnnotationOffsets.read(refs.data, ids.readSmallUint(item + CLASS_DEF_ANNOTATIONS))
                : AnnotationOffsets.NONE;
        int classData = ids.readSmallUint(item + CLASS_DEF_DATA);
        List<FieldDef> fields = new ArrayList<>();
        List<MethodDef> methods = new ArrayList<>();
        if (classData != 0) {
            org.jf.dexlib2.dexbacked.DexReader<?> r = refs.data.readerAt(classData);
            int staticFields = r.readSmallUleb128();
            int instanceFields = r.readSmallUleb128();
            int directMethods = r.readSmallUleb128();
            int virtualMethods = r.readSmallUleb128();
            org.jf.dexlib2.dexbacked.util.EncodedArrayItemIterator values =
                    org.jf.dexlib2.dexbacked.util.EncodedArrayItemIterator.newOrEmpty(refs.dex,
                            ids.readSmallUint(item + CLASS_DEF_STATIC_VALUES));
            for (int list = 0; list < 2; list++) {
                int index = 0;
                int count = list == 0 ? staticFields : instanceFields;
                for (int k = 0; k < count; k++) {
                    int diff = r.readSmallUleb128();
                    index += diff;
                    int flags = r.readSmallUleb128();
                    EncodedValue value = list == 0 ? values.getNextOrNull() : null;
                    if (k > 0 && diff == 0) {
                        continue;
                    }
                    fields.add(new FieldDef(refs.field(index), flags, constantOf(value),
                            annotations(annotationSet(refs, annotated.field(index)))));
                }
            }
            for (int list = 0; list < 2; list++) {
                int index = 0;
                int count = list == 0 ? directMethods : virtualMethods;
                for (int k = 0; k < count; k++) {
                    int diff = r.readSmallUleb128();
                    index += diff;
                    int flags = r.readSmallUleb128();
                    int codeOffset = r.readSmallUleb128();
                    if (k > 0 && diff == 0) {
                        continue;
                    }
                    methods.add(method(index, flags, codeOffset, annotated, refs, origin, diagnostics));
                }
            }
        }
        return new ClassDef(type, refs.superType(item), interfaces, access, origin, fields, methods,
                annotations(annotationSet(refs, annotated.classSet())));
    }

    private MethodDef method(int index, int flags, int codeOffset, AnnotationOffsets annotated, DexRefs refs,
                             String origin, Diagnostics diagnostics) {
        // The method_id the class_data names: decoded once per file and shared with call sites.
        MethodRef ref = refs.method(index);
        int parameterList = annotated.parameters(index);
        List<List<Annotation>> paramAnnotations = List.of();
        if (parameterList != 0) {
            List<? extends java.util.Set<? extends org.jf.dexlib2.iface.Annotation>> declared =
                    org.jf.dexlib2.dexbacked.util.AnnotationsDirectory.getParameterAnnotations(refs.dex, parameterList);
            int parameters = ref.parameterTypes().size();
            List<List<Annotation>> lists = new ArrayList<>(parameters);
            boolean any = false;
            for (int k = 0; k < parameters; k++) {
                // Android lists annotations for a prefix of the parameters; the rest have none.
                List<Annotation> a = k < declared.size() ? annotations(declared.get(k)) : List.of();
                any |= !a.isEmpty();
                lists.add(a);
            }
            paramAnnotations = any ? lists : List.of();
        }
        return new MethodDef(ref, flags & 0xffff, annotations(annotationSet(refs, annotated.method(index))),
                paramAnnotations, codeOffset == 0 ? null : code(codeOffset, ref, (flags & 0x0008) != 0, refs, origin,
                diagnostics));
    }

    private static java.util.Set<? extends org.jf.dexlib2.iface.Annotation> annotationSet(DexRefs refs, int offset) {
        return offset == 0 ? java.util.Set.of()
                : org.jf.dexlib2.dexbacked.util.AnnotationsDirectory.getAnnotations(refs.dex, offset);
    }

    /**
     * A class's {@code annotations_directory_item}: where the annotation sets of the class, its
     * fields and methods, and the annotation set lists of its methods' parameters are. Most
     * classes have none.
     */
    private record AnnotationOffsets(int classSet, Map<Integer, Integer> fields, Map<Integer, Integer> methods,
                                     Map<Integer, Integer> parameters) {

        static final AnnotationOffsets NONE = new AnnotationOffsets(0, Map.of(), Map.of(), Map.of());

        static AnnotationOffsets read(org.jf.dexlib2.dexbacked.DexBuffer data, int directory) {
            if (directory == 0) {
                return NONE;
            }
            int classSet = data.readSmallUint(directory);
            int fieldCount = data.readSmallUint(directory + 4);
            int methodCount = data.readSmallUint(directory + 8);
            int parameterCount = data.readSmallUint(directory + 12);
            int at = directory + 16;
            Map<Integer, Integer> fields = new HashMap<>();
            for (int k = 0; k < fieldCount; k++, at += 8) {
                fields.putIfAbsent(data.readSmallUint(at), data.readSmallUint(at + 4));
            }
            Map<Integer, Integer> methods = new HashMap<>();
            for (int k = 0; k < methodCount; k++, at += 8) {
                methods.putIfAbsent(data.readSmallUint(at), data.readSmallUint(at + 4));
            }
            Map<Integer, Integer> parameters = new HashMap<>();
            for (int k = 0; k < parameterCount; k++, at += 8) {
                parameters.putIfAbsent(data.readSmallUint(at), data.readSmallUint(at + 4));
            }
            return new AnnotationOffsets(classSet, fields, methods, parameters);
        }

        int field(int index) {
            return fields.getOrDefault(index, 0);
        }

        int method(int index) {
            return methods.getOrDefault(index, 0);
        }

        int parameters(int index) {
            return parameters.getOrDefault(index, 0);
        }
    }

    /**
     * A method's code: its references listed now by {@link DexCodeScanner}, its register form
     * decoded when first asked for. A failure of either is recorded once in {@code diagnostics}.
     */
    private org.leakscan.program.MethodCode code(int codeOffset, MethodRef ref, boolean isStatic, DexRefs refs,
                                                 String origin, Diagnostics diagnostics) {
        LazyBody lazy = new LazyBody(codeOffset, ref, isStatic, refs, origin, diagnostics);
        org.leakscan.program.CodeRefs codeRefs;
        try {
            codeRefs = DexCodeScanner.scan(refs, codeOffset);
        } catch (RuntimeException | StackOverflowError e) {
            String failure = Messages.oneLine(e);
            lazy.failed(failure);
            return org.leakscan.program.MethodCode.failed(failure);
        }
        return org.leakscan.program.MethodCode.lazy(codeRefs, lazy, lazy);
    }

    /**
     * How one method's register form is decoded later, and where a failure then goes. One small
     * object per method rather than two lambdas: a large app has hundreds of thousands of methods.
     */
    private final class LazyBody implements org.leakscan.program.MethodCode.Decoder,
            org.leakscan.program.MethodCode.FailureListener {
        private final int codeOffset;
        private final MethodRef ref;
        private final boolean isStatic;
        private final DexRefs refs;
        private final String origin;
        private final Diagnostics diagnostics;

        LazyBody(int codeOffset, MethodRef ref, boolean isStatic, DexRefs refs, String origin, Diagnostics diagnostics) {
            this.codeOffset = codeOffset;
            this.ref = ref;
            this.isStatic = isStatic;
            this.refs = refs;
            this.origin = origin;
            this.diagnostics = diagnostics;
        }

        @Override
        public MethodBody decode() {
            try {
                MethodImplementation impl = ((UncheckedVersionDexFile) refs.dex).implementation(codeOffset);
                return new MethodConverter(ref, isStatic, impl, refs).convert();
            } catch (RuntimeException | StackOverflowError e) {
                throw new IllegalStateException(Messages.oneLine(e), e);
            }
        }

        @Override
        public void failed(String failure) {
            diagnostics.member(Stage.BYTECODE, origin, Types.toJavaName(ref.owner()), ref.signature(),
                    "method not decoded: " + failure);
        }
    }

    private List<Annotation> annotations(java.util.Set<? extends org.jf.dexlib2.iface.Annotation> in) {
        if (in.isEmpty()) {
            return List.of();
        }
        List<Annotation> out = new ArrayList<>();
        for (org.jf.dexlib2.iface.Annotation a : in) {
            // dalvik.annotation.* carry generics, inner-class and throws data, not app facts.
            if (!a.getType().startsWith("Ldalvik/annotation/")) {
                out.add(annotation(a.getType(), a.getElements()));
            }
        }
        return out;
    }

    private Annotation annotation(String type, java.util.Set<? extends org.jf.dexlib2.iface.AnnotationElement> elements) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (org.jf.dexlib2.iface.AnnotationElement e : elements) {
            Object v = valueOf(e.getValue());
            if (v != null) {
                values.put(e.getName(), v);
            }
        }
        return new Annotation(pool.string(type), values);
    }

    private Object valueOf(EncodedValue v) {
        if (v instanceof AnnotationEncodedValue a) {
            return annotation(a.getType(), a.getElements());
        }
        if (v instanceof ArrayEncodedValue a) {
            List<Object> list = new ArrayList<>();
            for (EncodedValue e : a.getValue()) {
                Object o = valueOf(e);
                if (o != null) {
                    list.add(o);
                }
            }
            return List.copyOf(list);
        }
        if (v instanceof TypeEncodedValue t) {
            return t.getValue();
        }
        if (v instanceof EnumEncodedValue e) {
            return e.getValue().getName();
        }
        return constantOf(v);
    }

    static Object constantOf(EncodedValue v) {
        if (v == null) {
            return null;
        }
        if (v instanceof StringEncodedValue s) {
            return s.getValue();
        }
        if (v instanceof IntEncodedValue i) {
            return i.getValue();
        }
        if (v instanceof LongEncodedValue l) {
            return l.getValue();
        }
        if (v instanceof BooleanEncodedValue b) {
            return b.getValue();
        }
        if (v instanceof ShortEncodedValue s) {
            return (int) s.getValue();
        }
        if (v instanceof ByteEncodedValue b) {
            return (int) b.getValue();
        }
        if (v instanceof CharEncodedValue c) {
            return (int) c.getValue();
        }
        if (v instanceof FloatEncodedValue f) {
            return f.getValue();
        }
        if (v instanceof DoubleEncodedValue d) {
            return d.getValue();
        }
        return null;
    }

    /** Converts one method body; instances are used once. */
    private final class MethodConverter {
        private final MethodRef method;
        private final boolean isStatic;
        private final MethodImplementation impl;
        private final List<Instruction> insns = new ArrayList<>();
        private int[] addresses;
        /** Code address to the index of the first IR instruction at or after it. */
        private final Map<Integer, Integer> addressToIr = new HashMap<>();
        private final Map<Integer, SwitchPayload> payloads = new HashMap<>();
        private final List<Insn> out = new ArrayList<>();
        /** The code-unit address of the dex instruction each IR instruction came from. */
        private final List<Integer> offsets = new ArrayList<>();
        /** IR branches whose target is still a code address: {IR index, address}; patched at the end. */
        private final List<int[]> pending = new ArrayList<>();
        /** IR switches by index, with their target code addresses. */
        private final Map<Integer, int[]> pendingSwitches = new HashMap<>();

        private final DexRefs refs;

        MethodConverter(MethodRef method, boolean isStatic, MethodImplementation impl, DexRefs refs) {
            this.refs = refs;
            this.method = method;
            this.isStatic = isStatic;
            this.impl = impl;
        }

        MethodBody convert() {
            int address = 0;
            for (Instruction i : impl.getInstructions()) {
                insns.add(i);
            }
            addresses = new int[insns.size() + 1];
            for (int k = 0; k < insns.size(); k++) {
                addresses[k] = address;
                Instruction i = insns.get(k);
                if (i instanceof SwitchPayload p) {
                    payloads.put(address, p);
                }
                address += i.getCodeUnits();
            }
            addresses[insns.size()] = address;
            for (int k = 0; k < insns.size(); k++) {
                addressToIr.putIfAbsent(addresses[k], out.size());
                int first = out.size();
                int at = addresses[k];
                k = emit(k);
                for (int n = first; n < out.size(); n++) {
                    offsets.add(at);
                }
            }
            addressToIr.putIfAbsent(address, out.size());
            patchTargets();
            List<TryBlock> tries = new ArrayList<>();
            for (org.jf.dexlib2.iface.TryBlock<? extends ExceptionHandler> t : impl.getTryBlocks()) {
                int start = irIndexAtOrAfter(t.getStartCodeAddress());
                int end = irIndexAtOrAfter(t.getStartCodeAddress() + t.getCodeUnitCount());
                List<TryBlock.Handler> handlers = new ArrayList<>();
                for (ExceptionHandler h : t.getExceptionHandlers()) {
                    handlers.add(new TryBlock.Handler(pool.string(h.getExceptionType()),
                            irIndexAtOrAfter(h.getHandlerCodeAddress())));
                }
                if (start < end) {
                    tries.add(new TryBlock(start, end, handlers));
                }
            }
            int[] irOffsets = new int[offsets.size()];
            for (int n = 0; n < irOffsets.length; n++) {
                irOffsets[n] = offsets.get(n);
            }
            return new MethodBody(impl.getRegisterCount(), parameterRegisters(), out, tries, irOffsets);
        }

        private int[] parameterRegisters() {
            List<String> params = method.parameterTypes();
            int words = isStatic ? 0 : 1;
            for (String p : params) {
                words += Types.isWide(p) ? 2 : 1;
            }
            int reg = impl.getRegisterCount() - words;
            int[] regs = new int[params.size() + (isStatic ? 0 : 1)];
            int k = 0;
            if (!isStatic) {
                regs[k++] = reg++;
            }
            for (String p : params) {
                regs[k++] = reg;
                reg += Types.isWide(p) ? 2 : 1;
            }
            return regs;
        }

        private int irIndexAtOrAfter(int address) {
            Integer ir = addressToIr.get(address);
            if (ir != null) {
                return ir;
            }
            // An address inside a payload or past the end: the next emitted instruction.
            for (int k = 0; k < insns.size(); k++) {
                if (addresses[k] >= address) {
                    Integer next = addressToIr.get(addresses[k]);
                    if (next != null) {
                        return next;
                    }
                }
            }
            return out.size();
        }

        /** Emits IR for instruction {@code k}; returns the index of the last dex instruction consumed. */
        private int emit(int k) {
            Instruction i = insns.get(k);
            Opcode op = i.getOpcode();
            switch (op) {
                case NOP, MONITOR_ENTER, MONITOR_EXIT, FILL_ARRAY_DATA, PACKED_SWITCH_PAYLOAD,
                     SPARSE_SWITCH_PAYLOAD, ARRAY_PAYLOAD, MOVE_RESULT, MOVE_RESULT_WIDE, MOVE_RESULT_OBJECT -> {
                    // No data flow of their own; an orphan move-result has nothing to take.
                }
                case MOVE, MOVE_FROM16, MOVE_16, MOVE_WIDE, MOVE_WIDE_FROM16, MOVE_WIDE_16, MOVE_OBJECT,
                     MOVE_OBJECT_FROM16, MOVE_OBJECT_16 -> out.add(new Insn.Move(a(i), b(i)));
                case MOVE_EXCEPTION -> out.add(new Insn.MoveException(a(i)));
                case RETURN_VOID, RETURN_VOID_BARRIER, RETURN_VOID_NO_BARRIER -> out.add(new Insn.Return(-1));
                case RETURN, RETURN_WIDE, RETURN_OBJECT -> out.add(new Insn.Return(a(i)));
                case CONST_4, CONST_16, CONST, CONST_HIGH16 ->
                        out.add(new Insn.Const(a(i), ((NarrowLiteralInstruction) i).getNarrowLiteral()));
                case CONST_WIDE_16, CONST_WIDE_32, CONST_WIDE, CONST_WIDE_HIGH16 ->
                        out.add(new Insn.Const(a(i), ((WideLiteralInstruction) i).getWideLiteral()));
                case CONST_STRING, CONST_STRING_JUMBO ->
                        out.add(new Insn.ConstString(a(i), refs.string(i)));
                case CONST_CLASS -> out.add(new Insn.ConstClass(a(i), refs.type(i)));
                case CONST_METHOD_HANDLE, CONST_METHOD_TYPE -> out.add(new Insn.Const(a(i), 0));
                case CHECK_CAST -> out.add(new Insn.CheckCast(a(i), refs.type(i)));
                case INSTANCE_OF -> out.add(new Insn.Operation(OpKind.INSTANCE_OF, a(i), new int[] {b(i)}));
                case ARRAY_LENGTH -> out.add(new Insn.Operation(OpKind.ARRAY_LENGTH, a(i), new int[] {b(i)}));
                case NEW_INSTANCE -> out.add(new Insn.NewInstance(a(i), refs.type(i)));
                case NEW_ARRAY -> out.add(new Insn.NewArray(a(i), b(i), refs.type(i)));
                case FILLED_NEW_ARRAY, FILLED_NEW_ARRAY_RANGE -> {
                    int result = resultOf(k);
                    if (result >= 0) {
                        out.add(new Insn.FilledNewArray(result, registers(i),
                                refs.type(i)));
                        return k + 1;
                    }
                }
                case THROW -> out.add(new Insn.Throw(a(i)));
                case GOTO, GOTO_16, GOTO_32 -> branch(new Insn.Goto(-1), k, ((OffsetInstruction) i).getCodeOffset());
                case PACKED_SWITCH, SPARSE_SWITCH -> {
                    SwitchPayload p = payloads.get(addresses[k] + ((OffsetInstruction) i).getCodeOffset());
                    List<? extends SwitchElement> elements = p == null ? List.of() : p.getSwitchElements();
                    int[] targetAddresses = new int[elements.size()];
                    for (int t = 0; t < targetAddresses.length; t++) {
                        targetAddresses[t] = addresses[k] + elements.get(t).getOffset();
                    }
                    out.add(new Insn.Switch(a(i), new int[0]));
                    pendingSwitches.put(out.size() - 1, targetAddresses);
                }
                case IF_EQ, IF_NE, IF_LT, IF_GE, IF_GT, IF_LE ->
                        branch(new Insn.If(a(i), b(i), -1), k, ((OffsetInstruction) i).getCodeOffset());
                case IF_EQZ, IF_NEZ, IF_LTZ, IF_GEZ, IF_GTZ, IF_LEZ ->
                        branch(new Insn.If(a(i), -1, -1), k, ((OffsetInstruction) i).getCodeOffset());
                case AGET, AGET_WIDE, AGET_OBJECT, AGET_BOOLEAN, AGET_BYTE, AGET_CHAR, AGET_SHORT ->
                        out.add(new Insn.ArrayGet(a(i), b(i), c(i)));
                case APUT, APUT_WIDE, APUT_OBJECT, APUT_BOOLEAN, APUT_BYTE, APUT_CHAR, APUT_SHORT ->
                        out.add(new Insn.ArrayPut(a(i), b(i), c(i)));
                case IGET, IGET_WIDE, IGET_OBJECT, IGET_BOOLEAN, IGET_BYTE, IGET_CHAR, IGET_SHORT, IGET_VOLATILE,
                     IGET_WIDE_VOLATILE, IGET_OBJECT_VOLATILE -> out.add(new Insn.FieldGet(a(i), b(i), refs.field(i)));
                case IPUT, IPUT_WIDE, IPUT_OBJECT, IPUT_BOOLEAN, IPUT_BYTE, IPUT_CHAR, IPUT_SHORT, IPUT_VOLATILE,
                     IPUT_WIDE_VOLATILE, IPUT_OBJECT_VOLATILE -> out.add(new Insn.FieldPut(a(i), b(i), refs.field(i)));
                case SGET, SGET_WIDE, SGET_OBJECT, SGET_BOOLEAN, SGET_BYTE, SGET_CHAR, SGET_SHORT, SGET_VOLATILE,
                     SGET_WIDE_VOLATILE, SGET_OBJECT_VOLATILE -> out.add(new Insn.FieldGet(a(i), -1, refs.field(i)));
                case SPUT, SPUT_WIDE, SPUT_OBJECT, SPUT_BOOLEAN, SPUT_BYTE, SPUT_CHAR, SPUT_SHORT, SPUT_VOLATILE,
                     SPUT_WIDE_VOLATILE, SPUT_OBJECT_VOLATILE -> out.add(new Insn.FieldPut(a(i), -1, refs.field(i)));
                case INVOKE_VIRTUAL, INVOKE_VIRTUAL_RANGE -> {
                    return invoke(k, InvokeKind.VIRTUAL);
                }
                case INVOKE_SUPER, INVOKE_SUPER_RANGE -> {
                    return invoke(k, InvokeKind.SUPER);
                }
                case INVOKE_DIRECT, INVOKE_DIRECT_RANGE, INVOKE_DIRECT_EMPTY, INVOKE_OBJECT_INIT_RANGE -> {
                    return invoke(k, InvokeKind.DIRECT);
                }
                case INVOKE_STATIC, INVOKE_STATIC_RANGE -> {
                    return invoke(k, InvokeKind.STATIC);
                }
                case INVOKE_INTERFACE, INVOKE_INTERFACE_RANGE -> {
                    return invoke(k, InvokeKind.INTERFACE);
                }
                case INVOKE_POLYMORPHIC, INVOKE_POLYMORPHIC_RANGE -> {
                    return invoke(k, InvokeKind.POLYMORPHIC);
                }
                case INVOKE_CUSTOM, INVOKE_CUSTOM_RANGE -> {
                    return invokeCustom(k);
                }
                case THROW_VERIFICATION_ERROR -> out.add(new Insn.Throw(-1));
                default -> {
                    Shape shape = SHAPES.get(op);
                    if (shape == null) {
                        // Odex-only quickened forms carry no symbolic reference; say so rather than guess.
                        throw new IllegalStateException("unsupported opcode " + op.name + " at 0x"
                                + Integer.toHexString(addresses[k]));
                    }
                    switch (shape) {
                        case UNARY -> out.add(new Insn.Operation(op.name.contains("-to-") ? OpKind.CONVERSION
                                : OpKind.ARITHMETIC, a(i), new int[] {b(i)}));
                        case BINARY -> out.add(new Insn.Operation(OpKind.ARITHMETIC, a(i), new int[] {b(i), c(i)}));
                        case BINARY_2ADDR -> out.add(new Insn.Operation(OpKind.ARITHMETIC, a(i), new int[] {a(i), b(i)}));
                        case BINARY_LIT -> out.add(new Insn.Operation(OpKind.ARITHMETIC, a(i), new int[] {b(i)}));
                        case COMPARE -> out.add(new Insn.Operation(OpKind.COMPARISON, a(i), new int[] {b(i), c(i)}));
                        default -> throw new IllegalStateException("unreachable");
                    }
                }
            }
            return k;
        }

        private int invoke(int k, InvokeKind kind) {
            Instruction i = insns.get(k);
            MethodRef callee = refs.method(i);
            int[] raw = registers(i);
            boolean hasReceiver = kind != InvokeKind.STATIC;
            List<String> params = callee.parameterTypes();
            if (kind == InvokeKind.POLYMORPHIC
                    && i instanceof org.jf.dexlib2.iface.instruction.DualReferenceInstruction dual
                    && dual.getReference2() instanceof org.jf.dexlib2.iface.reference.MethodProtoReference proto) {
                // MethodHandle.invoke(Object...) is signature-polymorphic: the registers follow the
                // call site's own prototype, not the declared varargs array.
                params = proto.getParameterTypes().stream().map(CharSequence::toString).toList();
            }
            int[] args = collapseWide(raw, params, hasReceiver);
            int result = resultOf(k);
            out.add(new Insn.Invoke(kind, callee, args, result));
            return result >= 0 ? k + 1 : k;
        }

        private int invokeCustom(int k) {
            Instruction i = insns.get(k);
            MethodRef callee = refs.callSite(refs.index16(i));
            int[] args = collapseWide(registers(i), callee.parameterTypes(), false);
            int result = resultOf(k);
            out.add(new Insn.Invoke(InvokeKind.DYNAMIC, callee, args, result));
            return result >= 0 ? k + 1 : k;
        }

        /** The register of the {@code move-result*} right after instruction {@code k}, or -1. */
        private int resultOf(int k) {
            if (k + 1 < insns.size()) {
                Instruction next = insns.get(k + 1);
                Opcode op = next.getOpcode();
                if (op == Opcode.MOVE_RESULT || op == Opcode.MOVE_RESULT_WIDE || op == Opcode.MOVE_RESULT_OBJECT) {
                    // A branch may land on the move-result itself; keep the mapping for it.
                    addressToIr.putIfAbsent(addresses[k + 1], out.size());
                    return ((OneRegisterInstruction) next).getRegisterA();
                }
            }
            return -1;
        }

        private void branch(Insn placeholder, int k, int offset) {
            out.add(placeholder);
            pending.add(new int[] {out.size() - 1, addresses[k] + offset});
        }

        private void patchTargets() {
            for (int[] p : pending) {
                int index = p[0];
                int target = irIndexAtOrAfter(p[1]);
                Insn insn = out.get(index);
                if (insn instanceof Insn.Goto) {
                    out.set(index, new Insn.Goto(target));
                } else if (insn instanceof Insn.If f) {
                    out.set(index, new Insn.If(f.a(), f.b(), target));
                }
            }
            for (Map.Entry<Integer, int[]> e : pendingSwitches.entrySet()) {
                int[] targets = new int[e.getValue().length];
                for (int t = 0; t < targets.length; t++) {
                    targets[t] = irIndexAtOrAfter(e.getValue()[t]);
                }
                out.set(e.getKey(), new Insn.Switch(((Insn.Switch) out.get(e.getKey())).src(), targets));
            }
        }
    }

    /** One register per argument: drops the second half of each wide pair. */
    static int[] collapseWide(int[] raw, List<String> params, boolean hasReceiver) {
        int[] args = new int[params.size() + (hasReceiver ? 1 : 0)];
        int pos = 0;
        int k = 0;
        if (hasReceiver) {
            args[k++] = raw[pos++];
        }
        for (String p : params) {
            if (pos >= raw.length) {
                throw new IllegalStateException("call passes " + raw.length + " registers for " + params);
            }
            args[k++] = raw[pos];
            pos += Types.isWide(p) ? 2 : 1;
        }
        return args;
    }

    private static int[] registers(Instruction i) {
        if (i instanceof RegisterRangeInstruction r) {
            int[] regs = new int[r.getRegisterCount()];
            for (int k = 0; k < regs.length; k++) {
                regs[k] = r.getStartRegister() + k;
            }
            return regs;
        }
        FiveRegisterInstruction f = (FiveRegisterInstruction) i;
        int[] all = {f.getRegisterC(), f.getRegisterD(), f.getRegisterE(), f.getRegisterF(), f.getRegisterG()};
        return java.util.Arrays.copyOf(all, f.getRegisterCount());
    }

    private static int a(Instruction i) {
        return ((OneRegisterInstruction) i).getRegisterA();
    }

    private static int b(Instruction i) {
        return ((TwoRegisterInstruction) i).getRegisterB();
    }

    private static int c(Instruction i) {
        return ((ThreeRegisterInstruction) i).getRegisterC();
    }

    private static Map<Opcode, Shape> shapes() {
        Map<Opcode, Shape> m = new EnumMap<>(Opcode.class);
        for (Opcode op : Opcode.values()) {
            String n = op.name();
            if (n.startsWith("CMP")) {
                m.put(op, Shape.COMPARE);
            } else if (n.endsWith("_2ADDR")) {
                m.put(op, Shape.BINARY_2ADDR);
            } else if (n.contains("_LIT16") || n.contains("_LIT8") || n.equals("RSUB_INT")) {
                m.put(op, Shape.BINARY_LIT);
            } else if (n.matches("(ADD|SUB|MUL|DIV|REM|AND|OR|XOR|SHL|SHR|USHR)_(INT|LONG|FLOAT|DOUBLE)")) {
                m.put(op, Shape.BINARY);
            } else if (n.matches("(NEG|NOT)_.*") || n.matches("(INT|LONG|FLOAT|DOUBLE)_TO_.*")) {
                m.put(op, Shape.UNARY);
            }
        }
        return m;
    }

    private static int readInt(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    private static String safeJavaName(String type) {
        try {
            return Types.toJavaName(type);
        } catch (RuntimeException e) {
            return type;
        }
    }

}
