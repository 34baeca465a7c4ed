package org.leakscan.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leakscan.android.ValueTypes;

/**
 * Writes a minimal valid {@code resources.arsc}: one package, typed entries in the default
 * configuration and optionally in locale configurations ({@code fr}, {@code fr-rCA}).
 * <pre>{@code
 * ArscWriter arsc = new ArscWriter("com.example");
 * int appName = arsc.string("app_name", "Example");
 * arsc.string("fr", "app_name", "Exemple");
 * int config = arsc.xml("network_security_config", "res/xml/network_security_config.xml");
 * byte[] bytes = arsc.toBytes();
 * }</pre>
 * Types get ids in order of first use (1, 2, …), entries in order of definition, so ids are
 * {@code 0x7fTTEEEE}. The layout is aapt's: table header, global value string pool, package chunk
 * with type-name and key-name pools, then per type a type spec and one type chunk per
 * configuration. {@code aapt dump resources} reads it (see {@code ArscWriterTest}).
 *
 * <p>Type chunks are dense with 32-bit offsets unless {@link #sparse(boolean)} (aapt2's
 * {@code FLAG_SPARSE}) or {@link #offset16(boolean)} ({@code FLAG_OFFSET16}) is set; entries are
 * full unless {@link #compact(boolean)} ({@code FLAG_COMPACT}, Android 14) is set.
 */
public final class ArscWriter {

    public static final int RES_TABLE_TYPE = 0x0002;
    public static final int RES_TABLE_PACKAGE_TYPE = 0x0200;
    public static final int RES_TABLE_TYPE_TYPE = 0x0201;
    public static final int RES_TABLE_TYPE_SPEC_TYPE = 0x0202;
    public static final String DEFAULT = "";

    private final String packageName;
    private int packageId = 0x7f;
    private boolean utf8 = true;
    private boolean sparse;
    private boolean offset16;
    private boolean compact;
    /** type name -> entry names, in order of definition. */
    private final Map<String, List<String>> types = new LinkedHashMap<>();
    /** type name -> entry name -> entry index. */
    private final Map<String, Map<String, Integer>> entryIndex = new LinkedHashMap<>();
    private final Map<String, Integer> globalIndex = new LinkedHashMap<>();
    /** config -> (type/name -> value). */
    private final Map<String, Map<String, Value>> values = new LinkedHashMap<>();
    private final List<String> globalStrings = new ArrayList<>();

    private record Value(int type, int data) {
    }

    public ArscWriter(String packageName) {
        this.packageName = packageName;
        values.put(DEFAULT, new LinkedHashMap<>());
    }

    public ArscWriter packageId(int id) {
        this.packageId = id;
        return this;
    }

    /** Value strings as UTF-8 (aapt's default for the global pool; true unless changed) or UTF-16. */
    public ArscWriter utf8(boolean useUtf8) {
        this.utf8 = useUtf8;
        return this;
    }

    /** Writes type chunks in the sparse form (entry index and offset pairs). */
    public ArscWriter sparse(boolean useSparse) {
        this.sparse = useSparse;
        return this;
    }

    /** Writes type chunks with 16-bit entry offsets. */
    public ArscWriter offset16(boolean useOffset16) {
        this.offset16 = useOffset16;
        return this;
    }

    /** Writes entries in the compact 8-byte form. */
    public ArscWriter compact(boolean useCompact) {
        this.compact = useCompact;
        return this;
    }

    /** A {@code string/name} in the default configuration; returns its id. */
    public int string(String name, String value) {
        return string(DEFAULT, name, value);
    }

    /** A {@code string/name} in configuration {@code config} ({@code ""}, {@code fr}, {@code fr-rCA}). */
    public int string(String config, String name, String value) {
        return value(config, "string", name, ValueTypes.TYPE_STRING, globalIndex(value));
    }

    /** An {@code integer/name}. */
    public int integer(String name, int value) {
        return value(DEFAULT, "integer", name, ValueTypes.TYPE_INT_DEC, value);
    }

    /** A {@code bool/name}. */
    public int bool(String name, boolean value) {
        return value(DEFAULT, "bool", name, ValueTypes.TYPE_INT_BOOLEAN, value ? -1 : 0);
    }

    /** A reference {@code type/name → target}, e.g. a string alias. */
    public int reference(String type, String name, int target) {
        return value(DEFAULT, type, name, ValueTypes.TYPE_REFERENCE, target);
    }

    /** An {@code xml/name} entry whose value is the compiled file's path, as aapt writes it. */
    public int xml(String name, String path) {
        return value(DEFAULT, "xml", name, ValueTypes.TYPE_STRING, globalIndex(path));
    }

    /** Any simple value; for {@code TYPE_STRING} pass a pool index from {@link #globalIndex}. */
    public int value(String config, String type, String name, int dataType, int data) {
        List<String> names = types.computeIfAbsent(type, t -> new ArrayList<>());
        Map<String, Integer> index = entryIndex.computeIfAbsent(type, t -> new LinkedHashMap<>());
        if (!index.containsKey(name)) {
            index.put(name, names.size());
            names.add(name);
        }
        values.computeIfAbsent(config, c -> new LinkedHashMap<>()).put(type + "/" + name, new Value(dataType, data));
        return id(type, name);
    }

    /** The id {@code type/name} has (or will have). */
    public int id(String type, String name) {
        int typeId = new ArrayList<>(types.keySet()).indexOf(type) + 1;
        int entry = entryIndex.get(type).get(name);
        return packageId << 24 | typeId << 16 | entry;
    }

