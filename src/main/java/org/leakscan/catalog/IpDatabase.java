package org.leakscan.catalog;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * Country and network (autonomous system) of public IP addresses, from the offline database built
 * into the jar ({@value #RESOURCE}, made by {@code scripts/refresh-ip-database}; see the README for
 * its sources and licences). Never looks anything up on the network.
 *
 * <p>The file is a partition of the IPv4 space, and of the IPv6 space by its upper 64 bits (no
 * registry allocates less than a /64 to a network of its own), into ranges that each carry a
 * country and an AS. Format, big-endian: magic {@code LSIP}, version byte, UTF date, UTF sources,
 * the country codes, the AS numbers (deltas) then their names (both indexed from 1; 0 is "none"),
 * then per family a count and three columns: each range's start as a delta from the previous start,
 * its country index, its AS index (all unsigned LEB128; columns compress better than rows). Loaded
 * once, on first use; immutable and thread-safe.
 */
public final class IpDatabase {

    /** Where the database lives in the jar. */
    public static final String RESOURCE = "/org/leakscan/catalog/ip-database.bin";
    static final int MAGIC = 0x4C534950; // "LSIP"
    static final int VERSION = 1;

    /** What an address is in the database: country (ISO 3166-1 alpha-2) and AS, each null when unknown. */
    public record Network(String country, Integer asn, String asName) {
    }

    /** Where the data is from and how current it is, for the report's {@code tool} block. */
    public record About(String date, String sources) {
    }

    private static volatile IpDatabase shipped;

    private final About about;
    private final String[] countries;
    private final int[] asNumbers;
    private final String[] asNames;
    private final Table v4;
    private final Table v6;

    /** One family's partition: sorted starts (unsigned), and per range the country and AS index. */
    private record Table(long[] starts, short[] country, int[] as) {
        int indexOf(long key) {
            int lo = 0;
            int hi = starts.length - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (Long.compareUnsigned(starts[mid], key) <= 0) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }
    }

    private IpDatabase(About about, String[] countries, int[] asNumbers, String[] asNames, Table v4, Table v6) {
        this.about = about;
        this.countries = countries;
        this.asNumbers = asNumbers;
        this.asNames = asNames;
        this.v4 = v4;
        this.v6 = v6;
    }

    /**
     * The database built into the jar, read on first use.
     *
     * @throws CatalogException when it is missing or damaged (a build error)
     */
    public static IpDatabase shipped() {
        IpDatabase db = shipped;
        if (db == null) {
            synchronized (IpDatabase.class) {
                db = shipped;
                if (db == null) {
                    try (InputStream in = IpDatabase.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new CatalogException("IP database " + RESOURCE + " is missing from the jar");
                        }
                        db = read(in);
                    } catch (IOException e) {
                        throw new CatalogException("IP database " + RESOURCE + " cannot be read: " + e.getMessage());
                    }
                    shipped = db;
                }
            }
        }
        return db;
    }

    /** The date and sources of the built-in database, read from its header only (cheap). */
    public static About shippedAbout() {
        try (InputStream in = IpDatabase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            DataInputStream data = new DataInputStream(new BufferedInputStream(in, 4096));
            checkHeader(data);
            return new About(data.readUTF(), data.readUTF());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a database; does not close {@code in}. */
    public static IpDatabase read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        checkHeader(data);
        About about = new About(data.readUTF(), data.readUTF());
        int nCountries = data.readInt();
        String[] countries = new String[nCountries + 1];
        for (int i = 1; i <= nCountries; i++) {
            countries[i] = new String(new char[] {data.readChar(), data.readChar()});
        }
        int nAs = data.readInt();
        int[] numbers = new int[nAs + 1];
        String[] names = new String[nAs + 1];
        long asn = 0;
        for (int i = 1; i <= nAs; i++) {
            asn += readVarLong(data);
            numbers[i] = (int) asn;
        }
        for (int i = 1; i <= nAs; i++) {
            names[i] = data.readUTF();
        }
        Table v4 = readTable(data, nCountries, nAs);
        Table v6 = readTable(data, nCountries, nAs);
        return new IpDatabase(about, countries, numbers, names, v4, v6);
    }

    private static void checkHeader(DataInputStream data) throws IOException {
        if (data.readInt() != MAGIC || data.readUnsignedByte() != VERSION) {
            throw new IOException("not a leakscan IP database (version " + VERSION + ")");
        }
    }

    private static Table readTable(DataInputStream data, int nCountries, int nAs) throws IOException {
        int n = data.readInt();
        long[] starts = new long[n];
        short[] country = new short[n];
        int[] as = new int[n];
        long previous = 0;
        for (int i = 0; i < n; i++) {
            previous += readVarLong(data);
            starts[i] = previous;
            if (i > 0 && Long.compareUnsigned(starts[i], starts[i - 1]) <= 0) {
                throw new IOException("damaged range table at entry " + i);
            }
        }
        for (int i = 0; i < n; i++) {
            int c = (int) readVarLong(data);
            if (c > nCountries) {
                throw new IOException("damaged country column at entry " + i);
            }
            country[i] = (short) c;
        }
        for (int i = 0; i < n; i++) {
            int a = (int) readVarLong(data);
            if (a > nAs) {
                throw new IOException("damaged AS column at entry " + i);
            }
            as[i] = a;
        }
        return new Table(starts, country, as);
    }

    static long readVarLong(DataInputStream data) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = data.readUnsignedByte();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("varint too long");
    }

    /** Where the data comes from and its date. */
    public About about() {
        return about;
    }

    /** How many ranges the IPv4 and IPv6 tables hold, for tests and the README. */
    public int[] sizes() {
        return new int[] {v4.starts.length, v6.starts.length};
    }

    /** What the database says of {@code address}; empty when it says nothing. */
    public Optional<Network> lookup(InetAddress address) {
        Table table;
        long key;
        if (address instanceof Inet4Address) {
            table = v4;
            key = Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(address.getAddress()).getInt());
        } else if (address instanceof Inet6Address) {
            table = v6;
            key = java.nio.ByteBuffer.wrap(Arrays.copyOf(address.getAddress(), 8)).getLong();
        } else {
            return Optional.empty();
        }
        int i = table.indexOf(key);
        if (i < 0) {
            return Optional.empty();
        }
        String country = countries[table.country[i]];
        int as = table.as[i];
        if (country == null && as == 0) {
            return Optional.empty();
        }
        return Optional.of(new Network(country, as == 0 ? null : asNumbers[as], as == 0 ? null : asNames[as]));
    }
}
