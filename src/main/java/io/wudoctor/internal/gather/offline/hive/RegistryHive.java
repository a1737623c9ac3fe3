package io.wudoctor.internal.gather.offline.hive;

import io.wudoctor.internal.gather.offline.binary.LittleEndian;
import io.wudoctor.internal.gather.offline.binary.MappedFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A read-only reader of the Windows registry hive file format ("regf", as in
 * {@code Windows/System32/config/SYSTEM} of a mounted image), enough to look keys up by path and
 * read their values. No well-kept Java library for the format is on Maven Central, so this
 * follows the published format description (libyal's "Windows NT Registry File (REGF) format"):
 * a 4096-byte base block, then hive bins of cells; offsets are relative to the first bin.
 * Key nodes ("nk") list their subkeys through "lf"/"lh"/"li" lists, or "ri" lists of those,
 * and their values through a value list of "vk" records.
 *
 * <p>The file comes from a stranger's disk image: every offset and length is checked against
 * the file before use, lists are bounded, and a malformed hive is a {@link HiveFormatException},
 * never a wrong answer or a crash. Transaction logs (.LOG1/.LOG2) are not applied: for a hive
 * not cleanly written ({@link #isDirty()}) the newest changes may be missing.
 */
public final class RegistryHive {

    private static final int BASE_BLOCK = 4096;
    private static final int MAX_LIST = 100_000;
    private static final int MAX_DATA = 1 << 20;

    private final ByteBuffer data;
    private final LittleEndian read;
    private final int rootCell;
    private final boolean dirty;

    private RegistryHive(ByteBuffer data) {
        this.data = data.order(ByteOrder.LITTLE_ENDIAN);
        this.read = new LittleEndian(data, () -> new HiveFormatException("data outside the hive"));
        if (data.limit() < BASE_BLOCK + 32 || data.getInt(0) != 0x66676572) { // "regf"
            throw new HiveFormatException("not a registry hive (no 'regf' signature)");
        }
        this.dirty = data.getInt(4) != data.getInt(8);
        this.rootCell = data.getInt(0x24);
    }

    /** Maps {@code file} read-only. @throws HiveFormatException when it is not a hive */
    public static RegistryHive open(Path file) throws IOException {
        return new RegistryHive(MappedFile.map(file, () -> new HiveFormatException("hive larger than 2 GiB")));
    }

    /** A hive held in memory (tests). */
    public static RegistryHive of(byte[] bytes) {
        return new RegistryHive(ByteBuffer.wrap(bytes));
    }

    /** True when the primary and secondary sequence numbers differ: the hive was not cleanly written. */
    public boolean isDirty() {
        return dirty;
    }

    /** The root key. */
    public Key root() {
        return key(rootCell);
    }

    /** The key at {@code path} below the root ({@code ControlSet001\Services\wuauserv}), case-insensitively. */
    public Optional<Key> find(String path) {
        Key key = root();
        for (String name : path.split("\\\\")) {
            if (name.isEmpty()) {
                continue;
            }
            Optional<Key> child = key.subkey(name);
            if (child.isEmpty()) {
                return Optional.empty();
            }
            key = child.get();
        }
        return Optional.of(key);
    }

    /** A key node. */
    public final class Key {
        private final int cell;

        private Key(int cell) {
            this.cell = cell;
        }

        public String name() {
            int length = read.u16(cell + 0x48);
            return text(cell + 0x4C, length, (read.u16(cell + 0x02) & 0x20) != 0);
        }

        /** The direct subkey called {@code name} (case-insensitive), if any. */
        public Optional<Key> subkey(String name) {
            String wanted = name.toLowerCase(Locale.ROOT);
            for (int offset : subkeyCells()) {
                Key k = key(offset);
                if (k.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        /** The names of the direct subkeys. */
        public List<String> subkeyNames() {
            return subkeyCells().stream().map(o -> key(o).name()).toList();
        }

        /** A REG_DWORD value, if the key has one by that name (case-insensitive). */
        public Optional<Integer> dword(String value) {
            return rawValue(value).filter(v -> v.type() == 4 && v.bytes().length == 4)
                    .map(v -> ByteBuffer.wrap(v.bytes()).order(ByteOrder.LITTLE_ENDIAN).getInt());
        }

        /** A REG_SZ or REG_EXPAND_SZ value, if the key has one by that name. */
        public Optional<String> string(String value) {
            return rawValue(value).filter(v -> v.type() == 1 || v.type() == 2).map(v -> {
                String s = new String(v.bytes(), StandardCharsets.UTF_16LE);
                int nul = s.indexOf('\0');
                return nul >= 0 ? s.substring(0, nul) : s;
            });
        }

        private List<Integer> subkeyCells() {
            int count = read.u32(cell + 0x14);
            if (count == 0) {
                return List.of();
            }
            List<Integer> out = new ArrayList<>();
            readList(read.u32(cell + 0x1C), out, 0);
            return out;
        }

        private Optional<Value> rawValue(String name) {
            int count = read.u32(cell + 0x24);
            if (count <= 0) {
                return Optional.empty();
            }
            if (count > MAX_LIST) {
                throw new HiveFormatException("key " + name() + " claims " + count + " values");
            }
            int list = cellData(read.u32(cell + 0x28), 4L * count);
            for (int i = 0; i < count; i++) {
                int vk = cellData(read.u32(list + 4 * i), 0x14);
                if (read.u16(vk) != 0x6B76) { // "vk"
                    throw new HiveFormatException("value list entry is not a value record");
                }
                int nameLength = read.u16(vk + 2);
                read.check(vk + 0x14, nameLength);
                String valueName = text(vk + 0x14, nameLength, (read.u16(vk + 0x10) & 1) != 0);
                if (valueName.equalsIgnoreCase(name)) {
                    return Optional.of(value(vk));
                }
            }
            return Optional.empty();
        }
    }

    private record Value(int type, byte[] bytes) {
    }

    private Value value(int vk) {
        long size = Integer.toUnsignedLong(read.u32(vk + 4));
        int type = read.u32(vk + 0x0C);
        boolean inline = (size & 0x80000000L) != 0;
        int length = (int) (size & 0x7FFFFFFFL);
        if (inline) {
            byte[] bytes = new byte[Math.min(length, 4)];
            data.get(vk + 8, bytes);
            return new Value(type, bytes);
        }
        if (length > MAX_DATA) {
            throw new HiveFormatException("value data of " + length + " bytes");
        }
        int at = cellData(read.u32(vk + 8), length);
        if (length > 16344 && read.u16(at) == 0x6264) { // "db": big data, not needed for what wudoctor reads
            return new Value(-1, new byte[0]);
        }
        byte[] bytes = new byte[length];
        data.get(at, bytes);
        return new Value(type, bytes);
    }

    /** Subkey cell offsets from an lf/lh/li list, or an ri list of them (one level deep). */
    private void readList(int offset, List<Integer> out, int depth) {
        int list = cellData(offset, 4);
        int signature = read.u16(list);
        int count = read.u16(list + 2);
        switch (signature) {
            case 0x666C, 0x686C -> { // "lf", "lh": offset + hash
                read.check(list + 4, 8L * count);
                for (int i = 0; i < count; i++) {
                    add(out, read.u32(list + 4 + 8 * i));
                }
            }
            case 0x696C -> { // "li": offsets
                read.check(list + 4, 4L * count);
                for (int i = 0; i < count; i++) {
                    add(out, read.u32(list + 4 + 4 * i));
                }
            }
            case 0x6972 -> { // "ri": offsets of lists
                if (depth > 0) {
                    throw new HiveFormatException("nested index root list");
                }
                read.check(list + 4, 4L * count);
                for (int i = 0; i < count; i++) {
                    readList(read.u32(list + 4 + 4 * i), out, depth + 1);
                }
            }
            default -> throw new HiveFormatException("unknown subkey list signature 0x" + Integer.toHexString(signature));
        }
    }

    private static void add(List<Integer> out, int offset) {
        if (out.size() >= MAX_LIST) {
            throw new HiveFormatException("more than " + MAX_LIST + " subkeys");
        }
        out.add(offset);
    }

    private Key key(int offset) {
        int nk = cellData(offset, 0x4C);
        if (read.u16(nk) != 0x6B6E) { // "nk"
            throw new HiveFormatException("cell at 0x" + Integer.toHexString(offset) + " is not a key node");
        }
        read.check(nk + 0x4C, read.u16(nk + 0x48));
        return new Key(nk);
    }

    /** The file position of a cell's data, checked to hold at least {@code need} bytes. */
    private int cellData(int offset, long need) {
        long at = BASE_BLOCK + Integer.toUnsignedLong(offset);
        if (offset < 0 || at + 4 > data.limit()) {
            throw new HiveFormatException("cell offset 0x" + Integer.toHexString(offset) + " outside the hive");
        }
        int size = data.getInt((int) at);
        long length = size < 0 ? -(long) size : size;
        if (length < 4 + need || at + length > data.limit()) {
            throw new HiveFormatException("cell at 0x" + Integer.toHexString(offset) + " is too small or outside the hive");
        }
        return (int) at + 4;
    }


    private String text(int at, int length, boolean latin1) {
        read.check(at, length);
        byte[] bytes = new byte[length];
        data.get(at, bytes);
        return new String(bytes, latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
    }
}
