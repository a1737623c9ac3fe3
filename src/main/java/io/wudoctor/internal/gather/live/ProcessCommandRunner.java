package io.wudoctor.internal.gather.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs commands as processes, with their input closed, their errors discarded and a time limit. */
public final class ProcessCommandRunner implements CommandRunner {

    private static final long TIMEOUT_SECONDS = 120;
    /** No query wudoctor runs prints more; a runaway command is cut here. */
    private static final int MAX_OUTPUT_BYTES = 32 << 20;

    @Override
    public Output run(List<String> argv) {
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return Output.NOT_RUN;
        }
        try {
            process.getOutputStream().close();
            byte[] out = readCapped(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Output.NOT_RUN;
            }
            return new Output(process.exitValue(), out);
        } catch (IOException e) {
            process.destroyForcibly();
            return Output.NOT_RUN;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Output.NOT_RUN;
        }
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            if (out.size() < MAX_OUTPUT_BYTES) {
                out.write(buf, 0, Math.min(n, MAX_OUTPUT_BYTES - out.size()));
            }
        }
        return out.toByteArray();
    }
}
