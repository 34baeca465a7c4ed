package org.leakscan.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Writes the malformed-input corpus, {@code testdata/malformed/}: hostile archives, binary XML and
 * resource tables, each derived from the committed sample app ({@code testdata/sample/weatherbuddy.apk})
 * by a byte-exact recipe, so the files are reproducible and reviewable. {@code cases.tsv} beside
 * them says what each must give. {@code MalformedCorpusTest} checks both; run it with
 * {@code -Dleakscan.updateMalformed=true} to rewrite the files after changing a recipe.
 */
public final class MalformedCorpus {

    public static final Path FOLDER = JsonSchemaAssert.projectDir().resolve("testdata/malformed");
    private static final Path SAMPLE = JsonSchemaAssert.projectDir().resolve("testdata/sample/weatherbuddy.apk");

    private MalformedCorpus() {
    }

    /** Every case file, by name. */
    public static Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> sample = sampleEntries();
        Map<String, byte[]> out = new TreeMap<>();
        byte[] apk = Files.readAllBytes(SAMPLE);

        // Containers.
        out.put("truncated.apk", Arrays.copyOf(apk, apk.length / 2));
        out.put("not-a-zip.apk", "just some text\n".getBytes(StandardCharsets.UTF_8));
        out.put("empty.apk", new byte[0]);
        out.put("cd-offset-out-of-range.apk", withEocd(apk, eocd -> Bytes.putS32(eocd, 16, 0x7fff0000)));

        // An honest app, scanned with a time limit no analysis meets.
        out.put("timeout.apk", apk);

        // Names.
        out.put("traversal.apk", zip(sample, List.of(entry("../../../../tmp/evil.sh", ascii("rm -rf /")))));
        out.put("absolute-name.apk", zip(sample, List.of(entry("/etc/passwd", ascii("root:x:0:0")))));

