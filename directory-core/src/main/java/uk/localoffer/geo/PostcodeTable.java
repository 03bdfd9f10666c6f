package uk.localoffer.geo;

import uk.localoffer.domain.GeoPoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Every Great Britain postcode of the ONS postcode lookup with its position, for offline
 * geocoding to the postcode: one binary search in primitive arrays, no objects per postcode.
 *
 * <p>In memory a postcode is an int key, its outcode's place in the sorted outcode list times
 * 6,760 plus its inward code ("8JQ": digit × 676 + letter × 26 + letter); keys are sorted, and
 * beside each are its latitude and longitude in hundred-thousandths of a degree (the source's
 * precision, about a metre) and its nation ('E', 'W' or 'S'). That is 13 bytes a postcode.
 *
 * <p>The file (data/{@value #FILE}) is gzip of: magic "LOPC", version, the outcodes, the
 * number of postcodes, then four columns: keys and positions as varint deltas (zig-zag for
 * positions), then the nation letters. Sorted neighbours are close, so it packs small.
 */
public final class PostcodeTable {
    public static final String FILE = "postcodes_nspl_may2025.bin.gz";
    /** Positions are whole hundred-thousandths of a degree: this many to a degree. */
    public static final double UNITS_PER_DEGREE = 100_000;
    private static final int MAGIC = 0x4C4F5043;
    private static final int VERSION = 1;
    private static final int INWARD_CODES = 10 * 26 * 26;

    private final String[] outcodes;
    private final int[] keys;
    private final int[] lat;
    private final int[] lon;
    private final byte[] nation;

    private PostcodeTable(String[] outcodes, int[] keys, int[] lat, int[] lon, byte[] nation) {
        this.outcodes = outcodes;
        this.keys = keys;
        this.lat = lat;
        this.lon = lon;
        this.nation = nation;
    }

    /** One postcode, as the table is built from it: position in hundred-thousandths of a degree, nation 'E', 'W' or 'S'. */
    public record Row(String outcode, String inward, int lat, int lon, char nation) { }

    /** Builds a table from rows in any order; a postcode given twice is an error. */
    public static PostcodeTable of(Collection<Row> rows) {
        String[] outcodes = rows.stream().map(Row::outcode).collect(java.util.stream.Collectors.toCollection(TreeSet::new)).toArray(String[]::new);
        List<Row> sorted = rows.stream().sorted(Comparator.comparing(Row::outcode).thenComparing(Row::inward)).toList();
        int n = sorted.size();
        int[] keys = new int[n], lat = new int[n], lon = new int[n];
        byte[] nation = new byte[n];
        for (int i = 0; i < n; i++) {
            Row r = sorted.get(i);
            int inward = inward(r.inward());
            if (inward < 0) throw new IllegalArgumentException("'" + r.inward() + "' is not an inward code (digit, letter, letter)");
            keys[i] = Arrays.binarySearch(outcodes, r.outcode()) * INWARD_CODES + inward;
            if (i > 0 && keys[i] == keys[i - 1]) throw new IllegalArgumentException("postcode " + r.outcode() + " " + r.inward() + " is given twice");
            lat[i] = r.lat();
            lon[i] = r.lon();
            nation[i] = (byte) r.nation();
        }
        return new PostcodeTable(outcodes, keys, lat, lon, nation);
    }

    private static PostcodeTable embedded;

    /** The table shipped inside the program (data/{@value #FILE}), read once. */
    public static synchronized PostcodeTable embedded() {
        if (embedded == null) {
            try (InputStream in = PostcodeTable.class.getResourceAsStream("/default-data/" + FILE)) {
                if (in == null) throw new IOException("the postcode table " + FILE + " is missing from the program");
                embedded = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return embedded;
    }

    /** The index of a postcode ("L1", "8JQ"), or -1 when the table does not have it. */
    public int indexOf(String outcode, String inward) {
        int o = Arrays.binarySearch(outcodes, outcode);
        int in = inward(inward);
        if (o < 0 || in < 0) return -1;
        int i = Arrays.binarySearch(keys, o * INWARD_CODES + in);
        return i < 0 ? -1 : i;
    }

    public int size() { return keys.length; }

    public GeoPoint point(int i) { return new GeoPoint(lat[i] / UNITS_PER_DEGREE, lon[i] / UNITS_PER_DEGREE); }

    /** 'E' (England), 'W' (Wales) or 'S' (Scotland). */
    public char nation(int i) { return (char) nation[i]; }

    /** The postcode at index {@code i}, written the usual way ("L1 8JQ"). */
    public String postcode(int i) {
        int in = keys[i] % INWARD_CODES;
        return outcodes[keys[i] / INWARD_CODES] + " " + (char) ('0' + in / 676) + (char) ('A' + in / 26 % 26) + (char) ('A' + in % 26);
    }

    /** The heap the table's arrays take, in bytes (array headers and the outcode strings included). */
    public long heapBytes() {
        long arrays = 16L * 4 + 4L * keys.length * 3 + nation.length;
        long strings = 16 + 4L * outcodes.length;
        for (String o : outcodes) strings += 24 + 16 + o.length();
        return arrays + strings;
    }

    private static int inward(String s) {
        if (s.length() != 3) return -1;
        int d = s.charAt(0) - '0', a = s.charAt(1) - 'A', b = s.charAt(2) - 'A';
        if (d < 0 || d > 9 || a < 0 || a > 25 || b < 0 || b > 25) return -1;
        return d * 676 + a * 26 + b;
    }

    // ---- the file ----

    public void write(OutputStream out) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(keys.length * 8);
        int32(b, MAGIC);
        int32(b, VERSION);
        varint(b, outcodes.length);
        for (String o : outcodes) {
            byte[] ascii = o.getBytes(StandardCharsets.US_ASCII);
            varint(b, ascii.length);
            b.write(ascii);
        }
        varint(b, keys.length);
        int previous = 0;
        for (int k : keys) { varint(b, k - previous); previous = k; }
        for (int[] column : new int[][]{lat, lon}) {
            previous = 0;
            for (int v : column) { varint(b, zigzag(v - previous)); previous = v; }
        }
        b.write(nation);
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {{ def.setLevel(Deflater.BEST_COMPRESSION); }};
        b.writeTo(gz);
        gz.finish();
        gz.flush();
    }

    public static PostcodeTable read(InputStream in) throws IOException {
        Cursor c = new Cursor(new GZIPInputStream(in, 1 << 16).readAllBytes());
        if (c.int32() != MAGIC) throw new IOException("not a postcode table");
        int version = c.int32();
        if (version != VERSION) throw new IOException("postcode table version " + version + " is not " + VERSION);
        String[] outcodes = new String[c.varint()];
        for (int i = 0; i < outcodes.length; i++) outcodes[i] = c.ascii(c.varint());
        int n = c.varint();
        int[] keys = new int[n], lat = new int[n], lon = new int[n];
        int v = 0;
        for (int i = 0; i < n; i++) keys[i] = v += c.varint();
        for (int[] column : new int[][]{lat, lon}) {
            v = 0;
            for (int i = 0; i < n; i++) column[i] = v += unzigzag(c.varint());
        }
        return new PostcodeTable(outcodes, keys, lat, lon, c.bytes(n));
    }

    private static int zigzag(int v) { return (v << 1) ^ (v >> 31); }

    private static int unzigzag(int v) { return (v >>> 1) ^ -(v & 1); }

    private static void varint(ByteArrayOutputStream b, int v) {
        while ((v & ~0x7F) != 0) { b.write((v & 0x7F) | 0x80); v >>>= 7; }
        b.write(v);
    }

    private static void int32(ByteArrayOutputStream b, int v) {
        for (int shift = 24; shift >= 0; shift -= 8) b.write(v >>> shift);
    }

    /** Reads the unpacked file from a byte array. */
    private static final class Cursor {
        private final byte[] b;
        private int pos;

        Cursor(byte[] b) { this.b = b; }

        int int32() throws IOException {
            need(4);
            int v = 0;
            for (int i = 0; i < 4; i++) v = (v << 8) | (b[pos++] & 0xFF);
            return v;
        }

        int varint() throws IOException {
            int v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                need(1);
                byte x = b[pos++];
                v |= (x & 0x7F) << shift;
                if (x >= 0) return v;
            }
            throw new IOException("postcode table is corrupt at byte " + pos);
        }

        String ascii(int length) throws IOException {
            need(length);
            String s = new String(b, pos, length, StandardCharsets.US_ASCII);
            pos += length;
            return s;
        }

        byte[] bytes(int length) throws IOException {
            need(length);
            byte[] out = Arrays.copyOfRange(b, pos, pos + length);
            pos += length;
            return out;
        }

        private void need(int n) throws IOException {
            if (pos + n > b.length) throw new IOException("postcode table is cut short");
        }
    }
}
