package io.wudoctor.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Which knowledge made a plan (docs/output.md, {@code rulePack}): the built-in pack's version
 * and content hash (null with {@code --no-builtin-rules}) and each {@code --rules} folder with
 * its content hash. A hash is SHA-256 over every rule file's path inside its folder and its
 * text, so the same files give the same hash wherever the folder lies.
 */
@JsonPropertyOrder({"builtin", "folders"})
public record RulePackInfo(Builtin builtin, List<Folder> folders) {

    public RulePackInfo {
        folders = List.copyOf(folders);
    }

    /** The built-in pack: the wudoctor version it ships with, its hash and how many files it has. */
    @JsonPropertyOrder({"version", "sha256", "files"})
    public record Builtin(String version, String sha256, int files) {
    }

    /** An analyst's folder as given on the command line, its hash and how many rule files it has. */
    @JsonPropertyOrder({"path", "sha256", "files"})
    public record Folder(String path, String sha256, int files) {
    }
}
