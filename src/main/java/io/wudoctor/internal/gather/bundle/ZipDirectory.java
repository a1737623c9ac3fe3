package io.wudoctor.internal.gather.bundle;

import io.wudoctor.api.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The central directory of a zip file, read before anything is unpacked: how many entries there
 * are, and what java.util.zip does not tell, whether an entry is a symbolic link or a Windows
 * reparse point (its "external attributes").
 */
final class ZipDirectory {

    /** An entry as the central directory describes it. */
    record Entry(String name, boolean link) {
    }

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int HEADER = 0x02014b50;
    private static final int UNIX = 3;
    private static final int S_IFMT = 0xF000;
    private static final int S_IFLNK = 0xA000;
    private static final int REPARSE_POINT = 0x400;
    /** Far more than 10,000 entries with long names need. */
    private static final long MAX_DIRECTORY_BYTES = 64L << 20;

    private ZipDirectory() {
    }

    /**
     * @param maxEntries more entries than this is an error, found before the directory is read
     * @throws BadInputException when the file is not a zip, or is truncated
     */
    static List<Entry> read(Path zip, int maxEntries) throws IOException {
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = ch.size();
            int tailLength = (int) Math.min(size, 22 + 0xFFFF);
            ByteBuffer tail = readFully(ch, size - tailLength, tailLength);
            int eocd = -1;
            for (int p = tailLength - 22; p >= 0; p--) {
                if (tail.getInt(p) == EOCD) {
                    eocd = p;
                    break;
                }
            }
            if (eocd < 0) {
                throw new BadInputException(zip + ": not a zip file, or a truncated one (no end of central directory)");
            }
            long entries = Short.toUnsignedLong(tail.getShort(eocd + 10));
            long dirSize = Integer.toUnsignedLong(tail.getInt(eocd + 12));
            long dirOffset = Integer.toUnsignedLong(tail.getInt(eocd + 16));
            if (entries == 0xFFFF || dirSize == 0xFFFFFFFFL || dirOffset == 0xFFFFFFFFL) {
                long locator = size - tailLength + eocd - 20;
                if (locator < 0 || readFully(ch, locator, 20).getInt(0) != ZIP64_LOCATOR) {
                    throw new BadInputException(zip + ": corrupt zip64 archive (no zip64 locator)");
                }
                ByteBuffer z = readFully(ch, readFully(ch, locator, 20).getLong(8), 56);
                if (z.getInt(0) != ZIP64_EOCD) {
                    throw new BadInputException(zip + ": corrupt zip64 archive (no zip64 end record)");
                }
                entries = z.getLong(32);
                dirSize = z.getLong(40);
                dirOffset = z.getLong(48);
            }
            if (entries > maxEntries) {
                throw new BadInputException(zip + ": " + entries + " entries, more than the limit of " + maxEntries);
            }
            if (dirOffset + dirSize > size || dirSize > MAX_DIRECTORY_BYTES) {
                throw new BadInputException(zip + ": truncated or corrupt zip (the central directory lies outside the file"
                        + " or is implausibly large)");
            }
            return entries(zip, readFully(ch, dirOffset, (int) dirSize), entries);
        }
    }

    private static List<Entry> entries(Path zip, ByteBuffer dir, long count) {
        List<Entry> out = new ArrayList<>();
        int p = 0;
        for (long i = 0; i < count; i++) {
            if (p + 46 > dir.limit() || dir.getInt(p) != HEADER) {
                throw new BadInputException(zip + ": corrupt zip (bad central directory entry " + (i + 1) + ")");
            }
            int madeBy = Short.toUnsignedInt(dir.getShort(p + 4)) >>> 8;
            int nameLength = Short.toUnsignedInt(dir.getShort(p + 28));
            int extraLength = Short.toUnsignedInt(dir.getShort(p + 30));
            int commentLength = Short.toUnsignedInt(dir.getShort(p + 32));
            int attributes = dir.getInt(p + 38);
            if (p + 46 + nameLength > dir.limit()) {
                throw new BadInputException(zip + ": corrupt zip (central directory entry " + (i + 1) + " is cut short)");
            }
            byte[] name = new byte[nameLength];
            dir.get(p + 46, name);
            boolean link = madeBy == UNIX ? ((attributes >>> 16) & S_IFMT) == S_IFLNK : (attributes & REPARSE_POINT) != 0;
            out.add(new Entry(new String(name, StandardCharsets.UTF_8), link));
            p += 46 + nameLength + extraLength + commentLength;
        }
        return out;
    }

    private static ByteBuffer readFully(FileChannel ch, long position, int length) throws IOException {
        if (position < 0) {
            throw new IOException("position before the start of the file");
        }
        ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return buf.flip();
    }
}