        // Bombs.
        out.put("bomb-ratio.apk", zip(sample, List.of(entry("assets/bomb.bin", new byte[30 << 20]))));
        Entry liar = entry("assets/liar.bin", new byte[30 << 20]);
        liar.size = 1000;
        liar.localSize = 1000;
        out.put("bomb-lying-size.apk", zip(sample, List.of(liar)));
        out.put("bomb-entry-size.apk", zip(sample, List.of(entry("assets/big.bin", new byte[2 << 20]))));
        out.put("bomb-total.apk", zip(sample, List.of(entry("assets/a.bin", new byte[40 << 10]),
                entry("assets/b.bin", new byte[40 << 10]))));
        List<Entry> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(entry("assets/f" + i + ".txt", ascii("file " + i)));
        }
        out.put("many-entries.apk", zip(sample, many));

        // Header tricks.
        Entry duplicate = entry("classes.dex", ascii("dex\n035\0 a decoy that is never read"));
        out.put("duplicate-dex.apk", zip(sample, List.of(duplicate)));
        out.put("local-name-mismatch.apk", zip(sample, "assets/tinymetrics.json", e -> e.localName = ascii("assets/decoy.json")));
        out.put("local-size-mismatch.apk", zip(sample, "classes.dex", e -> e.localSize = e.size + 1));
        out.put("fake-encryption.apk", zipAll(sample, e -> e.flags |= 1));
        out.put("unsupported-method.apk", zip(sample, "assets/tinymetrics.json", e -> e.method = 12));
        out.put("corrupt-deflate.apk", zip(sample, "classes.dex", e -> {
            for (int i = 8; i < e.data.length; i += 7) {
                e.data[i] ^= 0x5a;
            }
        }));
        out.put("crc-mismatch.apk", zip(sample, "classes.dex", e -> {
            e.crc ^= 1;
            e.localCrc = e.crc;
        }));

        // Code.
        byte[] badHeader = sample.get("classes.dex").clone();
        badHeader[0x24] = 0x71;
        out.put("bad-dex-header.apk", replaced(sample, "classes.dex", badHeader));
        byte[] badMagic = new byte[0x70];
        System.arraycopy(ascii("dex\n999\0"), 0, badMagic, 0, 8);
        out.put("bad-magic.dex", badMagic);

        // Binary XML (see BinaryXmlParser for what Android accepts).
        byte[] manifest = sample.get("AndroidManifest.xml");
        byte[] hugePool = manifest.clone();
        Bytes.putS32(hugePool, 12, 0x7fffffff);
        out.put("manifest-huge-string-pool.apk", replaced(sample, "AndroidManifest.xml", hugePool));
        byte[] wrongType = manifest.clone();
        wrongType[0] = 0;
        out.put("manifest-wrong-file-type.apk", replaced(sample, "AndroidManifest.xml", wrongType));
        byte[] appended = Arrays.copyOf(manifest, manifest.length + 64);
        Arrays.fill(appended, manifest.length, appended.length, (byte) 0xee);
        out.put("manifest-appended-junk.apk", replaced(sample, "AndroidManifest.xml", appended));
        byte[] smallNode = manifest.clone();
        Bytes.putU16(smallNode, firstNode(smallNode) + 2, 8);
        out.put("manifest-node-header-too-small.apk", replaced(sample, "AndroidManifest.xml", smallNode));
        byte[] lyingCount = manifest.clone();
        Bytes.addS32(lyingCount, 16, 100);
        out.put("manifest-string-count-too-large.apk", replaced(sample, "AndroidManifest.xml", lyingCount));

        // resources.arsc.
        byte[] arsc = sample.get("resources.arsc");
        out.put("arsc-truncated.apk", replaced(sample, "resources.arsc", Arrays.copyOf(arsc, arsc.length / 2)));
        byte[] arscHeader = arsc.clone();
        arscHeader[2] = (byte) 0xff;
        arscHeader[3] = (byte) 0xff;
        out.put("arsc-bad-header-size.apk", replaced(sample, "resources.arsc", arscHeader));
        return out;
    }

    /** Rewrites {@code testdata/malformed/} (not cases.tsv). */
    public static void write() throws IOException {
        Files.createDirectories(FOLDER);
        for (Map.Entry<String, byte[]> e : files().entrySet()) {
            Files.write(FOLDER.resolve(e.getKey()), e.getValue());
        }
    }

    /** Offset of the first XML node after the string pool and resource map. */
    private static int firstNode(byte[] axml) {
        int at = Bytes.u16(axml, 2);
        while (at < axml.length) {
            int type = Bytes.u16(axml, at);
            if (type >= 0x0100 && type <= 0x017f) {
                return at;
            }
            at += Bytes.s32(axml, at + 4);
        }
        throw new IllegalStateException("sample manifest has no node");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Map<String, byte[]> sampleEntries() throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(SAMPLE))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private static byte[] replaced(Map<String, byte[]> sample, String name, byte[] bytes) {
        Map<String, byte[]> copy = new LinkedHashMap<>(sample);
        copy.put(name, bytes);
        return zip(copy, List.of());
    }

    private static byte[] zip(Map<String, byte[]> sample, List<Entry> extra) {
        List<Entry> all = new ArrayList<>();
        sample.forEach((n, b) -> all.add(entry(n, b)));
        all.addAll(extra);
        return write(all);
    }

    private static byte[] zip(Map<String, byte[]> sample, String name, Consumer<Entry> change) {
        List<Entry> all = new ArrayList<>();
        sample.forEach((n, b) -> {
            Entry e = entry(n, b);
            if (n.equals(name)) {
                change.accept(e);
            }
            all.add(e);
        });
        return write(all);
    }

    private static byte[] zipAll(Map<String, byte[]> sample, Consumer<Entry> change) {
        List<Entry> all = new ArrayList<>();
        sample.forEach((n, b) -> {
            Entry e = entry(n, b);
            change.accept(e);
            all.add(e);
        });
        return write(all);
    }

    private static byte[] withEocd(byte[] apk, Consumer<byte[]> change) {
        byte[] copy = apk.clone();
        int eocd = copy.length - 22;
        byte[] record = Arrays.copyOfRange(copy, eocd, copy.length);
        change.accept(record);
        System.arraycopy(record, 0, copy, eocd, record.length);
        return copy;
    }

    /** One entry as written: central-directory values, and local-header values that may differ. */
    private static final class Entry {
        byte[] name;
        byte[] localName;
        int method = 8;
        int flags;
        long crc;
        long localCrc;
        long size;
        long localSize;
        byte[] data;
    }

    private static Entry entry(String name, byte[] content) {
        Entry e = new Entry();
        e.name = name.getBytes(StandardCharsets.UTF_8);
        e.localName = e.name;
        CRC32 crc = new CRC32();
        crc.update(content);
        e.crc = crc.getValue();
        e.localCrc = e.crc;
        e.size = content.length;
        e.localSize = content.length;
        Deflater d = new Deflater(9, true);
        d.setInput(content);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        e.data = out.toByteArray();
        return e;
    }

    /** A zip with fixed times, written field by field so that every field can lie. */
    private static byte[] write(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        for (Entry e : entries) {
            offsets.add(out.size());
            writeInt(out, 0x04034b50);
            writeShort(out, 20);
            writeShort(out, e.flags);
            writeShort(out, e.method);
            writeShort(out, 0);
            writeShort(out, 0x5021);
            writeInt(out, (int) e.localCrc);
            writeInt(out, e.data.length);
            writeInt(out, (int) e.localSize);
            writeShort(out, e.localName.length);
            writeShort(out, 0);
            out.writeBytes(e.localName);
            out.writeBytes(e.data);
        }
        int cdStart = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            writeInt(out, 0x02014b50);
            writeShort(out, 20);
            writeShort(out, 20);
            writeShort(out, e.flags);
            writeShort(out, e.method);
            writeShort(out, 0);
            writeShort(out, 0x5021);
            writeInt(out, (int) e.crc);
            writeInt(out, e.data.length);
            writeInt(out, (int) e.size);
            writeShort(out, e.name.length);
            writeShort(out, 0);
            writeShort(out, 0);
            writeShort(out, 0);
            writeShort(out, 0);
            writeInt(out, 0);
            writeInt(out, offsets.get(i));
            out.writeBytes(e.name);
        }
        int cdSize = out.size() - cdStart;
        writeInt(out, 0x06054b50);
        writeShort(out, 0);
        writeShort(out, 0);
        writeShort(out, entries.size());
        writeShort(out, entries.size());
        writeInt(out, cdSize);
        writeInt(out, cdStart);
        writeShort(out, 0);
        return out.toByteArray();
    }

    private static void writeShort(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        writeShort(out, v & 0xffff);
        writeShort(out, (v >>> 16) & 0xffff);
    }
}
