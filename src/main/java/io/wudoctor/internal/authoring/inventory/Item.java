package io.wudoctor.internal.authoring.inventory;

/**
 * One piece of knowledge in a pack, as written (no defaults filled in, so missing metadata
 * shows as null): its kind, id, title, status, source document and section, the rule's
 * justification (rules only), and where it is defined.
 */
public record Item(Kind kind, String id, String title, String status, String document, String section,
        String justification, String file, int line) {

    /** The kinds of items, in the order they are listed. */
    public enum Kind {
        RULE("rule"), SIGNATURE("signature"), FIX("fix"), CAUSE("cause");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** file:line, as messages and listings show it. */
    public String location() {
        return file + (line > 0 ? ":" + line : "");
    }
}
