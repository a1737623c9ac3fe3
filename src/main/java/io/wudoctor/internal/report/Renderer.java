package io.wudoctor.internal.report;

/** Turns a report into text of one format. Renderers know nothing of rules. */
public interface Renderer {
    String render(Report report);

    /** The renderer for a --format name: text, json, markdown or cmd (a batch script). */
    static Renderer byName(String name) {
        return switch (name) {
            case "text" -> new TextRenderer();
            case "json" -> new JsonRenderer();
            case "markdown", "md" -> new MarkdownRenderer();
            case "cmd" -> new CmdScriptRenderer();
            default -> throw new IllegalArgumentException("unknown format '" + name + "' (expected text, json, markdown or cmd)");
        };
    }
}
