package io.wudoctor.internal.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wudoctor.api.DiagnosisJson;

/** The documented JSON (docs/output.md), written by {@link DiagnosisJson}. */
public final class JsonRenderer implements Renderer {

    /** The diagnosis; with --explain, plus an {@code explanation} object after its other fields (docs/output.md). */
    @Override
    public String render(Report report) {
        if (report.explained() == null) {
            return report.diagnosis().toJson();
        }
        ObjectNode tree = DiagnosisJson.mapper().valueToTree(report.diagnosis());
        tree.set("explanation", DiagnosisJson.mapper().valueToTree(Chain.of(report.explained())));
        return DiagnosisJson.write(tree);
    }
}
