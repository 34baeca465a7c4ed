package org.leakscan.catalog.generate;

import com.google.common.net.InetAddresses;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds the IP database {@code src/main/resources/org/leakscan/catalog/ip-database.bin} (format in
 * {@link org.leakscan.catalog.IpDatabase}) from CSV files of address ranges: a country file per
 * family ({@code start,end,country}) and an AS file per family ({@code start,end,asn,name}), the
 * columns of the {@code @ip-location-db} npm packages. Run by {@code scripts/refresh-ip-database},
 * never by the build.
 *
 * <p>The two sources are merged into one partition per family: each range carries the country and
 * the AS that cover it (either may be missing), and neighbours that carry the same pair are joined.
 * IPv6 is keyed by the upper 64 bits of the address; ranges smaller than a /64 take the value of
 * the last one listed within that /64.
 */
public final class IpDatabaseGenerator {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private IpDatabaseGenerator() {
    }

    /** A range of the key space (inclusive, unsigned) and its value. */
    record Range(long start, long end, String value) {
    }

    /**
     * Arguments: date (yyyy-mm-dd), sources text, country-v4.csv, asn-v4.csv, country-v6.csv,
     * asn-v6.csv, output file.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 7) {
            System.err.println("usage: IpDatabaseGenerator DATE SOURCES COUNTRY_V4 ASN_V4 COUNTRY_V6 ASN_V6 OUT");
            System.exit(2);
        }
        try (OutputStream out = Files.newOutputStream(Path.of(args[6]))) {
            write(args[0], args[1], read(Path.of(args[2])), read(Path.of(args[3])), read(Path.of(args[4])),
                    read(Path.of(args[5])), out);
        }
    }

    private static List<String[]> read(Path csv) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(splitCsv(line));
            }
        }
        return rows;
    }

    /** One CSV line: commas separate, double quotes enclose a field that holds commas or quotes. */
    static String[] splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(new String[0]);
    }

    /** Writes the database; rows are the CSV lines of the four files (addresses as text or numbers). */
    public static void write(String date, String sources, List<String[]> countryV4, List<String[]> asnV4,
                             List<String[]> countryV6, List<String[]> asnV6, OutputStream out) throws IOException {
        Map<String, Integer> countryIndex = new TreeMap<>();
        Map<Integer, String> asNames = new TreeMap<>();
        List<Range> c4 = ranges(countryV4, false, true, countryIndex, asNames);
        List<Range> a4 = ranges(asnV4, false, false, countryIndex, asNames);
        List<Range> c6 = ranges(countryV6, true, true, countryIndex, asNames);
        List<Range> a6 = ranges(asnV6, true, false, countryIndex, asNames);
        int i = 1;
        for (Map.Entry<String, Integer> e : countryIndex.entrySet()) {
            e.setValue(i++);
        }
        Map<Integer, Integer> asIndex = new TreeMap<>();
        i = 1;
        for (Integer asn : asNames.keySet()) {
            asIndex.put(asn, i++);
        }
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        data.writeInt(0x4C534950);
        data.writeByte(1);
        data.writeUTF(date);
        data.writeUTF(sources);
        data.writeInt(countryIndex.size());
        for (String c : countryIndex.keySet()) {
            data.writeChars(c);
        }
        data.writeInt(asNames.size());
        long previousAs = 0;
        for (Integer asn : asNames.keySet()) {
            writeVarLong(data, Integer.toUnsignedLong(asn) - previousAs);
            previousAs = Integer.toUnsignedLong(asn);
        }
        for (String name : asNames.values()) {
            data.writeUTF(name);
        }
        writeTable(data, merge(c4, a4, 0xFFFFFFFFL), countryIndex, asIndex);
        writeTable(data, merge(c6, a6, -1L), countryIndex, asIndex);
        data.flush();
    }

    private static List<Range> ranges(List<String[]> rows, boolean v6, boolean country,
                                      Map<String, Integer> countryIndex, Map<Integer, String> asNames) {
        List<Range> out = new ArrayList<>();
        for (String[] row : rows) {
            String value;
            if (country) {
                value = row[2].trim().toUpperCase(Locale.ROOT);
                if (!COUNTRY.matcher(value).matches() || value.equals("ZZ")) {
                    continue;
                }
                countryIndex.putIfAbsent(value, 0);
            } else {
                int asn = Integer.parseUnsignedInt(row[2].trim());
                if (asn == 0) {
                    continue;
                }
                String name = row.length > 3 ? row[3].trim() : "";
                asNames.putIfAbsent(asn, name.length() > 200 ? name.substring(0, 200) : name);
                value = Integer.toUnsignedString(asn);
            }
            long start = key(row[0].trim(), v6);
            long end = key(row[1].trim(), v6);
            out.add(new Range(start, end, value));
        }
        out.sort(Comparator.comparing(Range::start, Long::compareUnsigned));
        return out;
    }

    /** The key of an address written as text or as a decimal number: IPv4 as is, IPv6's upper 64 bits. */
    static long key(String address, boolean v6) {
        BigInteger value;
        if (address.indexOf('.') >= 0 || address.indexOf(':') >= 0) {
            value = new BigInteger(1, InetAddresses.forString(address).getAddress());
        } else {
            value = new BigInteger(address);
        }
        return v6 ? value.shiftRight(64).longValue() : value.longValue();
    }

    /** One range of the merged partition: start and the two values (null when none). */
    record Cell(long start, String country, String as) {
    }

    /** The partition of [0, max] that both range lists induce, neighbours with equal values joined. */
    static List<Cell> merge(List<Range> countries, List<Range> ases, long max) {
        long[] bounds = new long[2 * (countries.size() + ases.size()) + 1];
        int n = 0;
        bounds[n++] = 0;
        for (List<Range> list : List.of(countries, ases)) {
            for (Range r : list) {
                bounds[n++] = r.start();
                if (r.end() != max) {
                    bounds[n++] = r.end() + 1;
                }
            }
        }
        Long[] boxed = new Long[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = bounds[i];
        }
        Arrays.sort(boxed, Long::compareUnsigned);
        List<Cell> cells = new ArrayList<>();
        Sweep country = new Sweep(countries);
        Sweep as = new Sweep(ases);
        Long previous = null;
        for (Long start : boxed) {
            if (start.equals(previous)) {
                continue;
            }
            previous = start;
            String c = country.at(start);
            String a = as.at(start);
            Cell last = cells.isEmpty() ? null : cells.get(cells.size() - 1);
            if (last != null && java.util.Objects.equals(last.country(), c) && java.util.Objects.equals(last.as(), a)) {
                continue;
            }
            cells.add(new Cell(start, c, a));
        }
        return cells;
    }

    /** Walks a sorted range list for ascending keys; where ranges overlap, the later one listed wins. */
    private static final class Sweep {
        private final List<Range> ranges;
        private int next;
        private final java.util.ArrayDeque<Range> open = new java.util.ArrayDeque<>();

        Sweep(List<Range> ranges) {
            this.ranges = ranges;
        }

        String at(long key) {
            while (next < ranges.size() && Long.compareUnsigned(ranges.get(next).start(), key) <= 0) {
                open.addLast(ranges.get(next++));
            }
            open.removeIf(r -> Long.compareUnsigned(r.end(), key) < 0);
            return open.isEmpty() ? null : open.peekLast().value();
        }
    }

    private static void writeTable(DataOutputStream data, List<Cell> cells, Map<String, Integer> countryIndex,
                                   Map<Integer, Integer> asIndex) throws IOException {
        // Column by column (starts, then countries, then ASes): each column is alike, and compresses well.
        data.writeInt(cells.size());
        long previous = 0;
        for (Cell c : cells) {
            writeVarLong(data, c.start() - previous);
            previous = c.start();
        }
        for (Cell c : cells) {
            writeVarLong(data, c.country() == null ? 0 : countryIndex.get(c.country()));
        }
        for (Cell c : cells) {
            writeVarLong(data, c.as() == null ? 0 : asIndex.get(Integer.parseUnsignedInt(c.as())));
        }
    }

    static void writeVarLong(DataOutputStream data, long value) throws IOException {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            data.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        data.writeByte((int) v);
    }
}
