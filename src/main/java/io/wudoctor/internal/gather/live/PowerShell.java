package io.wudoctor.internal.gather.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Runs Windows PowerShell 5.1 scripts. Scripts go in encoded (quoting through a Windows command
 * line is fragile) and print UTF-8 JSON: PowerShell objects are locale-independent where
 * command text is translated.
 */
final class PowerShell {

    private static final String PREFIX = "$ProgressPreference='SilentlyContinue'; "
            + "[Console]::OutputEncoding=[Text.Encoding]::UTF8; ";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PowerShell() {
    }

    static List<String> command(String script) {
        String encoded = Base64.getEncoder().encodeToString((PREFIX + script).getBytes(StandardCharsets.UTF_16LE));
        return List.of("powershell.exe", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
                "-EncodedCommand", encoded);
    }

    /** The script's output as JSON, or empty when it failed or printed something else. */
    static Optional<JsonNode> json(CommandRunner runner, String script) {
        CommandRunner.Output out = runner.run(command(script));
        if (!out.ok() || out.text().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(out.text()));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Text output of a script that succeeded, or empty. */
    static Optional<String> text(CommandRunner runner, String script) {
        CommandRunner.Output out = runner.run(command(script));
        return out.ok() ? Optional.of(out.text()) : Optional.empty();
    }
}
