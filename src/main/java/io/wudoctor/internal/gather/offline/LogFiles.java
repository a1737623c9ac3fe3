package io.wudoctor.internal.gather.offline;

import io.wudoctor.api.GatherListener;
import io.wudoctor.facts.LogKind;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.internal.gather.scan.ScanResult;
import io.wudoctor.internal.gather.scan.SignatureSet;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Scans logs with the signatures of their kind, telling the listener about progress and warnings. */
public final class LogFiles {

    private final SignatureSet signatures;
    private final GatherListener listener;

    public LogFiles(SignatureSet signatures, GatherListener listener) {
        this.signatures = signatures;
        this.listener = listener;
    }

    /**
     * The matches in {@code in} (closed here); a log that cannot be read gives a warning and no
     * matches, since the other evidence is still worth a diagnosis.
     */
    public List<LogMatch> scan(InputStream in, String name, long size, LogKind kind) {
        try (in) {
            ScanResult result = signatures.scanner(kind).scan(in, name, done -> listener.progress(name, done, size));
            result.warnings().forEach(listener::warning);
            return result.matches();
        } catch (IOException e) {
            listener.warning(name + ": cannot read the log: " + e.getMessage());
            return List.of();
        } finally {
            listener.scanned(name);
        }
    }
}
