package io.wudoctor.internal.render;

/** Turns a report into text of one format. Renderers know nothing of rules. */
public interface Renderer {
    String render(Report report);

    /** Whether this format always shows the chain behind each step (so wants it without --explain). */
    default boolean wantsExplanation() {
        return false;
    }

    /** The renderer for a --format name, in any case: text, json, markdown, html, ps1 or cmd. */
    static Renderer byName(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "text" -> new TextRenderer();
            case "json" -> new JsonRenderer();
            case "markdown", "md" -> new MarkdownRenderer();
            case "html" -> new HtmlRenderer();
            case "ps1", "powershell" -> new Ps1ScriptRenderer();
            case "cmd" -> new CmdScriptRenderer();
            default -> throw new IllegalArgumentException("unknown format '" + name
                    + "' (expected text, json, markdown, html, ps1 or cmd)");
        };
    }
}
