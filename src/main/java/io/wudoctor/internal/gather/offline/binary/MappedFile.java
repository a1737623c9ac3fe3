package io.wudoctor.internal.gather.offline.binary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/** A binary file of an image (a cabinet, a registry hive) mapped read-only, never written or copied. */
public final class MappedFile {

    private MappedFile() {
    }

    /** The file's bytes; a file past a buffer's 2 GiB throws {@code tooLarge}'s exception, the format's own. */
    public static <X extends RuntimeException> ByteBuffer map(Path file, Supplier<X> tooLarge) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw tooLarge.get();
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
    }
}
