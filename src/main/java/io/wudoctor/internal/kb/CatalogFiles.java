package io.wudoctor.internal.kb;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The top-level shapes of the pack's YAML files, one per file suffix. */
final class CatalogFiles {

    private CatalogFiles() {
    }

    record Causes(@JsonProperty(required = true) int schemaVersion, @JsonProperty(required = true) List<CauseDef> causes) {
    }

    record Fixes(@JsonProperty(required = true) int schemaVersion, @JsonProperty(required = true) List<FixDef> fixes) {
    }

    record Signatures(@JsonProperty(required = true) int schemaVersion,
            @JsonProperty(required = true) List<SignatureDef> signatures) {
    }
}
