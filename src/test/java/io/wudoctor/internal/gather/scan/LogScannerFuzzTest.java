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

/** Any bytes given as a log are scanned to their end with every built-in signature, without an exception. */
class LogScannerFuzzTest {

    private static final LogScanner SCANNER = scanner();

    private static LogScanner scanner() {
        SignatureSet set = SignatureSet.of(new RulePackLoader().builtin().load());
        List<io.wudoctor.internal.gather.scan.Signature> all = new ArrayList<>();
        for (io.wudoctor.facts.LogKind kind : io.wudoctor.facts.LogKind.values()) {
            all.addAll(set.forLog(kind));
        }
        return new LogScanner(all);
    }

    @FuzzTest(maxDuration = "60s")
    void anyBytesScan(byte[] data) throws IOException {
        ScanResult r = SCANNER.scan(new ByteArrayInputStream(data), "fuzz.log", done -> { });
        assertThat(r.bytes()).isEqualTo(data.length);
    }
}
