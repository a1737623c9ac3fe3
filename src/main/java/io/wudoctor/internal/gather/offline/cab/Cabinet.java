package io.wudoctor.internal.gather.offline.cab;

import io.wudoctor.internal.gather.offline.binary.LittleEndian;
import io.wudoctor.internal.gather.offline.binary.MappedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A read-only reader of Microsoft cabinet files (MS-CAB, "MSCF"), enough to read the rotated
 * CBS logs Windows compresses ({@code Windows/Logs/CBS/CbsPersist_*.cab}). It reads folders
 * stored without compression or with MSZIP (each data block "CK" + a deflate stream that may
 * refer to the previous 32 KiB, inflated by java.util.zip); Quantum and LZX folders are a
 * {@link CabFormatException} naming the method. The only maintained-looking Java CAB library
 * on Maven Central, com.dorkbox:CabParser, has had no release since 2018; this follows the
 * published format ([MS-CAB] "Cabinet File Format") instead.
 *
 * <p>The file comes from a stranger's disk: every offset and count is checked against the
 * file before use, a block may not expand to more than the 32 KiB the format allows, a
 * member's data must be where its folder's blocks are, and the whole cabinet may not unpack
 * to more than {@link #MAX_UNPACKED} bytes. Members are read as streams, never written to disk,
 * so their names cannot point anywhere.
 */
public final class Cabinet {

    /** More than any rotated CBS log (Windows rotates CBS.log at tens of MiB). */
    public static final long MAX_UNPACKED = 1L << 30;

    private static final int SIGNATURE = 0x4643534D; // "MSCF"
    private static final int PREV_CABINET = 0x1;
    private static final int NEXT_CABINET = 0x2;
    private static final int RESERVE_PRESENT = 0x4;
    private static final int BLOCK = 32768;
    private static final int NONE = 0;
    private static final int MSZIP = 1;
    private static final String[] METHODS = {"none", "MSZIP", "Quantum", "LZX"};

    /** A file stored in the cabinet. */
    public record Member(String name, long size, int folder, long offset) {
    }

    private record Folder(int firstBlock, int blocks, int method) {
    }

    private final ByteBuffer data;
    private final LittleEndian read;
    private final int blockReserve;
    private final List<Folder> folders = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();

    private Cabinet(ByteBuffer data) {
        this.data = data.order(ByteOrder.LITTLE_ENDIAN);
        this.read = new LittleEndian(data, () -> new CabFormatException("data outside the cabinet (cut short?)"));
        if (data.limit() < 36 || data.getInt(0) != SIGNATURE) {
            throw new CabFormatException("not a cabinet file (no 'MSCF' signature)");
        }
        int filesAt = read.u32(16);
        int folderCount = read.u16(26);
        int fileCount = read.u16(28);
        int flags = read.u16(30);
        if ((flags & (PREV_CABINET | NEXT_CABINET)) != 0) {
            throw new CabFormatException("part of a multi-cabinet set, which is not read");
        }
        int at = 36;
        int folderReserve = 0;
        int reserve = 0;
        if ((flags & RESERVE_PRESENT) != 0) {
            reserve = read.u16(at);
            folderReserve = read.u8(at + 2);
            this.blockReserve = read.u8(at + 3);
            at += 4 + reserve;
        } else {
            this.blockReserve = 0;
        }
        for (int f = 0; f < folderCount; f++, at += 8 + folderReserve) {
            folders.add(new Folder(read.u32(at), read.u16(at + 4), read.u16(at + 6) & 0x000F));
        }
        at = filesAt;
        for (int f = 0; f < fileCount; f++) {
            long size = Integer.toUnsignedLong(read.u32(at));
            long offset = Integer.toUnsignedLong(read.u32(at + 4));
            int folder = read.u16(at + 8);
            if (folder >= folderCount) {
                throw new CabFormatException("file " + f + " names folder " + folder + " of " + folderCount
                        + " (continued folders of a cabinet set are not read)");
            }
            int nameEnd = at + 16;
            while (read.u8(nameEnd) != 0) {
                if (++nameEnd - (at + 16) > 255) {
                    throw new CabFormatException("file name longer than 255 bytes");
                }
            }
            byte[] name = new byte[nameEnd - (at + 16)];
            data.get(at + 16, name);
            // attribute 0x80: the name is UTF-8, else it is in the machine's code page (ASCII for CBS logs)
            boolean utf8 = (read.u16(at + 14) & 0x80) != 0;
            members.add(new Member(new String(name, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1), size,
                    folder, offset));
            at = nameEnd + 1;
        }
    }

    /** Maps {@code file} read-only. @throws CabFormatException when it is not a cabinet this reader reads */
    public static Cabinet open(Path file) throws IOException {
        return new Cabinet(MappedFile.map(file, () -> new CabFormatException("cabinet larger than 2 GiB")));
    }

    /** A cabinet held in memory (tests). */
    public static Cabinet of(byte[] bytes) {
        return new Cabinet(ByteBuffer.wrap(bytes));
    }

    public List<Member> members() {
        return List.copyOf(members);
    }

    /**
     * The member's content, decompressed as it is read.
     *
     * @throws CabFormatException (also from the stream's reads) when its folder's method is not
     *     read or its data is damaged
     */
    public InputStream open(Member member) {
        Folder folder = folders.get(member.folder());
        if (folder.method() != NONE && folder.method() != MSZIP) {
            throw new CabFormatException("compressed with " + METHODS[folder.method() & 3] + ", which wudoctor does not read");
        }
        if (member.offset() + member.size() > MAX_UNPACKED) {
            throw new CabFormatException("member " + member.name() + " would unpack past " + (MAX_UNPACKED >> 20) + " MiB");
        }
        return new MemberStream(new FolderStream(folder), member);
    }

    /** A folder's uncompressed bytes, block by block. */
    private final class FolderStream {
        private final Folder folder;
        private final Inflater inflater = new Inflater(true);
        private int next;
        private int at;
        private byte[] block = new byte[0];
        private int pos;
        /** The last 32 KiB written: MSZIP blocks may refer back into the previous block. */
        private byte[] history = new byte[0];

        FolderStream(Folder folder) {
            this.folder = folder;
            this.at = folder.firstBlock();
        }

        /** Up to {@code len} bytes, or -1 at the folder's end. */
        int read(byte[] b, int off, int len) {
            while (pos == block.length) {
                if (next == folder.blocks()) {
                    return -1;
                }
                block = nextBlock();
                pos = 0;
            }
            int n = Math.min(len, block.length - pos);
            System.arraycopy(block, pos, b, off, n);
            pos += n;
            return n;
        }

        private byte[] nextBlock() {
            int packed = read.u16(at + 4);
            int unpacked = read.u16(at + 6);
            int payload = at + 8 + blockReserve;
            read.check(payload, packed);
            if (unpacked > BLOCK || unpacked == 0) {
                throw new CabFormatException("data block " + next + " claims " + unpacked + " bytes (at most " + BLOCK + ")");
            }
            byte[] out = new byte[unpacked];
            if (folder.method() == NONE) {
                if (packed != unpacked) {
                    throw new CabFormatException("stored block " + next + " of " + packed + " bytes claims " + unpacked);
                }
                data.get(payload, out);
            } else {
                inflate(payload, packed, out);
            }
            at = payload + packed;
            next++;
            return out;
        }

        private void inflate(int payload, int packed, byte[] out) {
            if (packed < 2 || read.u8(payload) != 'C' || read.u8(payload + 1) != 'K') {
                throw new CabFormatException("MSZIP block " + next + " has no 'CK' signature");
            }
            byte[] in = new byte[packed - 2];
            data.get(payload + 2, in);
            inflater.reset();
            if (history.length > 0) {
                inflater.setDictionary(history);
            }
            inflater.setInput(in);
            int n = 0;
            try {
                while (n < out.length && !inflater.finished()) {
                    int got = inflater.inflate(out, n, out.length - n);
                    if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    n += got;
                }
            } catch (DataFormatException e) {
                throw new CabFormatException("MSZIP block " + next + " is damaged: " + e.getMessage());
            }
            if (n != out.length || !inflater.finished()) {
                throw new CabFormatException("MSZIP block " + next + " does not inflate to its " + out.length + " bytes");
            }
            history = out.length == BLOCK ? out : concatTail(history, out);
        }
    }

    private static byte[] concatTail(byte[] history, byte[] out) {
        byte[] joined = Arrays.copyOf(history, history.length + out.length);
        System.arraycopy(out, 0, joined, history.length, out.length);
        return joined.length <= BLOCK ? joined : Arrays.copyOfRange(joined, joined.length - BLOCK, joined.length);
    }

    /** One member: its folder's bytes from its offset, as many as its size. */
    private static final class MemberStream extends InputStream {
        private final FolderStream folder;
        private final Member member;
        private long skip;
        private long left;

        MemberStream(FolderStream folder, Member member) {
            this.folder = folder;
            this.member = member;
            this.skip = member.offset();
            this.left = member.size();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        /** A damaged cabinet is an IOException here: to a log reader it is a log that cannot be read. */
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                if (skip > 0) {
                    byte[] skipped = new byte[8192];
                    while (skip > 0) {
                        int n = folder.read(skipped, 0, (int) Math.min(skipped.length, skip));
                        if (n < 0) {
                            throw truncated();
                        }
                        skip -= n;
                    }
                }
                if (left == 0) {
                    return -1;
                }
                int n = folder.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    throw truncated();
                }
                left -= n;
                return n;
            } catch (CabFormatException e) {
                throw new IOException("damaged cabinet: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            folder.inflater.end();
        }

        private CabFormatException truncated() {
            return new CabFormatException("member " + member.name() + " ends past its folder's data");
        }
    }
}
