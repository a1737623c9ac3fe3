package io.wudoctor.internal.gather.scan;

import io.wudoctor.facts.LogKind;
import io.wudoctor.internal.kb.RulePackLoader;
import io.wudoctor.internal.kb.SignatureDef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Helpers for scanner tests. */
final class Scans {

    private Scans() {
    }

    static List<SignatureDef> builtinDefs() {
        return new RulePackLoader().builtin().load().signatures();
    }

    /** Every built-in signature, whatever its log kind. */
    static List<Signature> allBuiltin() {
        return builtinDefs().stream().map(Signature::compile).toList();
    }

    static Signature signature(String id, String pattern) {
        return Signature.compile(new SignatureDef(id, LogKind.CBS, null, null, null, pattern, null, null));
    }

    static ScanResult scan(List<Signature> signatures, byte[] content) {
        return scan(new LogScanner(signatures), content);
    }

    static ScanResult scan(LogScanner scanner, byte[] content) {
        try {
            return scanner.scan(new ByteArrayInputStream(content), "test.log", done -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