    /** Index of {@code value} in the global string pool, adding it if new. */
    public int globalIndex(String value) {
        return globalIndex.computeIfAbsent(value, v -> {
            globalStrings.add(v);
            return globalStrings.size() - 1;
        });
    }

    public byte[] toBytes() {
        byte[] pool = AxmlWriter.stringPool(globalStrings, utf8);
        byte[] pkg = packageChunk();
        ByteBuffer table = AxmlWriter.chunk(RES_TABLE_TYPE, 12, 12 + pool.length + pkg.length);
        table.putInt(1).put(pool).put(pkg);
        return table.array();
    }

    private byte[] packageChunk() {
        List<String> typeNames = new ArrayList<>(types.keySet());
        Map<String, Integer> keyIndex = new LinkedHashMap<>();
        types.values().forEach(names -> names.forEach(name -> keyIndex.putIfAbsent(name, keyIndex.size())));
        List<String> keys = new ArrayList<>(keyIndex.keySet());
        byte[] typePool = AxmlWriter.stringPool(typeNames, false);
        byte[] keyPool = AxmlWriter.stringPool(keys, true);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(typePool);
        body.writeBytes(keyPool);
        for (int t = 0; t < typeNames.size(); t++) {
            String type = typeNames.get(t);
            List<String> names = types.get(type);
            ByteBuffer spec = AxmlWriter.chunk(RES_TABLE_TYPE_SPEC_TYPE, 16, 16 + 4 * names.size());
            spec.put((byte) (t + 1)).put((byte) 0).putShort((short) 0).putInt(names.size());
            body.writeBytes(spec.array());
            for (Map.Entry<String, Map<String, Value>> config : values.entrySet()) {
                boolean hasAny = names.stream().anyMatch(n -> config.getValue().containsKey(type + "/" + n));
                if (hasAny) {
                    body.writeBytes(typeChunk(t + 1, type, names, keyIndex, config.getKey(), config.getValue()));
                }
            }
        }
        int headerSize = 288;
        byte[] content = body.toByteArray();
        ByteBuffer pkg = AxmlWriter.chunk(RES_TABLE_PACKAGE_TYPE, headerSize, headerSize + content.length);
        pkg.putInt(packageId);
        byte[] name = new byte[256];
        byte[] encoded = packageName.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(encoded, 0, name, 0, Math.min(encoded.length, 254));
        pkg.put(name);
        pkg.putInt(headerSize).putInt(typeNames.size()).putInt(headerSize + typePool.length).putInt(keys.size()).putInt(0);
        pkg.put(content);
        return pkg.array();
    }

    private byte[] typeChunk(int typeId, String type, List<String> names, Map<String, Integer> keys, String config,
            Map<String, Value> configValues) {
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        List<int[]> present = new ArrayList<>();
        int[] offsets = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Value value = configValues.get(type + "/" + names.get(i));
            if (value == null) {
                offsets[i] = -1;
                continue;
            }
            offsets[i] = entries.size();
            present.add(new int[] {i, entries.size()});
            ByteBuffer entry = ByteBuffer.allocate(compact ? 8 : 16).order(ByteOrder.LITTLE_ENDIAN);
            int key = keys.get(names.get(i));
            if (compact) {
                entry.putShort((short) key).putShort((short) (0x0008 | value.type() << 8)).putInt(value.data());
            } else {
                entry.putShort((short) 8).putShort((short) 0).putInt(key);
                entry.putShort((short) 8).put((byte) 0).put((byte) value.type()).putInt(value.data());
            }
            entries.writeBytes(entry.array());
        }
        int count = sparse ? present.size() : names.size();
        int offsetsSize = sparse ? 4 * count : offset16 ? 2 * count : 4 * count;
        offsetsSize = (offsetsSize + 3) & ~3;
        int headerSize = 20 + 64;
        int entriesStart = headerSize + offsetsSize;
        ByteBuffer chunk = AxmlWriter.chunk(RES_TABLE_TYPE_TYPE, headerSize, entriesStart + entries.size());
        int flags = (sparse ? 0x01 : 0) | (offset16 && !sparse ? 0x02 : 0);
        chunk.put((byte) typeId).put((byte) flags).putShort((short) 0).putInt(count).putInt(entriesStart);
        chunk.put(configBytes(config));
        if (sparse) {
            for (int[] entry : present) {
                chunk.putShort((short) entry[0]).putShort((short) (entry[1] / 4));
            }
        } else if (offset16) {
            for (int offset : offsets) {
                chunk.putShort((short) (offset < 0 ? 0xffff : offset / 4));
            }
        } else {
            for (int offset : offsets) {
                chunk.putInt(offset);
            }
        }
        chunk.position(entriesStart);
        chunk.put(entries.toByteArray());
        return chunk.array();
    }

    /** A 64-byte {@code ResTable_config}: default, or a language with an optional {@code -rREGION}. */
    private static byte[] configBytes(String config) {
        ByteBuffer bytes = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(64);
        if (!config.isEmpty()) {
            String[] parts = config.split("-r");
            bytes.position(8);
            bytes.put((byte) parts[0].charAt(0)).put((byte) parts[0].charAt(1));
            if (parts.length > 1) {
                bytes.put((byte) parts[1].charAt(0)).put((byte) parts[1].charAt(1));
            }
        }
        return bytes.array();
    }
}
