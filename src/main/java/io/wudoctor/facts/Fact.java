package io.wudoctor.facts;

/** A fact the rules reason about. {@link #describe()} is the one-line evidence text shown to users. */
public interface Fact {
    String describe();
}
