package io.wudoctor.internal.gather.scan;

import static io.wudoctor.internal.gather.scan.Scans.allBuiltin;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** A chunk's bytes are reused for later chunks once released: the search releases them only when done with them. */
class ChunkSearchTest {

    private static final String HIT = "2016-09-28 04:30:30, Info CBS Doqe: Failed installing driver updates "
            + "[HRESULT = 0x80070002 - ERROR_FILE_NOT_FOUND]\r\n";
    private static final byte[] LOG = (HIT + "2016-09-28 04:30:31, Info CBS an ordinary line\r\n" + HIT)
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void theBytesAreGivenBackOnlyWhenTheSearchIsDoneWithThem() {
        ChunkSearch.Plan plan = new LogScanner(allBuiltin(), 4000, 1000, false).plan();
        Queue<byte[]> reusedAtOnce = new ArrayDeque<>() {
            @Override
            public boolean offer(byte[] bytes) {
                Arrays.fill(bytes, (byte) 'x'); // what the next chunk read into the array would do
                return true;
            }
        };
        ChunkSearch.Findings released = new ChunkSearch(plan).search(chunk(reusedAtOnce));
        ChunkSearch.Findings kept = new ChunkSearch(plan).search(chunk(new ArrayDeque<>()));

        assertThat(matches(released)).isEqualTo(matches(kept)).hasSize(2);
    }

    @Test
    void aReleasedChunksArrayHoldsALaterChunkAndAKeptOneIsLeftAlone() throws IOException {
        byte[] log = HIT.repeat(200).getBytes(StandardCharsets.UTF_8);
        ChunkReader reader = new ChunkReader(new ByteArrayInputStream(log), 4000, 1000);
        ChunkReader.Chunk first = reader.next();
        String firstText = first.text();
        ChunkReader.Chunk second = reader.next();
        assertThat(first.text()).isEqualTo(firstText);
        first.release();
        ChunkReader.Chunk third = reader.next();

        assertThat(third.bytes()).isSameAs(first.bytes());
        assertThat(second.text() + third.text()).isEqualTo(HIT.repeat(2 * second.text().length() / HIT.length()));
    }

    private static ChunkReader.Chunk chunk(Queue<byte[]> spare) {
        return new ChunkReader.Chunk(LOG.clone(), LOG.length, StandardCharsets.UTF_8, true, false, 1000, spare);
    }

    private static List<String> matches(ChunkSearch.Findings found) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < found.matchCount(); k++) {
            out.add(found.code(k) + "@" + found.line(k));
        }
        return out;
    }
}
