package io.wudoctor.internal.gather.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wudoctor.internal.gather.scan.LogScanner;
import io.wudoctor.internal.gather.scan.ScanResult;
import io.wudoctor.internal.gather.scan.SignatureSet;
import io.wudoctor.internal.kb.RulePackLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Any bytes given as a log are scanned to their end with every built-in signature, without an
 * exception; and cut into small chunks searched in parallel, they give the sequential scan's result.
 */
class LogScannerFuzzTest {

    private static final List<io.wudoctor.internal.gather.scan.Signature> ALL = all();
    private static final LogScanner SCANNER = new LogScanner(ALL);
    private static final LogScanner SMALL_CHUNKS = new LogScanner(ALL, 400, 100, true);
    private static final LogScanner SMALL_CHUNKS_SEQUENTIAL = new LogScanner(ALL, 400, 100, false);

    private static List<io.wudoctor.internal.gather.scan.Signature> all() {
        SignatureSet set = SignatureSet.of(new RulePackLoader().builtin().load());
        List<io.wudoctor.internal.gather.scan.Signature> all = new ArrayList<>();
        for (io.wudoctor.facts.LogKind kind : io.wudoctor.facts.LogKind.values()) {
            all.addAll(set.forLog(kind));
        }
        return all;
    }

    @FuzzTest(maxDuration = "60s")
    void anyBytesScan(byte[] data) throws IOException {
        ScanResult r = SCANNER.scan(new ByteArrayInputStream(data), "fuzz.log", done -> { });
        assertThat(r.bytes()).isEqualTo(data.length);
    }

    @FuzzTest(maxDuration = "60s")
    void anyBytesScanTheSameInParallel(byte[] data) throws IOException {
        ScanResult parallel = SMALL_CHUNKS.scan(new ByteArrayInputStream(data), "fuzz.log", done -> { });
        assertThat(parallel).isEqualTo(SMALL_CHUNKS_SEQUENTIAL.scan(new ByteArrayInputStream(data), "fuzz.log", done -> { }));
    }
}
