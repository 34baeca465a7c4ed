package org.leakscan.android;

import static org.leakscan.android.LittleEndian.s32;
import static org.leakscan.android.LittleEndian.u16;
import static org.leakscan.android.LittleEndian.u32;
import static org.leakscan.android.LittleEndian.u8;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * An app's compiled resources ({@code resources.arsc}): resource ids to values, names and strings.
 *
 * <p>The file is read as Android's resource loader reads it ({@code LoadedArsc},
 * {@code LoadedPackage::Load}, {@code ChunkIterator}, {@code VerifyResTableType},
 * {@code VerifyResTableEntry} in frameworks/base/libs/androidfw, Android 14). What it rejects is
 * rejected here with a {@link MalformedResourcesException}: a first chunk that is too big or has a
 * bad header, a later chunk with a bad header size or alignment, a table or package header that is
 * too short, a broken global, type-name or key-name string pool, more package chunks than the
 * table header declares, type specs or types with id 0 or more than 65535 entries, entry offsets
 * overlapping the entry data or an unaligned {@code entriesStart}, and a type chunk without a
 * preceding type spec. What it tolerates is tolerated here: trailing bytes too few for a chunk,
 * a last chunk whose size runs past the data (reading stops there), unknown chunk types, extra
 * string pools, duplicate type specs (the first wins), and broken individual entries (unaligned,
 * out of bounds, too small): such an entry is simply absent, as on a device. Library, overlayable
 * and staged-alias chunks are skipped without checks (they only matter for shared libraries and
 * overlays). Dense, sparse ({@code FLAG_SPARSE}), 16-bit-offset ({@code FLAG_OFFSET16}) and
 * compact-entry ({@code FLAG_COMPACT}) types are read.
 *
 * <p>Parsing indexes chunk headers only; entries and strings decode on demand, every loop is
 * bounded by the bytes present, and reference chains stop after {@value #MAX_REFERENCE_DEPTH}
 * steps or at the first repeated id. A table is safe to share between threads: its only
 * mutable state is caches filled under a lock.
 */
public final class ResourceTable {

    /** Longest chain of references {@link #resolve} follows. */
    public static final int MAX_REFERENCE_DEPTH = 32;

    private static final int RES_STRING_POOL_TYPE = 0x0001;
    private static final int RES_TABLE_TYPE = 0x0002;
    private static final int RES_TABLE_PACKAGE_TYPE = 0x0200;
    private static final int RES_TABLE_TYPE_TYPE = 0x0201;
    private static final int RES_TABLE_TYPE_SPEC_TYPE = 0x0202;
    private static final int TABLE_HEADER_SIZE = 12;
    private static final int PACKAGE_HEADER_MIN_SIZE = 284;
    private static final int PACKAGE_HEADER_SIZE = 288;
    private static final int TYPE_SPEC_HEADER_SIZE = 16;
    private static final int TYPE_HEADER_MIN_SIZE = 24;
    private static final int FLAG_SPARSE = 0x01;
    private static final int FLAG_OFFSET16 = 0x02;
    private static final int ENTRY_FLAG_COMPLEX = 0x0001;
    private static final int ENTRY_FLAG_COMPACT = 0x0008;
    private static final int ENTRY_SIZE = 8;
    private static final int MAP_ENTRY_SIZE = 16;
    private static final int MAP_SIZE = 12;
    private static final int VALUE_SIZE = 8;
    private static final long NO_ENTRY = 0xffffffffL;

    private final byte[] data;
    private StringPool globalStrings;
    private final List<PackageChunk> packages = new ArrayList<>();
    private Map<String, Integer> idsByName;

    private ResourceTable(byte[] data) {
        this.data = data;
    }

    /**
     * Reads a {@code resources.arsc}. The table keeps {@code bytes} and decodes entries from it on
     * demand, so the array must not change afterwards.
     *
     * @throws MalformedResourcesException when Android's loader would refuse the table
     */
    public static ResourceTable parse(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        ResourceTable table = new ResourceTable(bytes);
        try {
            table.forEachChunk(0, bytes.length, "file", offset -> {
                if (u16(bytes, offset) == RES_TABLE_TYPE) {
                    table.loadTable(offset);
                }
            });
        } catch (ChunkFormatException e) {
            throw new MalformedResourcesException("resources.arsc: " + e.getMessage(), e.offset());
        } catch (IndexOutOfBoundsException e) {
            // A missed bounds check must still surface as a format error, never as a crash.
            throw new MalformedResourcesException("resources.arsc: read past the end of the data (" + e.getMessage()
                    + ")", -1);
        }
        return table;
    }

    /** The packages in file order. */
    public List<ResourcePackage> packages() {
        return packages.stream().map(p -> new ResourcePackage(p.id, p.name)).toList();
    }

    /** Name of the first package (the app's own), or {@code null} for a table without packages. */
    public String packageName() {
        return packages.isEmpty() ? null : packages.get(0).name;
    }

    /** Id of the first package ({@code 0x7f} for an app), or 0 for a table without packages. */
    public int packageId() {
        return packages.isEmpty() ? 0 : packages.get(0).id;
    }

    /**
     * The value of a simple resource in the default configuration, or in the first configuration
     * (in file order) that has it when the default one does not. References are not followed.
     * Empty when the id is unknown, the entry is absent or broken, or the resource is a bag.
     */
    public Optional<ResourceValue> value(int resourceId) {
        return guarded(() -> locate(resourceId).flatMap(this::simpleValue));
    }

    /**
     * The value of a resource after following references ({@code @string/a} pointing to
     * {@code @string/b} …) up to {@value #MAX_REFERENCE_DEPTH} steps. When a reference leads out
     * of this table (e.g. to a framework resource {@code 0x01…}) the reference itself is returned;
     * a cycle or a chain that is too long gives empty.
     */
    public Optional<ResourceValue> resolve(int resourceId) {
        Set<Integer> seen = new HashSet<>();
        int id = resourceId;
        ResourceValue last = null;
        for (int step = 0; step < MAX_REFERENCE_DEPTH; step++) {
            if (!seen.add(id)) {
                return Optional.empty();
            }
            Optional<ResourceValue> value = value(id);
            if (value.isEmpty()) {
                return Optional.ofNullable(last);
            }
            last = value.get();
            if (!last.isReference() || last.data() == 0) {
                return value;
            }
            id = last.data();
        }
        return Optional.empty();
    }

    /** The string a resource resolves to, or {@code null} when it is not a (readable) string. */
    public String string(int resourceId) {
        return resolve(resourceId)
                .filter(value -> value.type() == ValueTypes.TYPE_STRING)
                .map(ResourceValue::string)
                .orElse(null);
    }

    /** The resource's {@code type/name} (e.g. {@code xml/network_security_config}), or {@code null} when unknown. */
    public String name(int resourceId) {
        return guarded(() -> locate(resourceId).map(this::nameOf)).orElse(null);
    }

    /**
     * The id of a resource given as {@code type/name}, {@code @type/name} or
     * {@code package:type/name}. When several packages define the name, the first package wins.
     */
    public OptionalInt id(String name) {
        Objects.requireNonNull(name, "name");
        String bare = name.startsWith("@") ? name.substring(1) : name;
        String key = bare.startsWith("+") ? bare.substring(1) : bare;
        Integer id = guarded(() -> idsByName().get(key));
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /**
     * Every string-valued simple entry in every configuration, in file order (packages, types,
     * configurations, entries), for later passes that search resources for URLs and keys.
     */
    public List<StringResource> strings() {
        return guarded(this::collectStrings);
    }

    /**
     * The items of a complex resource (style, attribute definition, array …) in the configuration
     * {@link #value} would choose; empty for simple or unknown resources. Parents are not merged.
     */
    public List<ResourceBagItem> bag(int resourceId) {
        return guarded(() -> locate(resourceId).map(this::bagItems).orElse(List.of()));
    }

    private List<StringResource> collectStrings() {
        List<StringResource> result = new ArrayList<>();
        for (PackageChunk pkg : packages) {
            for (TypeInfo type : pkg.types.values()) {
                for (TypeChunk chunk : type.chunks) {
                    String config = chunk.config.describe();
                    for (EntryRef entry : entries(pkg, type, chunk)) {
                        simpleValue(entry)
                                .filter(v -> v.type() == ValueTypes.TYPE_STRING && v.string() != null)
                                .ifPresent(v -> result.add(new StringResource(entry.resourceId(), nameOf(entry),
                                        config, v.string())));
                    }
                }
            }
        }
        return List.copyOf(result);
    }

    // ---- loading -------------------------------------------------------------------------

    private void loadTable(int offset) {
        int headerSize = u16(data, offset + 2);
        long size = u32(data, offset + 4);
        if (headerSize < TABLE_HEADER_SIZE) {
            throw new ChunkFormatException(String.format("table chunk at 0x%x has header size %d, below %d",
                    offset, headerSize, TABLE_HEADER_SIZE), offset);
        }
        long packageCount = u32(data, offset + 8);
        int[] packagesSeen = {0};
        forEachChunk(offset + headerSize, size - headerSize, "table", child -> {
            int type = u16(data, child);
            if (type == RES_STRING_POOL_TYPE) {
                if (globalStrings == null) {
                    globalStrings = StringPool.parse(data, child, u32(data, child + 4));
                }
            } else if (type == RES_TABLE_PACKAGE_TYPE) {
                if (packagesSeen[0] + 1 > packageCount) {
                    throw new ChunkFormatException(String.format(
                            "package chunk at 0x%x is more than the %d the table header at 0x%x declares",
                            child, packageCount, offset), child);
                }
                packagesSeen[0]++;
                packages.add(loadPackage(child));
            }
        });
    }

    private PackageChunk loadPackage(int offset) {
        int headerSize = u16(data, offset + 2);
        long size = u32(data, offset + 4);
        if (headerSize < PACKAGE_HEADER_MIN_SIZE) {
            throw new ChunkFormatException(String.format("package chunk at 0x%x has header size %d, below %d",
                    offset, headerSize, PACKAGE_HEADER_MIN_SIZE), offset);
        }
        PackageChunk pkg = new PackageChunk(s32(data, offset + 8), utf16Name(offset + 12, 128));
        if (headerSize >= PACKAGE_HEADER_SIZE) {
            long typeIdOffset = u32(data, offset + 284);
            if (typeIdOffset > 255) {
                throw new ChunkFormatException(String.format("package chunk at 0x%x has type id offset %d, above 255",
                        offset, typeIdOffset), offset);
            }
            pkg.typeIdOffset = (int) typeIdOffset;
        }
        long typeStrings = offset + u32(data, offset + 268);
        long keyStrings = offset + u32(data, offset + 276);
        forEachChunk(offset + headerSize, size - headerSize, "package", child -> {
            switch (u16(data, child)) {
                case RES_STRING_POOL_TYPE -> {
                    if (child == typeStrings) {
                        pkg.typeStrings = StringPool.parse(data, child, u32(data, child + 4));
                    } else if (child == keyStrings) {
                        pkg.keyStrings = StringPool.parse(data, child, u32(data, child + 4));
                    }
                }
                case RES_TABLE_TYPE_SPEC_TYPE -> loadTypeSpec(pkg, child);
                case RES_TABLE_TYPE_TYPE -> loadType(pkg, child);
                default -> {
                    // Library, overlayable, staged-alias and unknown chunks carry nothing read here.
                }
            }
        });
        return pkg;
    }

    private void loadTypeSpec(PackageChunk pkg, int offset) {
        int headerSize = u16(data, offset + 2);
        long size = u32(data, offset + 4);
        if (headerSize < TYPE_SPEC_HEADER_SIZE) {
            throw new ChunkFormatException(String.format("type spec at 0x%x has header size %d, below %d",
                    offset, headerSize, TYPE_SPEC_HEADER_SIZE), offset);
        }
        int id = u8(data, offset + 8);
        long entryCount = u32(data, offset + 12);
        if (id == 0) {
            throw new ChunkFormatException(String.format("type spec at 0x%x has type id 0", offset), offset);
        }
        if (pkg.typeIdOffset + id > 255) {
            throw new ChunkFormatException(String.format("type spec at 0x%x has type id %d beyond 255 after offset %d",
                    offset, id, pkg.typeIdOffset), offset);
        }
        if (entryCount > 0xffff) {
            throw new ChunkFormatException(String.format("type spec at 0x%x claims %d entries, above 65535",
                    offset, entryCount), offset);
        }
        if (entryCount * 4 > size - headerSize) {
            throw new ChunkFormatException(String.format("type spec at 0x%x claims %d entries but holds 0x%x bytes",
                    offset, entryCount, size - headerSize), offset);
        }
        pkg.types.putIfAbsent(id, new TypeInfo(id));
    }

    private void loadType(PackageChunk pkg, int offset) {
        int headerSize = u16(data, offset + 2);
        long size = u32(data, offset + 4);
        if (headerSize < TYPE_HEADER_MIN_SIZE) {
            throw new ChunkFormatException(String.format("type chunk at 0x%x has header size %d, below %d",
                    offset, headerSize, TYPE_HEADER_MIN_SIZE), offset);
        }
        int id = u8(data, offset + 8);
        int flags = u8(data, offset + 9);
        long entryCount = u32(data, offset + 12);
        long entriesStart = u32(data, offset + 16);
        if (id == 0) {
            throw new ChunkFormatException(String.format("type chunk at 0x%x has type id 0", offset), offset);
        }
        if (entryCount > 0xffff) {
            throw new ChunkFormatException(String.format("type chunk at 0x%x claims %d entries, above 65535",
                    offset, entryCount), offset);
        }
        long offsetsLength = ((flags & FLAG_OFFSET16) != 0 ? 2 : 4) * entryCount;
        if (headerSize > entriesStart || entriesStart - headerSize < offsetsLength) {
            throw new ChunkFormatException(String.format(
                    "type chunk at 0x%x: %d entry offsets from 0x%x overlap the entries at 0x%x",
                    offset, entryCount, headerSize, entriesStart), offset);
        }
        if (entriesStart > size) {
            throw new ChunkFormatException(String.format("type chunk at 0x%x: entries start at 0x%x, past its size 0x%x",
                    offset, entriesStart, size), offset);
        }
        if ((entriesStart & 3) != 0) {
            throw new ChunkFormatException(String.format("type chunk at 0x%x: entries start at unaligned 0x%x",
                    offset, entriesStart), offset);
        }
        TypeInfo type = pkg.types.get(id);
        if (type == null) {
            throw new ChunkFormatException(String.format("type chunk at 0x%x has type id %d without a preceding type spec",
                    offset, id), offset);
        }
        ResourceConfig config = ResourceConfig.read(data, offset + 20, offset + Math.min(size, headerSize));
        type.chunks.add(new TypeChunk(offset, size, headerSize, flags, (int) entryCount, entriesStart, config));
    }

    /**
     * {@code ChunkIterator}: the first chunk must be well formed (else fatal); for later chunks, too
     * few bytes left or a size past the data ends the walk quietly, and a bad header size or
     * alignment is fatal.
     */
    private void forEachChunk(long start, long length, String where, ChunkVisitor visitor) {
        long offset = start;
        long remaining = length;
        boolean first = true;
        while (remaining > 0) {
            if (!first && (remaining < 8 || u32(data, (int) offset + 4) > remaining)) {
                return;
            }
            verifyChunk(offset, remaining, where);
            first = false;
            visitor.visit((int) offset);
            long size = u32(data, (int) offset + 4);
            offset += size;
            remaining -= size;
        }
    }

    private void verifyChunk(long offset, long remaining, String where) {
        if ((offset & 3) != 0) {
            throw new ChunkFormatException(String.format("chunk in %s at 0x%x is not 4-byte aligned", where, offset),
                    offset);
        }
        if (remaining < 8 || !LittleEndian.fits(offset, 8, data.length)) {
            throw new ChunkFormatException(String.format("chunk in %s at 0x%x: %d bytes are too few for a chunk header",
                    where, offset, remaining), offset);
        }
        int headerSize = u16(data, (int) offset + 2);
        long size = u32(data, (int) offset + 4);
        if (headerSize < 8) {
            throw new ChunkFormatException(String.format("chunk in %s at 0x%x has header size %d, below 8",
                    where, offset, headerSize), offset);
        }
        if (headerSize > size) {
            throw new ChunkFormatException(String.format("chunk in %s at 0x%x has header size %d larger than its size 0x%x",
                    where, offset, headerSize, size), offset);
        }
        if (size > remaining || !LittleEndian.fits(offset, size, data.length)) {
            throw new ChunkFormatException(String.format("chunk in %s at 0x%x has size 0x%x, past the 0x%x bytes left",
                    where, offset, size, remaining), offset);
        }
        if (((size | headerSize) & 3) != 0) {
            throw new ChunkFormatException(String.format(
                    "chunk in %s at 0x%x has size 0x%x or header size 0x%x not a multiple of 4",
                    where, offset, size, headerSize), offset);
        }
    }

    // ---- lookup --------------------------------------------------------------------------

    /** The entry chosen for {@code resourceId}: default configuration first, else the first that has it. */
    private Optional<EntryRef> locate(int resourceId) {
        int packageId = resourceId >>> 24;
        int typeId = (resourceId >>> 16) & 0xff;
        int index = resourceId & 0xffff;
        for (PackageChunk pkg : packages) {
            if (pkg.id != packageId) {
                continue;
            }
            TypeInfo type = pkg.types.get(typeId - pkg.typeIdOffset);
            if (type == null) {
                return Optional.empty();
            }
            EntryRef fallback = null;
            for (TypeChunk chunk : type.chunks) {
                int entry = entryOffset(chunk, index);
                if (entry < 0) {
                    continue;
                }
                EntryRef ref = new EntryRef(pkg, type, chunk, index, entry);
                if (chunk.config.isDefault()) {
                    return Optional.of(ref);
                }
                if (fallback == null) {
                    fallback = ref;
                }
            }
            return Optional.ofNullable(fallback);
        }
        return Optional.empty();
    }

    /** All present entries of one type chunk. */
    private List<EntryRef> entries(PackageChunk pkg, TypeInfo type, TypeChunk chunk) {
        List<EntryRef> result = new ArrayList<>();
        if ((chunk.flags & FLAG_SPARSE) != 0) {
            for (int i = 0; i < sparseCount(chunk); i++) {
                int at = chunk.offset + chunk.headerSize + 4 * i;
                int index = u16(data, at);
                int entry = verifiedEntry(chunk, u16(data, at + 2) * 4L);
                if (entry >= 0) {
                    result.add(new EntryRef(pkg, type, chunk, index, entry));
                }
            }
            return result;
        }
        for (int index = 0; index < chunk.entryCount; index++) {
            int entry = entryOffset(chunk, index);
            if (entry >= 0) {
                result.add(new EntryRef(pkg, type, chunk, index, entry));
            }
        }
        return result;
    }

    /** {@code LoadedPackage::GetEntryOffset} then {@code VerifyResTableEntry}: absolute entry offset or -1. */
    private int entryOffset(TypeChunk chunk, int index) {
        int offsets = chunk.offset + chunk.headerSize;
        long relative;
        if ((chunk.flags & FLAG_SPARSE) != 0) {
            int count = sparseCount(chunk);
            int low = 0;
            int high = count;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (u16(data, offsets + 4 * middle) < index) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            if (low == count || u16(data, offsets + 4 * low) != index) {
                return -1;
            }
            relative = u16(data, offsets + 4 * low + 2) * 4L;
        } else if (index >= chunk.entryCount) {
            return -1;
        } else if ((chunk.flags & FLAG_OFFSET16) != 0) {
            int offset16 = u16(data, offsets + 2 * index);
            if (offset16 == 0xffff) {
                return -1;
            }
            relative = offset16 * 4L;
        } else {
            relative = u32(data, offsets + 4 * index);
            if (relative == NO_ENTRY) {
                return -1;
            }
        }
        return verifiedEntry(chunk, relative);
    }

    /**
     * Sparse entries (index, offset/4) that lie inside the chunk; Android's type check sizes the
     * offset table for 16-bit offsets when both flags are set, so the count alone is not a bound.
     */
    private static int sparseCount(TypeChunk chunk) {
        return (int) Math.min(chunk.entryCount, (chunk.size - chunk.headerSize) / 4);
    }

    /** {@code VerifyResTableEntry}: the absolute offset of a well-formed entry, or -1. */
    private int verifiedEntry(TypeChunk chunk, long relative) {
        if ((relative & 3) != 0 || relative > NO_ENTRY - chunk.entriesStart) {
            return -1;
        }
        long chunkSize = chunk.size;
        long at = relative + chunk.entriesStart;
        if (at > chunkSize - ENTRY_SIZE) {
            return -1;
        }
        int entry = (int) (chunk.offset + at);
        int flags = u16(data, entry + 2);
        boolean compact = (flags & ENTRY_FLAG_COMPACT) != 0;
        long entrySize = compact ? ENTRY_SIZE : u16(data, entry);
        if (entrySize < ENTRY_SIZE || entrySize > chunkSize || at > chunkSize - entrySize) {
            return -1;
        }
        if (compact) {
            return entry;
        }
        if (entrySize < MAP_ENTRY_SIZE) {
            if (at + entrySize > chunkSize - VALUE_SIZE) {
                return -1;
            }
            long valueSize = u16(data, (int) (entry + entrySize));
            if (valueSize < VALUE_SIZE || valueSize > chunkSize || at + entrySize > chunkSize - valueSize) {
                return -1;
            }
        } else {
            long count = u32(data, entry + 12);
            long mapsStart = at + entrySize;
            if ((mapsStart & 3) != 0 || count > (chunkSize - mapsStart) / MAP_SIZE) {
                return -1;
            }
        }
        return entry;
    }

    private Optional<ResourceValue> simpleValue(EntryRef ref) {
        int entry = ref.offset;
        int flags = u16(data, entry + 2);
        if ((flags & ENTRY_FLAG_COMPACT) != 0) {
            return Optional.of(value(flags >>> 8, s32(data, entry + 4)));
        }
        if ((flags & ENTRY_FLAG_COMPLEX) != 0) {
            return Optional.empty();
        }
        long valueAt = entry + (long) u16(data, entry);
        if (!LittleEndian.fits(valueAt, VALUE_SIZE, ref.chunk.offset + ref.chunk.size)) {
            return Optional.empty();
        }
        return Optional.of(value(u8(data, (int) valueAt + 3), s32(data, (int) valueAt + 4)));
    }

    private List<ResourceBagItem> bagItems(EntryRef ref) {
        int entry = ref.offset;
        int flags = u16(data, entry + 2);
        long entrySize = u16(data, entry);
        long chunkEnd = ref.chunk.offset + ref.chunk.size;
        if ((flags & ENTRY_FLAG_COMPACT) != 0 || (flags & ENTRY_FLAG_COMPLEX) == 0 || entrySize < MAP_ENTRY_SIZE) {
            return List.of();
        }
        long count = u32(data, entry + 12);
        long mapsStart = entry + entrySize;
        long available = Math.max(0, (chunkEnd - mapsStart) / MAP_SIZE);
        List<ResourceBagItem> items = new ArrayList<>();
        for (long i = 0; i < Math.min(count, available); i++) {
            int map = (int) (mapsStart + i * MAP_SIZE);
            items.add(new ResourceBagItem(s32(data, map), value(u8(data, map + 7), s32(data, map + 8))));
        }
        return List.copyOf(items);
    }

    private ResourceValue value(int type, int valueData) {
        String string = null;
        if (type == ValueTypes.TYPE_STRING && globalStrings != null) {
            string = globalStrings.get(valueData);
        }
        return new ResourceValue(type, valueData, string);
    }

    private String nameOf(EntryRef ref) {
        String typeName = ref.pkg.typeStrings == null ? null : ref.pkg.typeStrings.get(ref.type.id - 1);
        int flags = u16(data, ref.offset + 2);
        int key = (flags & ENTRY_FLAG_COMPACT) != 0 ? u16(data, ref.offset) : s32(data, ref.offset + 4);
        String keyName = ref.pkg.keyStrings == null ? null : ref.pkg.keyStrings.get(key);
        if (typeName == null || keyName == null) {
            return null;
        }
        return typeName + "/" + keyName;
    }

    private synchronized Map<String, Integer> idsByName() {
        if (idsByName == null) {
            Map<String, Integer> ids = new LinkedHashMap<>();
            for (PackageChunk pkg : packages) {
                for (TypeInfo type : pkg.types.values()) {
                    for (TypeChunk chunk : type.chunks) {
                        for (EntryRef entry : entries(pkg, type, chunk)) {
                            String name = nameOf(entry);
                            if (name != null) {
                                ids.putIfAbsent(name, entry.resourceId());
                                ids.putIfAbsent(pkg.name + ":" + name, entry.resourceId());
                            }
                        }
                    }
                }
            }
            idsByName = new HashMap<>(ids);
        }
        return idsByName;
    }

    private String utf16Name(int offset, int maxChars) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < maxChars; i++) {
            char c = (char) u16(data, offset + 2 * i);
            if (c == 0) {
                break;
            }
            name.append(c);
        }
        return name.toString();
    }

    /**
     * Runs a lookup, turning a string-pool budget overrun (a hostile pool) into the documented
     * exception; everything else was bounds-checked while loading.
     */
    private <T> T guarded(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (ChunkFormatException e) {
            throw new MalformedResourcesException("resources.arsc: " + e.getMessage(), e.offset());
        } catch (IndexOutOfBoundsException e) {
            throw new MalformedResourcesException("resources.arsc: read past the end of the data (" + e.getMessage()
                    + ")", -1);
        }
    }

    @FunctionalInterface
    private interface ChunkVisitor {
        void visit(int offset);
    }

    /** A package chunk, indexed. */
    private static final class PackageChunk {
        final int id;
        final String name;
        int typeIdOffset;
        StringPool typeStrings;
        StringPool keyStrings;
        final Map<Integer, TypeInfo> types = new TreeMap<>();

        PackageChunk(int id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** One resource type (string, xml …) of a package: its spec and its per-configuration chunks. */
    private static final class TypeInfo {
        final int id;
        final List<TypeChunk> chunks = new ArrayList<>();

        TypeInfo(int id) {
            this.id = id;
        }
    }

    /** One verified {@code ResTable_type} chunk. */
    private record TypeChunk(int offset, long size, int headerSize, int flags, int entryCount, long entriesStart,
            ResourceConfig config) {
    }

    /** A verified entry: which package, type and chunk, its index and absolute offset. */
    private record EntryRef(PackageChunk pkg, TypeInfo type, TypeChunk chunk, int index, int offset) {
        int resourceId() {
            return (pkg.id & 0xff) << 24 | ((type.id + pkg.typeIdOffset) & 0xff) << 16 | index;
        }
    }
}
