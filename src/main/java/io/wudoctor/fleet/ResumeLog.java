package io.wudoctor.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wudoctor.api.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * What an earlier, interrupted batch run left in its output file: the sources it recorded and
 * their tally. Complete lines are never changed. A last line without its line end is what a kill
 * in the middle of a write leaves: it is cut off (its source is diagnosed again).
 */
public final class ResumeLog {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Set<String> sources;
    private final FleetTally tally;
    private final long tornBytes;

    private ResumeLog(Set<String> sources, FleetTally tally, long tornBytes) {
        this.sources = sources;
        this.tally = tally;
        this.tornBytes = tornBytes;
    }

    /**
     * Reads {@code output} (a missing file is an empty log), cutting a torn last line.
     *
     * @throws BadInputException when a complete line is not a batch record: the file is not a batch output
     */
    public static ResumeLog open(Path output) {
        if (!Files.exists(output)) {
            return new ResumeLog(new HashSet<>(), new FleetTally(), 0);
        }
        try {
            long torn = cutTornLine(output);
            Set<String> sources = new HashSet<>();
            FleetTally tally = new FleetTally();
            try (BufferedReader in = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
                long number = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    number++;
                    Outcome outcome = parse(output, number, line);
                    if (sources.add(outcome.source())) {
                        tally.add(outcome);
                    }
                }
            }
            return new ResumeLog(sources, tally, torn);
        } catch (IOException e) {
            throw new BadInputException(output + ": cannot read the output to resume: " + e.getMessage(), e);
        }
    }

    private static Outcome parse(Path output, long number, String line) {
        try {
            JsonNode record = MAPPER.readTree(line);
            if (record == null || !record.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return Outcome.of(record);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(output + ":" + number + ": not a wudoctor batch record, so the file cannot be "
                    + "resumed (" + firstLine(e.getMessage()) + "); give --output a new file or the one an earlier batch wrote");
        }
    }

    /** Truncates the file after its last line end; returns how many bytes were cut. */
    private static long cutTornLine(Path output) throws IOException {
        try (FileChannel ch = FileChannel.open(output, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long end = size;
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            while (end > 0) {
                long from = Math.max(0, end - buf.capacity());
                buf.clear().limit((int) (end - from));
                ch.read(buf, from);
                for (int i = (int) (end - from) - 1; i >= 0; i--) {
                    if (buf.get(i) == '\n') {
                        long keep = from + i + 1;
                        ch.truncate(keep);
                        return size - keep;
                    }
                }
                end = from;
            }
            ch.truncate(0);
            return size;
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** True when an earlier run already recorded {@code source}. */
    public boolean has(String source) {
        return sources.contains(source);
    }

    public int size() {
        return sources.size();
    }

    /** The tally of the records already in the file. */
    public FleetTally tally() {
        return tally;
    }

    /** Bytes of a torn last line that were cut off (0 when the file ended cleanly). */
    public long tornBytes() {
        return tornBytes;
    }
}
