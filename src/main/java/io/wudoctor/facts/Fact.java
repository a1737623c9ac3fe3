package io.wudoctor.facts;

/** A fact the rules reason about. {@link #describe()} is the one-line evidence text shown to users. */
public interface Fact {

    /** The fact type as reports name it ({@code Evidence.kind}, docs/output.md); declared, so that renaming a class changes no report. */
    String kind();

    String describe();
}
