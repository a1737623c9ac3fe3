package io.wudoctor.internal.gather.infer;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The signatures the inference reads in Java rather than in a DRL rule, so that `rules validate`
 * does not call them unused.
 */
public final class InferenceSignatures {

    /** Every signature id {@link OsInference} and {@link IncidentInference} read. */
    public static final Set<String> IDS = Stream.concat(OsInference.SIGNATURES.stream(), Stream.of(
            IncidentInference.SETUP_RESULT, IncidentInference.HISTORY_FAILED, IncidentInference.HISTORY_SUCCEEDED))
            .collect(Collectors.toUnmodifiableSet());

    private InferenceSignatures() {
    }
}
