package io.wudoctor.internal.gather.offline.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Supplier;

/** Little-endian reads of a binary format, each checked to lie inside the data, else the format's own exception. */
public final class LittleEndian {

    private final ByteBuffer data;
    private final Supplier<? extends RuntimeException> outside;

    /** Reads of {@code data}; a read past its end throws {@code outside}'s exception. */
    public LittleEndian(ByteBuffer data, Supplier<? extends RuntimeException> outside) {
        this.data = data.order(ByteOrder.LITTLE_ENDIAN);
        this.outside = outside;
    }

    /** Throws when {@code [at, at + length)} is not inside the data. */
    public void check(long at, long length) {
        if (at < 0 || length < 0 || at + length > data.limit()) {
            throw outside.get();
        }
    }

    public int u8(int at) {
        check(at, 1);
        return Byte.toUnsignedInt(data.get(at));
    }

    public int u16(int at) {
        check(at, 2);
        return Short.toUnsignedInt(data.getShort(at));
    }

    public int u32(int at) {
        check(at, 4);
        return data.getInt(at);
    }
}
