package io.wudoctor.api;

/** Where a piece of knowledge comes from: a seed document and its section heading. */
public record SourceRef(String document, String section) {

    @Override
    public String toString() {
        return document + (section == null || section.isBlank() ? "" : " § " + section);
    }
}
