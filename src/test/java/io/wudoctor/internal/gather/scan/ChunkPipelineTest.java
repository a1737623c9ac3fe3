package io.wudoctor.internal.gather.scan;

import static io.wudoctor.internal.gather.scan.Scans.allBuiltin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wudoctor.testing.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Searching chunks on several threads gives exactly the sequential scan's result (hits, their order,
 * line numbers, texts, captures, context, counts, the lines passed over, the bytes read and the
 * progress reported) wherever the chunks end: inside CRLF pairs, UTF-16 units, multi-byte
 * characters, undecodable bytes and the literal of a hit.
 */
class ChunkPipelineTest {

    private static final int LINE_LIMIT = 1000;
    private static final int[] BUFFERS = {4000, 4002, 4096, 4098, 5000, 6002, 8192, 12_346};
    private static final List<Signature> SIGNATURES = allBuiltin();

    @Test
    void realLogsInEveryEncodingAndLineEndGiveTheSequentialResultWhereverTheChunksEnd() {
        for (String name : List.of("real-cbs-win81-wu-invalid-package-hofcake-2015-02-23.log",
                "setupapi-dev-usb-driver-file-missing-libwdi-16-2013-11-18.log",
                "cbs-0x80070002-msdocs-s1-clr-optimization-ngen-service.log")) {
            String text = new String(TestFiles.bytes(TestFiles.realLog(name)), StandardCharsets.UTF_8).replace("\uFEFF", "");
            String lf = text.replace("\r\n", "\n");
            for (byte[] variant : List.of(text.getBytes(StandardCharsets.UTF_8), lf.getBytes(StandardCharsets.UTF_8),
                    lf.replace("\n", "\r").getBytes(StandardCharsets.UTF_8), encode(text, StandardCharsets.UTF_16LE, 0xFF, 0xFE),
                    encode(text, StandardCharsets.UTF_16LE), encode(lf, StandardCharsets.UTF_16BE, 0xFE, 0xFF))) {
                assertSameEverywhere(variant);
            }
        }
    }

    @Test
    void garbageMultiByteTextAndOverlongLinesGiveTheSequentialResultWhereverTheChunksEnd() {
        String hit = "2016-09-28 04:30:30, Info CBS Doqe: Failed installing driver updates [HRESULT = 0x80070002 - ERROR_FILE_NOT_FOUND]";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            switch (random.nextInt(8)) {
                case 0 -> out.writeBytes(new byte[random.nextInt(300)]); // NUL blocks
                case 1 -> {
                    byte[] junk = new byte[random.nextInt(200)];
                    random.nextBytes(junk); // undecodable bytes, stray CRs and LFs
                    out.writeBytes(junk);
                }
                case 2 -> out.writeBytes(("Info CBS M\u00fcnchen \u4e2d\u6587 " + hit).getBytes(StandardCharsets.UTF_8));
                case 3 -> out.writeBytes(("x".repeat(random.nextInt(9000)) + hit).getBytes(StandardCharsets.UTF_8));
                default -> out.writeBytes((hit.substring(0, 21) + " Info CBS line " + i).getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(random.nextBoolean() ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
            if (i % 37 == 0) {
                out.writeBytes(hit.getBytes(StandardCharsets.UTF_8));
                out.writeBytes(new byte[] {'\r', '\n'});
            }
        }
        ScanResult result = assertSameEverywhere(out.toByteArray());
        assertThat(result.binaryLines()).isPositive();
        assertThat(result.cutLines()).isPositive();
        assertThat(result.matches()).isNotEmpty();
    }

    @Test
    void aReadErrorAfterSomeChunksReachesTheCallerAndOnlyTheScanningThreadReads() {
        byte[] log = ("2016-09-28 04:30:30, Info CBS a line of the log\r\n".repeat(2000)).getBytes(StandardCharsets.UTF_8);
        List<Thread> readers = new ArrayList<>();
        InputStream failing = new InputStream() {
            private final InputStream data = new ByteArrayInputStream(log);

            @Override
            public int read() throws IOException {
                throw new IOException("not used");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                readers.add(Thread.currentThread());
                int n = data.read(b, off, Math.min(len, 1000));
                if (n < 0) {
                    throw new IOException("the disk went away");
                }
                return n;
            }
        };

        assertThatThrownBy(() -> new LogScanner(SIGNATURES, 4000, LINE_LIMIT, true).scan(failing, "test.log", done -> { }))
                .isInstanceOf(IOException.class).hasMessage("the disk went away");
        assertThat(readers).hasSizeGreaterThan(log.length / 1000).containsOnly(Thread.currentThread());
    }

    /** Scans {@code log} sequentially with a buffer larger than it, then with each small buffer both ways: all the same. */
    private static ScanResult assertSameEverywhere(byte[] log) {
        Scan expected = scan(new LogScanner(SIGNATURES, Math.max(4 * LINE_LIMIT, log.length + 2 & ~1), LINE_LIMIT, false), log);
        for (int buffer : BUFFERS) {
            for (boolean parallel : new boolean[] {false, true}) {
                Scan actual = scan(new LogScanner(SIGNATURES, buffer, LINE_LIMIT, parallel), log);
                assertThat(actual.result()).as("buffer %d, in parallel %s", buffer, parallel).isEqualTo(expected.result());
                assertThat(actual.progress()).as("progress, buffer %d", buffer).endsWith((long) log.length);
                if (!parallel) {
                    continue;
                }
                assertThat(actual.progress()).isEqualTo(scan(new LogScanner(SIGNATURES, buffer, LINE_LIMIT, false), log).progress());
            }
        }
        return expected.result();
    }

    private record Scan(ScanResult result, List<Long> progress) {
    }

    private static Scan scan(LogScanner scanner, byte[] log) {
        List<Long> progress = new ArrayList<>();
        try {
            return new Scan(scanner.scan(new ByteArrayInputStream(log), "test.log", progress::add), progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(String text, Charset charset, int... bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b : bom) {
            out.write(b);
        }
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }
}
